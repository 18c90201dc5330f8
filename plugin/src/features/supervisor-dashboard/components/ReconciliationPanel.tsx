import type { ViewStrings } from '../../../strings/views.en.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';

/** What the panel shows of the last reconciliation run (`systemStatus/reconciliation`). */
export interface ReconciliationSummary {
  readonly finishedAt: Date;
  readonly coveredUntil: Date;
  readonly tasksSeen: number;
  readonly recovered: number;
  readonly notAttributable: number;
  readonly errorCount: number;
  readonly unreadableCount: number;
  readonly errors: readonly string[];
}

/** The last reconciliation with TaskRouter's Events API: when, what it found missing, and what went wrong. */
export function ReconciliationPanel({ strings, status, formatDateTime }: { readonly strings: ViewStrings; readonly status: ReconciliationSummary | null; readonly formatDateTime: (date: Date) => string }) {
  if (!status) return <p>{strings.reconciliationNone}</p>;
  return (
    <div>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '1rem', rowGap: '0.25rem', margin: 0 }}>
        <dt style={styles.label}>{strings.reconciliationLastRun}</dt>
        <dd style={{ margin: 0 }}>{formatDateTime(status.finishedAt)}</dd>
        <dt style={styles.label}>{strings.reconciliationCovered}</dt>
        <dd style={{ margin: 0 }}>{formatDateTime(status.coveredUntil)}</dd>
        <dt style={styles.label}>{strings.reconciliationTasks}</dt>
        <dd style={{ margin: 0 }}>{status.tasksSeen}</dd>
        <dt style={styles.label}>{strings.reconciliationRecovered}</dt>
        <dd style={{ margin: 0 }}>{status.recovered}</dd>
        <dt style={styles.label}>{strings.reconciliationNotAttributable}</dt>
        <dd style={{ margin: 0 }}>{status.notAttributable}</dd>
        <dt style={styles.label}>{strings.reconciliationErrors}</dt>
        <dd style={{ margin: 0 }}>{status.errorCount}</dd>
        <dt style={styles.label}>{strings.reconciliationUnreadable}</dt>
        <dd style={{ margin: 0 }}>{status.unreadableCount}</dd>
      </dl>
      {status.errors.length > 0 && (
        <Notice tone="error">
          <ul style={{ margin: 0 }}>
            {status.errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </Notice>
      )}
    </div>
  );
}
