import type { Interaction } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';

export interface InteractionListProps {
  readonly strings: Strings;
  readonly state:
    | { readonly status: 'loading' }
    | { readonly status: 'error' }
    | { readonly status: 'ready'; readonly interactions: readonly Interaction[]; readonly hasMore: boolean };
  readonly onLoadOlder: () => void;
  readonly formatDateTime: (date: Date) => string;
}

/** The customer's past interactions, newest first, as a table a screen reader can walk. */
export function InteractionList({ strings, state, onLoadOlder, formatDateTime }: InteractionListProps) {
  return (
    <section aria-labelledby="interaction-history-heading" style={styles.section}>
      <h3 id="interaction-history-heading" style={styles.heading}>
        {strings.historyHeading}
      </h3>
      {state.status === 'loading' && <p role="status">{strings.loading}</p>}
      {state.status === 'error' && <Notice tone="error">{strings.historyFailed}</Notice>}
      {state.status === 'ready' && state.interactions.length === 0 && <p role="status">{strings.historyEmpty}</p>}
      {state.status === 'ready' && state.interactions.length > 0 && (
        <>
          <table style={styles.table}>
            <thead>
              <tr>
                {Object.values(strings.columns).map((column) => (
                  <th key={column} scope="col" style={styles.headerCell}>
                    {column}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {state.interactions.map((interaction) => (
                <tr key={interaction.taskSid}>
                  <td style={styles.cell}>
                    <time dateTime={interaction.completedAt.toISOString()}>{formatDateTime(interaction.completedAt)}</time>
                  </td>
                  <td style={styles.cell}>{interaction.channel ?? strings.none}</td>
                  <td style={styles.cell}>{interaction.queue ?? strings.none}</td>
                  <td style={styles.cell}>{interaction.workerName ?? strings.none}</td>
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
              <button type="button" style={styles.secondaryButton} onClick={onLoadOlder}>
                {strings.loadOlder}
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
