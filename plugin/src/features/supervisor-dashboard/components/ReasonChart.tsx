/**
 * Outcomes by reason code as horizontal bars with the numbers beside them.
 * A table carries the data (read by screen readers, row by row); the bars are
 * drawn in CSS beside each number and hidden from assistive technology, so
 * nothing is said twice and nothing depends on seeing the bars.
 */
import { colorBackgroundPrimary, colorBackgroundWarning } from '@twilio-paste/design-tokens';
import type { ViewStrings } from '../../../strings/views.en.js';
import { styles } from '../../../ui/theme.js';
import type { Count } from '../dashboardSummary.js';

export interface ReasonChartProps {
  readonly strings: ViewStrings;
  readonly byReason: readonly Count[];
  readonly missingOutcome: number;
  readonly total: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function ReasonChart({ strings, byReason, missingOutcome, total }: ReasonChartProps) {
  if (total === 0) return <p>{strings.noInteractions}</p>;
  const rows = [...byReason.map((row) => ({ ...row, missing: false })), ...(missingOutcome > 0 ? [{ label: strings.noOutcome, count: missingOutcome, missing: true }] : [])];
  const largest = Math.max(...rows.map((row) => row.count), 1);
  return (
    <table style={styles.table}>
      <caption style={{ ...styles.subtle, textAlign: 'left', captionSide: 'top' }}>
        {strings.byReasonHeading}: {strings.byReasonCaption(total)}
      </caption>
      <thead>
        <tr>
          <th scope="col" style={styles.headerCell}>
            {strings.reasonColumn}
          </th>
          <th scope="col" style={{ ...styles.headerCell, textAlign: 'right' }}>
            {strings.countColumn}
          </th>
          <th scope="col" style={{ ...styles.headerCell, textAlign: 'right' }}>
            {strings.shareColumn}
          </th>
          <td style={{ ...styles.headerCell, width: '45%' }} aria-hidden="true" />
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.missing ? 'missing' : 'reason'}-${row.label}`}>
            <th scope="row" style={{ ...styles.cell, fontWeight: 'normal', fontStyle: row.missing ? 'italic' : 'normal' }}>
              {row.label}
            </th>
            <td style={{ ...styles.cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{row.count}</td>
            <td style={{ ...styles.cell, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>{percent(row.count, total)} %</td>
            <td style={styles.cell} aria-hidden="true">
              <div
                data-bar
                style={{
                  height: '0.9em',
                  width: `${(row.count / largest) * 100}%`,
                  minWidth: '2px',
                  background: row.missing ? colorBackgroundWarning : colorBackgroundPrimary,
                  borderRadius: '2px',
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
