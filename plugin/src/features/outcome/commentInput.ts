/**
 * What the comment field keeps of an edit that would pass the length limit:
 * the text already there stays whole, and only what was just typed or pasted
 * is cut to fit, wherever the caret was.
 */
import { countCharacters, takeCharacters } from '@interaction-history/model';

export interface FittedEdit {
  readonly text: string;
  /** Part of what was typed or pasted was left out. */
  readonly cut: boolean;
  /** Where the caret belongs afterwards: just after what was kept of the insertion. */
  readonly caret: number;
}

export function fitEdit(previous: string, next: string, maxCharacters: number): FittedEdit {
  if (countCharacters(next) <= maxCharacters) return { text: next, cut: false, caret: -1 };
  // The inserted run is what lies between the longest common start and the longest common end.
  let start = 0;
  while (start < previous.length && start < next.length && previous[start] === next[start]) start += 1;
  let previousEnd = previous.length;
  let nextEnd = next.length;
  while (previousEnd > start && nextEnd > start && previous[previousEnd - 1] === next[nextEnd - 1]) {
    previousEnd -= 1;
    nextEnd -= 1;
  }
  const before = next.slice(0, start);
  const after = next.slice(nextEnd);
  const room = Math.max(0, maxCharacters - countCharacters(before + after));
  const kept = takeCharacters(next.slice(start, nextEnd), room);
  const text = before + kept + after;
  // Should a cut at the seam merge characters oddly, fall back to cutting the end.
  if (countCharacters(text) > maxCharacters) return { text: takeCharacters(text, maxCharacters), cut: true, caret: -1 };
  return { text, cut: true, caret: before.length + kept.length };
}
