/**
 * Agents' comments are stored exactly as typed, in any script and with any
 * emoji, up to this many user-perceived characters (grapheme clusters).
 * Longer ones are cut at a grapheme boundary and end with the marker.
 */
export const COMMENT_MAX_CHARACTERS = 2000;

export const COMMENT_TRUNCATION_MARKER = ' […]';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Counts what a person would call characters: a flag or a family emoji is one. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const _segment of graphemes.segment(text)) count += 1;
  return count;
}

export interface FittedComment {
  readonly text: string;
  readonly truncated: boolean;
  readonly originalCharacters: number;
}

/** The first `count` user-perceived characters of `text`, never splitting an emoji or accent. */
export function takeCharacters(text: string, count: number): string {
  let kept = '';
  let index = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (index === count) break;
    kept += segment;
    index += 1;
  }
  return kept;
}

/** Returns the comment unchanged when it fits, otherwise cut so that text plus marker fit the limit. */
export function fitComment(text: string, maxCharacters: number = COMMENT_MAX_CHARACTERS): FittedComment {
  const originalCharacters = countCharacters(text);
  if (originalCharacters <= maxCharacters) return { text, truncated: false, originalCharacters };
  const keep = maxCharacters - countCharacters(COMMENT_TRUNCATION_MARKER);
  return { text: takeCharacters(text, keep) + COMMENT_TRUNCATION_MARKER, truncated: true, originalCharacters };
}
