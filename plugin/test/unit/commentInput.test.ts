import { describe, expect, it } from 'vitest';
import { fitEdit } from '../../src/features/outcome/commentInput.js';

describe('fitEdit', () => {
  it('keeps an edit that fits as it is', () => {
    expect(fitEdit('abc', 'abcd', 5)).toEqual({ text: 'abcd', cut: false, caret: -1 });
  });

  it('cuts a paste at the end to what fits', () => {
    expect(fitEdit('abc', 'abcdefg', 5)).toEqual({ text: 'abcde', cut: true, caret: 5 });
  });

  it('cuts a paste in the middle, never the text after it, and puts the caret after what was kept', () => {
    expect(fitEdit('abcd', 'abXYZcd', 6)).toEqual({ text: 'abXYcd', cut: true, caret: 4 });
  });

  it('keeps nothing of a keystroke into a comment already at the limit', () => {
    expect(fitEdit('abcde', 'abXcde', 5)).toEqual({ text: 'abcde', cut: true, caret: 2 });
  });

  it('cuts between whole emoji, never inside one', () => {
    const family = '👩‍👩‍👧';
    expect(fitEdit('ab', `a${family}😀b`, 3).text).toBe(`a${family}b`);
  });

  it('cuts a paste that replaced a selection to what fits beside the rest', () => {
    expect(fitEdit('abcdef', 'aXYZWf', 4)).toEqual({ text: 'aXYf', cut: true, caret: 3 });
  });
});
