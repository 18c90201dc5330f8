import type { ViewStrings } from '../../../strings/views.en.js';
import { styles } from '../../../ui/theme.js';
import { PERIODS, type Period } from '../periods.js';

/** Today, the last 7 or the last 30 centre-days: a group of radio buttons, one choice. */
export function PeriodPicker({ strings, period, onChange }: { readonly strings: ViewStrings; readonly period: Period; readonly onChange: (period: Period) => void }) {
  return (
    <fieldset style={{ border: 'none', padding: 0, margin: '0 0 1rem 0', display: 'flex', gap: '1rem', alignItems: 'center' }}>
      <legend style={{ ...styles.label, float: 'left', marginRight: '1rem' }}>{strings.period}</legend>
      {(Object.keys(PERIODS) as Period[]).map((key) => (
        <label key={key}>
          <input type="radio" name="dashboard-period" value={key} checked={period === key} onChange={() => onChange(key)} /> {strings.periods[key]}
        </label>
      ))}
    </fieldset>
  );
}
