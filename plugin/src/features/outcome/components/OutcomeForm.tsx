import { useEffect, useRef, useState } from 'react';
import { COMMENT_MAX_CHARACTERS, countCharacters, takeCharacters } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface OutcomeFormProps {
  readonly strings: Strings;
  readonly reasonCodes: readonly string[];
  readonly outcome: string | null;
  readonly comment: string;
  readonly onOutcomeChange: (outcome: string | null) => void;
  readonly onCommentChange: (comment: string) => void;
  /** Called when the comment field loses focus: the moment to save it. */
  readonly onCommentCommit: () => void;
  readonly saveFailed: boolean;
  /** Writes the outcome again after a failed save. */
  readonly onRetrySave: () => void;
  /** Completion was refused for want of a reason code: take the agent to the field and say so beside it. */
  readonly outcomeRequested?: boolean;
}

/** Below this many characters left, the counter is read out as it changes; before, only on focus. */
const ANNOUNCE_WHEN_LEFT = 100;

/** The reason code (required to complete) and an optional comment with a live character counter. */
export function OutcomeForm(props: OutcomeFormProps) {
  const { strings, reasonCodes, outcome, comment, outcomeRequested = false } = props;
  const id = useUniqueId('interaction-outcome');
  const [pasteCut, setPasteCut] = useState(false);
  const reasonSelect = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (outcomeRequested) reasonSelect.current?.focus();
  }, [outcomeRequested]);

  const used = countCharacters(comment);
  const left = COMMENT_MAX_CHARACTERS - used;
  const known = outcome === null || reasonCodes.includes(outcome);
  const describedBy = outcomeRequested ? `${id}-reason-error` : undefined;
  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {strings.outcomeHeading}
      </h3>
      {props.saveFailed && (
        <Notice tone="error">
          <p style={{ marginTop: 0 }}>{strings.outcomeSaveFailedInline}</p>
          <button type="button" onClick={props.onRetrySave} style={styles.secondaryButton}>
            {strings.retry}
          </button>
        </Notice>
      )}
      <div style={styles.field}>
        <label htmlFor={`${id}-reason`} style={styles.label}>
          {strings.reasonCode}
        </label>
        <select
          id={`${id}-reason`}
          ref={reasonSelect}
          required
          aria-required="true"
          aria-invalid={outcomeRequested ? true : undefined}
          aria-describedby={describedBy}
          value={outcome ?? ''}
          onChange={(event) => props.onOutcomeChange(event.target.value === '' ? null : event.target.value)}
          style={outcomeRequested ? { ...styles.input, ...styles.inputInvalid } : styles.input}
        >
          <option value="">{strings.chooseReason}</option>
          {reasonCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
          {!known && outcome !== null && <option value={outcome}>{outcome}</option>}
        </select>
        {outcomeRequested && (
          <div id={describedBy} style={styles.fieldError}>
            {strings.outcomeRequiredInline}
          </div>
        )}
      </div>
      <div style={styles.field}>
        <label htmlFor={`${id}-comment`} style={styles.label}>
          {strings.comment}
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          aria-describedby={`${id}-counter`}
          onChange={(event) => {
            const next = event.target.value;
            const fits = countCharacters(next) <= COMMENT_MAX_CHARACTERS;
            setPasteCut(!fits);
            // Deleting is always allowed; text beyond the limit (a long paste) is cut to fit, and the agent told.
            const kept = fits || next.length < comment.length ? next : takeCharacters(next, COMMENT_MAX_CHARACTERS);
            if (kept !== comment) props.onCommentChange(kept);
          }}
          onBlur={props.onCommentCommit}
          style={{ ...styles.input, resize: 'vertical' }}
        />
        <div id={`${id}-counter`} style={styles.subtle}>
          {strings.commentCounter(used, COMMENT_MAX_CHARACTERS)}
        </div>
        {/* Read out only near the limit: a count after every keystroke would drown the screen reader. */}
        <div role="status" style={styles.visuallyHidden}>
          {left <= ANNOUNCE_WHEN_LEFT ? strings.commentNearLimit(left) : ''}
        </div>
        {pasteCut && <Notice tone="info">{strings.commentPasteCut(COMMENT_MAX_CHARACTERS)}</Notice>}
      </div>
    </section>
  );
}
