import type { PluginConfig } from '../../config/pluginConfig.js';
import { useSession } from '../../data/hooks.js';
import type { FirebaseSession } from '../../data/session.js';
import type { FlexTask } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import type { TaskOutcomeWriter } from '../outcome/taskOutcome.js';
import { callerPhoneOf } from './customerPhone.js';
import { CustomerHistory } from './CustomerHistory.js';

export interface HistoryTabProps {
  readonly task?: FlexTask;
  readonly session: FirebaseSession;
  readonly retrySignIn: () => void;
  readonly config: PluginConfig;
  readonly writer: TaskOutcomeWriter;
  readonly strings: Strings;
}

/** The tab's frame: sign-in state first, then the customer's history. Never a blank tab. */
export function HistoryTab({ task, session, retrySignIn, config, writer, strings }: HistoryTabProps) {
  const state = useSession(session);
  const callerPhone = task ? callerPhoneOf(task.attributes, config.phoneRegion) : null;
  return (
    <div style={styles.panel}>
      {state.status === 'signingIn' && <p role="status">{strings.signingIn}</p>}
      {state.status === 'failed' && (
        <Notice tone="error">
          <p style={{ marginTop: 0 }}>{strings.signInFailed}</p>
          <p style={styles.subtle}>{strings.signInFailedDetail(state.message)}</p>
          <button type="button" onClick={retrySignIn} style={styles.secondaryButton}>
            {strings.retry}
          </button>
        </Notice>
      )}
      {state.status === 'ready' && task && callerPhone && (
        <CustomerHistory
          key={task.taskSid}
          db={state.db}
          uid={state.uid}
          role={state.role}
          task={task}
          callerPhone={callerPhone}
          writer={writer}
          strings={strings}
          reasonCodes={config.reasonCodes}
          pageSize={config.pageSize}
          region={config.phoneRegion}
        />
      )}
    </div>
  );
}

/** Shown instead of the history when the plugin's configuration is unusable, naming the keys to fix. */
export function ConfigurationProblem({ problems, strings }: { readonly problems: readonly string[]; readonly strings: Strings }) {
  return (
    <div style={styles.panel}>
      <Notice tone="error">
        <p style={{ marginTop: 0 }}>{strings.configurationProblem}</p>
        <ul>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </Notice>
    </div>
  );
}
