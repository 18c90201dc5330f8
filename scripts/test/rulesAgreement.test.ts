/**
 * What firestore.rules repeats from the model, checked against the model:
 * the largest query, and the ids the rules refuse as non-canonical (each
 * must really be non-canonical, or a real customer could not be created).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LARGEST_CLIENT_QUERY, normalizePhone } from '@interaction-history/model';

const rules = readFileSync('firestore.rules', 'utf8');

/** Deterministic digits, so that a failure can be replayed. */
function* digitStrings(seed: number, count: number, length: number): Generator<string> {
  let state = seed;
  for (let i = 0; i < count; i += 1) {
    let digits = '';
    for (let d = 0; d < length; d += 1) {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      digits += String(state % 10);
    }
    yield digits;
  }
}

describe('firestore.rules agree with the model', () => {
  it('admit no query larger than the largest page and its look-ahead', () => {
    expect(rules).toContain(`request.query.limit <= ${LARGEST_CLIENT_QUERY}`);
  });

  const trunkZeroCodes = /\[\+\]\(([\d|]+)\)0\.\*/.exec(rules)?.[1]?.split('|') ?? [];

  it('list the country codes whose trunk 0 they refuse', () => {
    expect(trunkZeroCodes).toContain('44');
  });

  it.each(trunkZeroCodes)('refuse after +%s only ids that are not canonical', (countryCode) => {
    for (let length = 5; length <= 11; length += 1) {
      for (const rest of digitStrings(Number(countryCode) * 100 + length, 300, length)) {
        const id = `+${countryCode}0${rest}`;
        if (id.length > 16) continue;
        expect(normalizePhone(id), id).not.toBe(id);
      }
    }
  });

  it('refuse in the North American plan only ids that are not canonical', () => {
    const nanp = /^\+1[2-9]\d{9}$/;
    for (let length = 6; length <= 13; length += 1) {
      for (const rest of digitStrings(length, 500, length)) {
        const id = `+1${rest}`;
        if (!nanp.test(id)) expect(normalizePhone(id), id).not.toBe(id);
      }
    }
  });
});
