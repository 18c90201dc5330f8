import { useState, type FormEvent } from 'react';
import type { Strings } from '../../../strings/index.js';
import { TextField } from '../../../ui/TextField.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface PhoneSearchProps {
  readonly strings: Strings;
  /** Turns what was typed into E.164, or null when it is not a phone number. */
  readonly normalize: (typed: string) => string | null;
  readonly onFound: (phone: string) => void;
  /** Present while another customer than the caller is shown. */
  readonly searchedPhone: string | null;
  readonly callerPhone: string;
  readonly onBackToCaller: () => void;
}

/** Look up another number (someone calling from another person's phone), and go back to the caller. */
export function PhoneSearch({ strings, normalize, onFound, searchedPhone, callerPhone, onBackToCaller }: PhoneSearchProps) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  // Counts refused searches, so that searching again for the same wrong number says so again.
  const [refusals, setRefusals] = useState(0);
  const id = useUniqueId('phone-search');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const phone = normalize(typed);
    setInvalid(phone === null);
    if (phone === null) setRefusals((count) => count + 1);
    if (phone) {
      onFound(phone);
      setTyped('');
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {strings.searchHeading}
      </h3>
      {searchedPhone && (
        <div role="status" style={styles.noticeInfo}>
          <p style={{ marginTop: 0 }}>{strings.showingSearched(searchedPhone)}</p>
          <button type="button" onClick={onBackToCaller} style={styles.secondaryButton}>
            {strings.backToCaller(callerPhone)}
          </button>
        </div>
      )}
      <form role="search" aria-label={strings.searchLabel} onSubmit={submit} style={styles.row}>
        <div style={{ flex: 1 }}>
          <TextField
            id={`${id}-input`}
            label={strings.searchLabel}
            type="tel"
            inputMode="tel"
            value={typed}
            autoComplete="off"
            error={invalid ? strings.searchInvalid : undefined}
            announceError
            errorOccurrence={refusals}
            onChange={(value) => {
              setTyped(value);
              setInvalid(false);
            }}
          />
        </div>
        <div style={styles.field}>
          <button type="submit" style={styles.primaryButton}>
            {strings.searchButton}
          </button>
        </div>
      </form>
    </section>
  );
}
