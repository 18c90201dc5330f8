import type { Interaction } from '@interaction-history/model';
import type { ViewStrings } from '../../../strings/views.en.js';
import { ColumnHeaders } from '../../../ui/ColumnHeaders.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface FilterOption {
  readonly value: string;
  readonly label: string;
}

export interface MissingOutcomesListProps {
  readonly strings: ViewStrings;
  readonly interactions: readonly Interaction[];
  readonly queues: readonly FilterOption[];
  readonly agents: readonly FilterOption[];
  readonly queue: string | null;
  readonly agent: string | null;
  readonly onQueueChange: (queue: string | null) => void;
  readonly onAgentChange: (agent: string | null) => void;
  readonly onOpenHistory: (phone: string) => void;
  readonly formatDateTime: (date: Date) => string;
  /** The page size: when that many are shown, there may be more. */
  readonly pageSize: number;
}

/** Interactions stored without a reason code, newest first, filterable by queue and agent; each opens the customer's history. */
export function MissingOutcomesList(props: MissingOutcomesListProps) {
  const { strings, interactions } = props;
  const id = useUniqueId('missing-outcomes');
  return (
    <div>
      <div style={styles.row}>
        <div style={styles.field}>
          <label htmlFor={`${id}-queue`} style={styles.label}>
            {strings.filterQueue}
          </label>
          <select id={`${id}-queue`} value={props.queue ?? ''} onChange={(event) => props.onQueueChange(event.target.value || null)} style={styles.input}>
            <option value="">{strings.allQueues}</option>
            {props.queues.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div style={styles.field}>
          <label htmlFor={`${id}-agent`} style={styles.label}>
            {strings.filterAgent}
          </label>
          <select id={`${id}-agent`} value={props.agent ?? ''} onChange={(event) => props.onAgentChange(event.target.value || null)} style={styles.input}>
            <option value="">{strings.allAgents}</option>
            {props.agents.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {interactions.length === 0 ? (
        <p>{strings.missingEmpty}</p>
      ) : (
        <table style={styles.table} aria-label={strings.missingHeading}>
          <ColumnHeaders columns={[strings.whenColumn, strings.agentColumn, strings.queueColumn, strings.completedReasonColumn, strings.customerColumn]} />
          <tbody>
            {interactions.map((interaction) => (
              <tr key={interaction.taskSid}>
                <td style={styles.cell}>{props.formatDateTime(interaction.completedAt)}</td>
                <td style={styles.cell}>{interaction.workerName ?? interaction.workerSid ?? strings.noAgent}</td>
                <td style={styles.cell}>{interaction.queue ?? strings.noQueue}</td>
                <td style={styles.cell}>{interaction.completedReason ?? strings.completedReasonNotGiven}</td>
                <td style={styles.cell}>
                  <button type="button" onClick={() => props.onOpenHistory(interaction.customerPhone)} style={linkButton}>
                    {strings.openHistory(interaction.customerPhone)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {interactions.length >= props.pageSize && <p style={styles.subtle}>{strings.missingShown(interactions.length)}</p>}
    </div>
  );
}

export const linkButton = {
  background: 'none',
  border: 'none',
  padding: 0,
  color: 'inherit',
  textDecoration: 'underline',
  cursor: 'pointer',
  font: 'inherit',
} as const;
