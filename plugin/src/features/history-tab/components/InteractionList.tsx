import type { Interaction } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { ColumnHeaders } from '../../../ui/ColumnHeaders.js';
import { FailureNotice } from '../../../ui/FailureNotice.js';
import { styles } from '../../../ui/theme.js';
import { UnreadableNotice } from '../../../ui/UnreadableNotice.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface InteractionListProps {
  readonly strings: Strings;
  readonly state:
    | { readonly status: 'loading' }
    | { readonly status: 'error'; readonly retry: () => void }
    | {
        readonly status: 'ready';
        readonly interactions: readonly Interaction[];
        readonly hasMore: boolean;
        /** Paths of records that could not be read; they are left out of the table. */
        readonly unreadable?: readonly string[];
        /** Older interactions are on their way; the rows shown stay, and so does the button. */
        readonly loadingOlder?: boolean;
      };
  readonly onLoadOlder: () => void;
  readonly formatDateTime: (date: Date) => string;
}

/** The customer's past interactions, newest first, as a table a screen reader can walk. */
export function InteractionList({ strings, state, onLoadOlder, formatDateTime }: InteractionListProps) {
  const id = useUniqueId('interaction-history');
  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {strings.historyHeading}
      </h3>
      {state.status === 'loading' && <p role="status">{strings.loading}</p>}
      {state.status === 'error' && (
        <FailureNotice message={strings.historyFailed} retryLabel={strings.retry} onRetry={state.retry} />
      )}
      {state.status === 'ready' && state.unreadable && state.unreadable.length > 0 && (
        <UnreadableNotice message={strings.historyUnreadable(state.unreadable.length)} paths={state.unreadable} />
      )}
      {state.status === 'ready' && state.interactions.length === 0 && <p role="status">{strings.historyEmpty}</p>}
      {state.status === 'ready' && state.interactions.length > 0 && (
        <>
          <table style={styles.table}>
            <ColumnHeaders columns={Object.values(strings.columns)} />
            <tbody>
              {state.interactions.map((interaction) => (
                <tr key={interaction.taskSid}>
                  <td style={styles.cell}>
                    <time dateTime={interaction.completedAt.toISOString()}>{formatDateTime(interaction.completedAt)}</time>
                  </td>
                  <td style={styles.cell}>{interaction.channel ?? strings.none}</td>
                  <td style={styles.cell}>{interaction.queue ?? strings.none}</td>
                  <td style={styles.cell}>{interaction.workerName ?? strings.agentUnknown}</td>
                  <td style={styles.cell}>{interaction.outcome ?? <em>{strings.noOutcome}</em>}</td>
                  <td style={{ ...styles.cell, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{interaction.comment ?? strings.none}</td>
                  <td style={styles.cell}>
                    {interaction.durationSeconds === null ? strings.none : strings.durationValue(interaction.durationSeconds)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div style={{ marginTop: '0.5rem' }}>
            {state.hasMore ? (
              <button
                type="button"
                style={styles.secondaryButton}
                // aria-disabled, not disabled: a disabled button would drop the keyboard focus it holds.
                onClick={state.loadingOlder ? undefined : onLoadOlder}
                aria-disabled={state.loadingOlder ? true : undefined}
                aria-busy={state.loadingOlder ? true : undefined}
              >
                {state.loadingOlder ? strings.loadingOlder : strings.loadOlder}
              </button>
            ) : (
              <span style={styles.subtle}>{strings.noMoreHistory}</span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
