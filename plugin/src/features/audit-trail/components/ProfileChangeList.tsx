import type { AuditEntry } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { ColumnHeaders } from '../../../ui/ColumnHeaders.js';
import { FailureNotice } from '../../../ui/FailureNotice.js';
import { styles } from '../../../ui/theme.js';
import { UnreadableNotice } from '../../../ui/UnreadableNotice.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface ProfileChangeListProps {
  readonly strings: Strings;
  readonly state:
    | { readonly status: 'loading' }
    | { readonly status: 'error'; readonly retry: () => void }
    | { readonly status: 'ready'; readonly entries: readonly AuditEntry[]; readonly unreadable: readonly string[] };
  readonly formatDateTime: (date: Date) => string;
}

/** A profile's last recorded changes, newest first: when, who (worker and role), what, and each field's old and new value. */
export function ProfileChangeList({ strings, state, formatDateTime }: ProfileChangeListProps) {
  const id = useUniqueId('profile-changes');
  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {strings.profileChangesHeading}
      </h3>
      {state.status === 'loading' && <p role="status">{strings.loading}</p>}
      {state.status === 'error' && <FailureNotice message={strings.profileChangesFailed} retryLabel={strings.retry} onRetry={state.retry} />}
      {state.status === 'ready' && state.unreadable.length > 0 && (
        <UnreadableNotice message={strings.profileChangesUnreadable(state.unreadable.length)} paths={state.unreadable} />
      )}
      {state.status === 'ready' && state.entries.length === 0 && <p role="status">{strings.profileChangesEmpty}</p>}
      {state.status === 'ready' && state.entries.length > 0 && (
        <table style={styles.table}>
          <ColumnHeaders columns={Object.values(strings.auditColumns)} />
          <tbody>
            {state.entries.map((entry) => (
              <tr key={`${entry.at.toISOString()}-${entry.action}-${entry.actor.uid}`}>
                <td style={styles.cell}>
                  <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
                </td>
                <td style={styles.cell}>{strings.auditActor(entry.actor.uid, entry.actor.role)}</td>
                <td style={styles.cell}>{strings.auditActions[entry.action]}</td>
                <td style={{ ...styles.cell, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {entry.changes && entry.changes.length > 0 ? (
                    <ul style={{ margin: 0, paddingLeft: '1rem' }}>
                      {entry.changes.map((change) => (
                        <li key={change.field}>{strings.auditChange(change.field, change.before, change.after)}</li>
                      ))}
                    </ul>
                  ) : (
                    (entry.note ?? strings.none)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
