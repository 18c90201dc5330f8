import { useEffect, useRef, useState } from 'react';
import type { Strings } from '../../../strings/index.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { TextField } from '../../../ui/TextField.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';
import type { DataRightsAction, DataRightsMessage } from '../useDataRights.js';

export interface DataRightsPanelProps {
  readonly strings: Strings;
  readonly phone: string;
  readonly suppressed: boolean | null;
  readonly busy: DataRightsAction | null;
  readonly message: DataRightsMessage | null;
  readonly onExport: () => void;
  readonly onErase: (suppress: boolean) => void;
  readonly onSetSuppression: (suppressed: boolean) => void;
}

/** Export, erase (after typing the number) and suppression of one number, for admins. */
export function DataRightsPanel({ strings, phone, suppressed, busy, message, onExport, onErase, onSetSuppression }: DataRightsPanelProps) {
  const text = strings.dataRights;
  const id = useUniqueId('data-rights');
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [suppress, setSuppress] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (!confirming && wasConfirming.current) eraseButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const cancel = () => {
    setConfirming(false);
    setTyped('');
    setSuppress(false);
    setMismatch(false);
  };
  const confirm = () => {
    if (typed.trim() !== phone) {
      setMismatch(true);
      return;
    }
    onErase(suppress);
    cancel();
  };

  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {text.heading}
      </h3>
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {suppressed === true && <p style={styles.subtle}>{text.suppressedNotice}</p>}
      <div style={styles.row}>
        <button type="button" onClick={onExport} disabled={busy !== null} style={styles.secondaryButton}>
          {busy === 'export' ? text.exporting : text.exportButton}
        </button>
        {!confirming && (
          <button type="button" ref={eraseButton} onClick={() => setConfirming(true)} disabled={busy !== null} style={styles.destructiveButton}>
            {busy === 'erase' ? text.erasing : text.eraseButton}
          </button>
        )}
        {suppressed !== null && (
          <button type="button" onClick={() => onSetSuppression(!suppressed)} disabled={busy !== null} style={styles.secondaryButton}>
            {suppressed ? text.resumeButton : text.suppressButton}
          </button>
        )}
      </div>
      {confirming && (
        <form
          role="alertdialog"
          aria-labelledby={`${id}-explanation`}
          onSubmit={(event) => {
            event.preventDefault();
            confirm();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancel();
          }}
          style={{ ...styles.noticeError, marginTop: '0.5rem' }}
        >
          <p id={`${id}-explanation`}>{text.eraseExplanation(phone)}</p>
          <TextField
            id={`${id}-typed`}
            label={text.typeToConfirm(phone)}
            value={typed}
            onChange={(value) => {
              setTyped(value);
              setMismatch(false);
            }}
            error={mismatch ? text.typedMismatch : undefined}
            announceError
            autoComplete="off"
            autoFocus
          />
          <div style={styles.field}>
            <label>
              <input type="checkbox" checked={suppress} onChange={(event) => setSuppress(event.target.checked)} /> {text.suppressLabel}
            </label>
          </div>
          <div style={styles.row}>
            <button type="submit" style={styles.destructiveButton}>
              {text.confirmErase}
            </button>
            <button type="button" onClick={cancel} style={styles.secondaryButton}>
              {strings.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
