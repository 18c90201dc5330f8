import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { COMMENT_MAX_CHARACTERS, countCharacters } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { FailureNotice } from '../../../ui/FailureNotice.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';
import { fitEdit } from '../commentInput.js';

export interface OutcomeFormProps {
  readonly strings: Strings;
  /** The active codes, in order; a retired code the task already holds is still shown, as chosen. */
  readonly reasonCodes: readonly string[];
  /** Whether this task's queue requires a reason code to complete (true unless an admin said otherwise). */
  readonly reasonRequired?: boolean;
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
  const { strings, reasonCodes, outcome, comment, outcomeRequested = false, reasonRequired = true } = props;
  const id = useUniqueId('interaction-outcome');
  const [pasteCut, setPasteCut] = useState(false);
  const reasonSelect = useRef<HTMLSelectElement>(null);
  const commentField = useRef<HTMLTextAreaElement>(null);
  // A cut edit gives React a value other than the one typed, which sends the caret to the end.
  const caretAfterCut = useRef(-1);
  useLayoutEffect(() => {
    if (caretAfterCut.current < 0) return;
    commentField.current?.setSelectionRange(caretAfterCut.current, caretAfterCut.current);
    caretAfterCut.current = -1;
  }, [comment]);
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
        <FailureNotice message={strings.outcomeSaveFailedInline} retryLabel={strings.retry} onRetry={props.onRetrySave} />
      )}
      <div style={styles.field}>
        <label htmlFor={`${id}-reason`} style={styles.label}>
          {reasonRequired ? strings.reasonCode : strings.reasonCodeOptional}
        </label>
        <select
          id={`${id}-reason`}
          ref={reasonSelect}
          required={reasonRequired}
          aria-required={reasonRequired}
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
          {!known && <option value={outcome}>{outcome}</option>}
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
          ref={commentField}
          onChange={(event) => {
            const next = event.target.value;
            // Deleting is always allowed; what is typed or pasted beyond the limit is cut to fit, and the agent told.
            const fitted = next.length < comment.length ? { text: next, cut: false, caret: -1 } : fitEdit(comment, next, COMMENT_MAX_CHARACTERS);
            setPasteCut(fitted.cut);
            if (fitted.text === comment) return;
            caretAfterCut.current = fitted.caret;
            props.onCommentChange(fitted.text);
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
