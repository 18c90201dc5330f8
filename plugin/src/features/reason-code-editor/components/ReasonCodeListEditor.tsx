import { useState } from 'react';
import type { ReasonCode } from '@interaction-history/model';
import type { ViewStrings } from '../../../strings/views.en.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';
import { addCode, moveCode, renameCode, setActive, type Edit } from '../reasonCodeEdits.js';

export interface ReasonCodeListEditorProps {
  readonly strings: ViewStrings;
  /** Null: nothing stored (or, for a queue, it uses the global list). */
  readonly codes: readonly ReasonCode[] | null;
  /** Saves the list as changed; rejects with the reason when it was not saved. */
  readonly onSave: (codes: readonly ReasonCode[]) => Promise<void>;
}

/** One list's codes in order: rename, move up or down, retire or restore, and add. Each change is saved at once. */
export function ReasonCodeListEditor({ strings, codes, onSave }: ReasonCodeListEditorProps) {
  const id = useUniqueId('reason-codes');
  const [newLabel, setNewLabel] = useState('');
  const [editing, setEditing] = useState<{ readonly id: string; readonly label: string } | null>(null);
  const [message, setMessage] = useState<{ readonly tone: 'error' | 'success'; readonly text: string } | null>(null);
  const current = codes ?? [];

  const apply = async (edit: Edit, after?: () => void) => {
    if (!edit.ok) {
      setMessage({ tone: 'error', text: edit.problem });
      return;
    }
    try {
      await onSave(edit.codes);
      setMessage({ tone: 'success', text: strings.saved });
      after?.();
    } catch (error) {
      setMessage({ tone: 'error', text: strings.saveFailed(error instanceof Error ? error.message : String(error)) });
    }
  };

  return (
    <div>
      {codes === null && <p style={styles.subtle}>{strings.nothingStored}</p>}
      <ol style={{ paddingLeft: '1.5rem' }}>
        {current.map((code, index) => (
          <li key={code.id} style={{ marginBottom: '0.5rem' }}>
            {editing?.id === code.id ? (
              <form
                style={styles.row}
                onSubmit={(event) => {
                  event.preventDefault();
                  void apply(renameCode(current, code.id, editing.label, strings), () => setEditing(null));
                }}
              >
                <label htmlFor={`${id}-${code.id}`} style={styles.visuallyHidden}>
                  {strings.codeLabel(code.label)}
                </label>
                <input id={`${id}-${code.id}`} value={editing.label} onChange={(event) => setEditing({ id: code.id, label: event.target.value })} style={{ ...styles.input, width: '20rem' }} />
                <button type="submit" style={styles.primaryButton}>
                  {strings.save}
                </button>
                <button type="button" onClick={() => setEditing(null)} style={styles.secondaryButton}>
                  {strings.cancel}
                </button>
              </form>
            ) : (
              <span style={styles.row}>
                <span style={{ minWidth: '14rem', textDecoration: code.active ? 'none' : 'line-through', color: code.active ? undefined : styles.subtle.color }}>
                  {code.label}
                  {!code.active && ` (${strings.retired})`}
                </span>
                <button type="button" aria-label={`${strings.rename} ${code.label}`} onClick={() => setEditing({ id: code.id, label: code.label })} style={styles.secondaryButton}>
                  {strings.rename}
                </button>
                <button type="button" aria-label={strings.moveUp(code.label)} disabled={index === 0} onClick={() => void apply(moveCode(current, code.id, -1))} style={styles.secondaryButton}>
                  ↑
                </button>
                <button type="button" aria-label={strings.moveDown(code.label)} disabled={index === current.length - 1} onClick={() => void apply(moveCode(current, code.id, 1))} style={styles.secondaryButton}>
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`${code.active ? strings.retire : strings.restore} ${code.label}`}
                  onClick={() => void apply(setActive(current, code.id, !code.active))}
                  style={code.active ? styles.destructiveButton : styles.secondaryButton}
                >
                  {code.active ? strings.retire : strings.restore}
                </button>
              </span>
            )}
          </li>
        ))}
      </ol>
      <form
        style={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void apply(addCode(current, newLabel, strings), () => setNewLabel(''));
        }}
      >
        <div style={styles.field}>
          <label htmlFor={`${id}-new`} style={styles.label}>
            {strings.newCode}
          </label>
          <input id={`${id}-new`} value={newLabel} onChange={(event) => setNewLabel(event.target.value)} style={{ ...styles.input, width: '20rem' }} />
        </div>
        <div style={styles.field}>
          <button type="submit" style={styles.primaryButton}>
            {strings.add}
          </button>
        </div>
      </form>
      {message && <Notice tone={message.tone === 'error' ? 'error' : 'success'}>{message.text}</Notice>}
    </div>
  );
}
