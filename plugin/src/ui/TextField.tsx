import type { InputHTMLAttributes } from 'react';
import { styles } from './theme.js';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'style'> {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** The message shown beside the field, also read out with it. */
  readonly error?: string | undefined;
  /** Read the message out as soon as it appears (for a field whose error does not move focus). */
  readonly announceError?: boolean;
  /** Change it to read the same message out again (a repeated refusal): the alert is drawn anew. */
  readonly errorOccurrence?: number;
}

export function TextField({ id, label, value, onChange, error, announceError = false, errorOccurrence = 0, ...inputProps }: TextFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div style={styles.field}>
      <label htmlFor={id} style={styles.label}>
        {label}
      </label>
      <input
        {...inputProps}
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        style={error ? { ...styles.input, ...styles.inputInvalid } : styles.input}
      />
      {error && (
        <div key={errorOccurrence} id={errorId} role={announceError ? 'alert' : undefined} style={styles.fieldError}>
          {error}
        </div>
      )}
    </div>
  );
}
