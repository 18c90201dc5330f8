import type { ViewStrings } from '../../../strings/views.en.js';
import { styles } from '../../../ui/theme.js';
import { tallyName, type TallySummary } from '../dashboardSummary.js';

export interface BreakdownTableProps {
  readonly strings: ViewStrings;
  readonly caption: string;
  readonly nameColumn: string;
  readonly tallies: readonly TallySummary[];
}

/** Interactions, those without a reason, and the most frequent reason, per queue or per agent. */
export function BreakdownTable({ strings, caption, nameColumn, tallies }: BreakdownTableProps) {
  if (tallies.length === 0) return null;
  return (
    <table style={{ ...styles.table, marginBottom: '1rem' }}>
      <caption style={{ ...styles.heading, textAlign: 'left', captionSide: 'top' }}>{caption}</caption>
      <thead>
        <tr>
          {[nameColumn, strings.countColumn, strings.missingColumn, strings.topReasonColumn].map((column, index) => (
            <th key={column} scope="col" style={{ ...styles.headerCell, textAlign: index === 1 || index === 2 ? 'right' : 'left' }}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {tallies.map((tally) => (
          <tr key={tally.key}>
            <th scope="row" style={{ ...styles.cell, fontWeight: 'normal' }}>
              {tallyName(tally, strings)}
            </th>
            <td style={{ ...styles.cell, textAlign: 'right' }}>{tally.interactions}</td>
            <td style={{ ...styles.cell, textAlign: 'right' }}>{tally.missingOutcome}</td>
            <td style={styles.cell}>{tally.byReason[0] ? `${tally.byReason[0].label} (${tally.byReason[0].count})` : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
