/**
 * The agent's outcome for one task as the tab edits it: the reason code, the
 * comment being typed (saved shortly after typing stops, on leaving the field,
 * and before completion), and the customer it is filed under. It lives apart
 * from the history so that it works even when the history cannot be shown.
 */
import { useEffect, useRef, useState } from 'react';
import type { OutcomeAttributes } from '@interaction-history/model';
import type { FlexTask } from '../../flex/flexApi.js';
import type { TaskOutcomeWriter } from './taskOutcome.js';

export const COMMENT_SAVE_DELAY_MS = 800;

export interface TaskOutcome {
  readonly outcome: OutcomeAttributes;
  /** The comment as typed, blanks included, which the saved value drops. */
  readonly commentDraft: string;
  /** The last write to the task failed and nothing has been saved since. */
  readonly saveFailed: boolean;
  /** The completion guard refused completion for want of a reason code, and none has been chosen since. */
  readonly outcomeRequested: boolean;
  // Functions, not methods: components take them as event handlers, detached from this object.
  readonly chooseReason: (outcome: string | null) => void;
  readonly typeComment: (comment: string) => void;
  readonly commitComment: () => void;
  /** Writes again what the last failed write could not. */
  readonly retrySave: () => void;
  /** Files the outcome under another customer, or back under the caller with null. */
  readonly chooseCustomer: (phone: string | null) => void;
}

export function useTaskOutcome(task: FlexTask, writer: TaskOutcomeWriter): TaskOutcome {
  const [outcome, setOutcome] = useState(() => writer.current(task));
  const [commentDraft, setCommentDraft] = useState(outcome.comment ?? '');
  const [saveFailed, setSaveFailed] = useState(false);
  const [outcomeRequested, setOutcomeRequested] = useState(() => writer.isOutcomeRequested(task.taskSid));
  const commentTimer = useRef<ReturnType<typeof setTimeout>>();
  const mounted = useRef(true);
  const latestTask = useRef(task);
  useEffect(() => {
    latestTask.current = task;
  }, [task]);

  useEffect(() => {
    const unsubscribe = writer.onOutcomeRequested(task.taskSid, () => setOutcomeRequested(true));
    // A request made between the first render and this subscription would otherwise be missed.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- catching up after subscribing is React 17's way (no useSyncExternalStore)
    if (writer.isOutcomeRequested(task.taskSid)) setOutcomeRequested(true);
    return unsubscribe;
  }, [writer, task.taskSid]);
  useEffect(
    () => () => {
      mounted.current = false;
      // Leaving the tab (another task, a reload) must not drop the last words typed, nor a change
      // whose save failed. The writer writes only what is unsaved, so this costs nothing otherwise.
      clearTimeout(commentTimer.current);
      const task = latestTask.current;
      writer.save(task).catch((error: unknown) => {
        // No form is left to show it; the guard writes again before completion, and the cause belongs in the console.
        console.warn(`[interaction-history] saving the outcome of ${task.taskSid} on leaving the tab failed`, error);
      });
    },
    [writer],
  );

  const persist = (write: Promise<void>) => {
    write.then(
      () => mounted.current && setSaveFailed(false),
      () => mounted.current && setSaveFailed(true),
    );
  };
  const change = (patch: Partial<OutcomeAttributes>, saveNow: boolean) => {
    const write = writer.change(task, patch, { saveNow });
    if (saveNow) persist(write);
    setOutcome(writer.current(task));
  };
  const saveCommentNow = () => {
    clearTimeout(commentTimer.current);
    commentTimer.current = undefined;
    persist(writer.save(task));
  };

  return {
    outcome,
    commentDraft,
    saveFailed,
    outcomeRequested: outcomeRequested && outcome.outcome === null,
    chooseReason: (next) => change({ outcome: next }, true),
    typeComment: (next) => {
      setCommentDraft(next);
      change({ comment: next.trim() === '' ? null : next }, false);
      clearTimeout(commentTimer.current);
      commentTimer.current = setTimeout(saveCommentNow, COMMENT_SAVE_DELAY_MS);
    },
    commitComment: saveCommentNow,
    retrySave: saveCommentNow,
    chooseCustomer: (phone) => change({ customerPhone: phone }, true),
  };
}
