import { normalizePhone } from '@interaction-history/model';
import type { PluginConfig } from '../../config/pluginConfig.js';
import { useSession } from '../../data/hooks.js';
import type { FirebaseSession, SessionState } from '../../data/session.js';
import type { FlexTask } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { IdScope } from '../../ui/useUniqueId.js';
import { ProfileChanges } from '../audit-trail/ProfileChanges.js';
import { CustomerProfile } from '../customer/CustomerProfile.js';
import { DataRights } from '../data-rights/DataRights.js';
import { PhoneSearch } from '../customer/components/PhoneSearch.js';
import { OutcomeForm, type OutcomeFormProps } from '../outcome/components/OutcomeForm.js';
import type { ReasonCodeStore } from '../outcome/reasonCodeStore.js';
import type { TaskOutcomeWriter } from '../outcome/taskOutcome.js';
import { useReasonCodes } from '../outcome/useReasonCodes.js';
import { useTaskOutcome, type TaskOutcome } from '../outcome/useTaskOutcome.js';
import { callerPhoneOf } from './customerPhone.js';
import { PastInteractions } from './PastInteractions.js';

export interface HistoryTabProps {
  readonly task?: FlexTask;
  readonly session: FirebaseSession;
  readonly retrySignIn: () => void;
  readonly config: PluginConfig;
  readonly writer: TaskOutcomeWriter;
  /** The reason codes agents choose from, live from Firestore with the configured fallback. */
  readonly reasonCodes: ReasonCodeStore;
  readonly strings: Strings;
}

/**
 * The tab's frame: sign-in state first, then the task. Never a blank tab, and
 * never a task that cannot be completed: the reason code works without sign-in.
 */
export function HistoryTab({ task, session, retrySignIn, config, writer, reasonCodes, strings }: HistoryTabProps) {
  const state = useSession(session);
  const callerPhone = task ? callerPhoneOf(task.attributes, config.phoneRegion) : null;
  return (
    <div style={styles.panel}>
      {state.status === 'signingIn' && <p role="status">{strings.signingIn}</p>}
      {state.status === 'failed' && (
        <FailureNotice message={strings.signInFailed} retryLabel={strings.retry} onRetry={retrySignIn}>
          <p style={styles.subtle}>{strings.signInFailedDetail(state.message)}</p>
          {task && callerPhone && <p style={styles.subtle}>{strings.outcomeWithoutHistory}</p>}
        </FailureNotice>
      )}
      {task && callerPhone && (
        <TaskPanel key={task.taskSid} task={task} callerPhone={callerPhone} session={state} config={config} writer={writer} reasonCodes={reasonCodes} strings={strings} />
      )}
    </div>
  );
}

interface TaskPanelProps {
  readonly task: FlexTask;
  readonly callerPhone: string;
  readonly session: SessionState;
  readonly config: PluginConfig;
  readonly writer: TaskOutcomeWriter;
  readonly reasonCodes: ReasonCodeStore;
  readonly strings: Strings;
}

/** The outcome form's value and handlers, from the task's outcome: the same in the full tab and the outcome-only one. */
function outcomeFormBinding(taskOutcome: TaskOutcome) {
  return {
    outcome: taskOutcome.outcome.outcome,
    comment: taskOutcome.commentDraft,
    saveFailed: taskOutcome.saveFailed,
    onRetrySave: taskOutcome.retrySave,
    outcomeRequested: taskOutcome.outcomeRequested,
    onOutcomeChange: taskOutcome.chooseReason,
    onCommentChange: taskOutcome.typeComment,
    onCommentCommit: taskOutcome.commitComment,
  } satisfies Partial<OutcomeFormProps>;
}

/**
 * One task: its outcome always; the customer, the search and the history once
 * signed in. The outcome form keeps its place in the tree whatever the session
 * does, so a sign-in that succeeds while the agent types does not take the
 * comment field from under them.
 */
function TaskPanel({ task, callerPhone, session, config, writer, reasonCodes, strings }: TaskPanelProps) {
  const taskOutcome = useTaskOutcome(task, writer);
  const choices = useReasonCodes(reasonCodes, task.queueSid);
  const signedIn = session.status === 'ready' ? session : null;
  // The writer stores the caller's number too (always the customer shown); only another number is a search.
  const chosenPhone = taskOutcome.outcome.customerPhone;
  const searchedPhone = chosenPhone === callerPhone ? null : chosenPhone;
  const shownPhone = searchedPhone ?? callerPhone;
  return (
    <IdScope.Provider value={task.taskSid}>
      {signedIn && (
        <CustomerProfile
          key={`profile-${shownPhone}`}
          db={signedIn.db}
          uid={signedIn.uid}
          role={signedIn.role}
          sessionEpoch={signedIn.epoch}
          phone={shownPhone}
          strings={strings}
        />
      )}
      <OutcomeForm
        strings={strings}
        reasonCodes={choices.choices}
        reasonRequired={choices.required}
        {...outcomeFormBinding(taskOutcome)}
      />
      {signedIn && (
        <PhoneSearch
          strings={strings}
          normalize={(typed) => normalizePhone(typed, config.phoneRegion)}
          searchedPhone={searchedPhone}
          callerPhone={callerPhone}
          onFound={(phone) => taskOutcome.chooseCustomer(phone === callerPhone ? null : phone)}
          onBackToCaller={() => taskOutcome.chooseCustomer(null)}
        />
      )}
      {signedIn && (
        <PastInteractions
          key={`history-${shownPhone}`}
          db={signedIn.db}
          phone={shownPhone}
          pageSize={config.pageSize}
          sessionEpoch={signedIn.epoch}
          strings={strings}
        />
      )}
      {signedIn?.role === 'admin' && (
        <ProfileChanges key={`changes-${shownPhone}`} db={signedIn.db} phone={shownPhone} sessionEpoch={signedIn.epoch} strings={strings} />
      )}
      {signedIn?.role === 'admin' && (
        <DataRights key={`rights-${shownPhone}`} config={config} idToken={signedIn.idToken} phone={shownPhone} strings={strings} />
      )}
    </IdScope.Provider>
  );
}

export interface OutcomeOnlyTabProps {
  readonly task?: FlexTask;
  readonly problems: readonly string[];
  readonly reasonCodes: readonly string[];
  readonly writer: TaskOutcomeWriter;
  readonly strings: Strings;
}

/**
 * The tab when the configuration is unusable: the problem named, and the reason
 * code and comment still offered (the guard still requires one), since they
 * only write task attributes and need neither Firebase nor the settings.
 */
export function OutcomeOnlyTab({ task, problems, reasonCodes, writer, strings }: OutcomeOnlyTabProps) {
  return (
    <>
      <ConfigurationProblem problems={problems} strings={strings} />
      {task && <OutcomeOnlyPanel key={task.taskSid} task={task} reasonCodes={reasonCodes} writer={writer} strings={strings} />}
    </>
  );
}

function OutcomeOnlyPanel({ task, reasonCodes, writer, strings }: Omit<OutcomeOnlyTabProps, 'problems' | 'task'> & { readonly task: FlexTask }) {
  const taskOutcome = useTaskOutcome(task, writer);
  return (
    <IdScope.Provider value={task.taskSid}>
      <OutcomeForm
        strings={strings}
        reasonCodes={reasonCodes}
        {...outcomeFormBinding(taskOutcome)}
      />
    </IdScope.Provider>
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
