import { COMMENT_MAX_CHARACTERS, countCharacters } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';

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
}

/** The reason code (required to complete) and an optional comment with a live character counter. */
export function OutcomeForm(props: OutcomeFormProps) {
  const { strings, reasonCodes, outcome, comment } = props;
  const used = countCharacters(comment);
  const known = outcome === null || reasonCodes.includes(outcome);
  return (
    <section aria-labelledby="interaction-outcome-heading" style={styles.section}>
      <h3 id="interaction-outcome-heading" style={styles.heading}>
        {strings.outcomeHeading}
      </h3>
      {props.saveFailed && <Notice tone="error">{strings.outcomeSaveFailed}</Notice>}
      <div style={styles.field}>
        <label htmlFor="interaction-reason-code" style={styles.label}>
          {strings.reasonCode}
        </label>
        <select
          id="interaction-reason-code"
          required
          aria-required="true"
          value={outcome ?? ''}
          onChange={(event) => props.onOutcomeChange(event.target.value === '' ? null : event.target.value)}
          style={styles.input}
        >
          <option value="">{strings.chooseReason}</option>
          {reasonCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
          {!known && outcome !== null && <option value={outcome}>{outcome}</option>}
        </select>
      </div>
      <div style={styles.field}>
        <label htmlFor="interaction-comment" style={styles.label}>
          {strings.comment}
        </label>
        <textarea
          id="interaction-comment"
          rows={3}
          value={comment}
          aria-describedby="interaction-comment-counter"
          onChange={(event) => {
            const next = event.target.value;
            // Refuse growth past the limit but always allow deleting.
            if (countCharacters(next) <= COMMENT_MAX_CHARACTERS || next.length < comment.length) props.onCommentChange(next);
          }}
          onBlur={props.onCommentCommit}
          style={{ ...styles.input, resize: 'vertical' }}
        />
        <div id="interaction-comment-counter" aria-live="polite" style={styles.subtle}>
          {strings.commentCounter(used, COMMENT_MAX_CHARACTERS)}
        </div>
      </div>
    </section>
  );
}
