import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_CHARACTERS, COMMENT_TRUNCATION_MARKER, countCharacters, fitComment } from '../src/comment.js';

describe('fitComment', () => {
  it('keeps a comment within the limit exactly as typed', () => {
    const text = 'Ça va? 👩‍👩‍👧‍👦 שלום\nline two';
    expect(fitComment(text)).toEqual({ text, truncated: false, originalCharacters: countCharacters(text) });
  });

  it('keeps a comment of exactly the limit', () => {
    const text = 'a'.repeat(COMMENT_MAX_CHARACTERS);
    expect(fitComment(text).truncated).toBe(false);
  });

  it('cuts a longer comment to the limit, marker included', () => {
    const fitted = fitComment('b'.repeat(COMMENT_MAX_CHARACTERS + 1));
    expect(fitted.truncated).toBe(true);
    expect(countCharacters(fitted.text)).toBe(COMMENT_MAX_CHARACTERS);
    expect(fitted.text.endsWith(COMMENT_TRUNCATION_MARKER)).toBe(true);
  });

  it('never splits an emoji sequence or a flag', () => {
    const family = '👩‍👩‍👧‍👦';
    const fitted = fitComment(family.repeat(20), 10);
    expect(fitted.text).toBe(family.repeat(10 - countCharacters(COMMENT_TRUNCATION_MARKER)) + COMMENT_TRUNCATION_MARKER);
  });

  it('counts a family emoji as one character', () => {
    expect(countCharacters('👩‍👩‍👧‍👦🇯🇵e\u0301')).toBe(3);
  });
});
