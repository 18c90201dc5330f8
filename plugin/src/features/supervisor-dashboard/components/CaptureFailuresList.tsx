import { useState } from 'react';
import { CAPTURE_FAILURE_REASONS, isUnattributableReason, type CaptureFailureDocument } from '@interaction-history/model';
import type { ViewStrings } from '../../../strings/views.en.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';
import { linkButton } from './MissingOutcomesList.js';

export type FileOutcome = { readonly ok: true; readonly phone: string; readonly already: boolean } | { readonly ok: false; readonly message: string };

export interface CaptureFailuresListProps {
  readonly strings: ViewStrings;
  /** Newest first. */
  readonly failures: readonly CaptureFailureDocument[];
  /** Admins may file an unattributable event under a customer; supervisors only read. */
  readonly canFile: boolean;
  /** Normalises a typed number to E.164, or null when it is not a valid number. */
  readonly normalize: (typed: string) => string | null;
  readonly onFile: (taskSid: string, phone: string) => Promise<FileOutcome>;
  readonly onOpenHistory: (phone: string) => void;
  readonly formatDateTime: (date: Date) => string;
}

/** Capture failures with the reason in words; the unresolved unattributable ones can be filed by an admin. */
export function CaptureFailuresList({ strings, failures, ...props }: CaptureFailuresListProps) {
  if (failures.length === 0) return <p>{strings.failuresEmpty}</p>;
  return (
    <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {failures.map((failure) => (
        <li key={failure.taskSid} style={{ ...styles.section, paddingBottom: '0.5rem', marginBottom: '0.5rem' }}>
          <div style={styles.subtle}>
            {props.formatDateTime(failure.receivedAt)} · {strings.failureTask} {failure.taskSid}
          </div>
          <div>{CAPTURE_FAILURE_REASONS[failure.reason]}</div>
          {failure.otherReasons?.map((reason) => (
            <div key={reason} style={styles.subtle}>
              {CAPTURE_FAILURE_REASONS[reason]}
            </div>
          ))}
          <FailureStatus strings={strings} failure={failure} {...props} />
        </li>
      ))}
    </ul>
  );
}

function FailureStatus({ strings, failure, canFile, normalize, onFile, onOpenHistory }: Omit<CaptureFailuresListProps, 'failures' | 'formatDateTime'> & { readonly failure: CaptureFailureDocument }) {
  if (failure.resolved && failure.filedCustomerPhone) {
    const phone = failure.filedCustomerPhone;
    return (
      <div>
        <strong>{strings.resolvedUnder(phone)}</strong>{' '}
        <button type="button" style={linkButton} onClick={() => onOpenHistory(phone)}>
          {strings.openHistory(phone)}
        </button>
      </div>
    );
  }
  if (!isUnattributableReason(failure.reason)) return <div style={styles.subtle}>{strings.noteOnly}</div>;
  return (
    <div>
      <strong>{strings.unresolved}</strong>
      {canFile && <FileUnderCustomerForm strings={strings} taskSid={failure.taskSid} normalize={normalize} onFile={onFile} onOpenHistory={onOpenHistory} />}
    </div>
  );
}

interface FileFormProps {
  readonly strings: ViewStrings;
  readonly taskSid: string;
  readonly normalize: (typed: string) => string | null;
  readonly onFile: (taskSid: string, phone: string) => Promise<FileOutcome>;
  readonly onOpenHistory: (phone: string) => void;
}

/** The customer's number, checked before anything is sent; the function files the event and marks the failure resolved. */
export function FileUnderCustomerForm({ strings, taskSid, normalize, onFile, onOpenHistory }: FileFormProps) {
  const id = useUniqueId(`file-${taskSid}`);
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FileOutcome | null>(null);
  const submit = async () => {
    const phone = normalize(typed);
    setInvalid(phone === null);
    if (phone === null) return;
    setBusy(true);
    setOutcome(null);
    const result = await onFile(taskSid, phone);
    setBusy(false);
    setOutcome(result);
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
      style={{ marginTop: '0.5rem' }}
    >
      <div style={styles.row}>
        <div style={{ ...styles.field, flex: '1 1 14rem' }}>
          <label htmlFor={`${id}-phone`} style={styles.label}>
            {strings.fileUnderLabel(taskSid)}
          </label>
          <input
            id={`${id}-phone`}
            type="tel"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            style={invalid ? { ...styles.input, ...styles.inputInvalid } : styles.input}
          />
          {invalid && (
            <div id={`${id}-error`} style={styles.fieldError}>
              {strings.invalidPhone}
            </div>
          )}
        </div>
        <div style={styles.field}>
          <button type="submit" disabled={busy} style={styles.primaryButton}>
            {busy ? strings.filing : strings.fileUnder}
          </button>
        </div>
      </div>
      {outcome?.ok === false && <Notice tone="error">{strings.fileFailed(outcome.message)}</Notice>}
      {outcome?.ok === true && (
        <Notice tone="success">
          {outcome.already ? strings.alreadyFiled(outcome.phone) : strings.filed(outcome.phone)}{' '}
          <button type="button" style={linkButton} onClick={() => onOpenHistory(outcome.phone)}>
            {strings.openHistory(outcome.phone)}
          </button>
        </Notice>
      )}
    </form>
  );
}
