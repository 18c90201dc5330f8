import { describe, expect, it } from 'vitest';
import type { E164, Erasure } from '@interaction-history/model';
import { removeInteractionFromStats } from '../../src/domain/customerStats.js';
import { MAX_PHONES_INDEXED, MAX_TEXT_INDEXED, mentionsPhone, mustWithdraw, mustWithhold, phoneHash, phoneIndexOf, phonesMentioned, registryExpiry } from '../../src/domain/erasure.js';

const PHONE = '+14155550100' as E164;
const erasedAt = new Date('2026-12-01T12:00:00Z');
const entry = (overrides: Partial<Erasure> = {}): Erasure => ({
  erasedAt,
  erasureFinishedAt: null,
  erasedBy: { uid: 'cli', role: null },
  suppressed: false,
  suppressionChangedAt: null,
  suppressionChangedBy: null,
  expireAt: null,
  ...overrides,
});

describe('the keyed hash of a number', () => {
  it('is the same for the same number and key, and differs with the key or the number', () => {
    const key = 'k'.repeat(32);
    expect(phoneHash(PHONE, key)).toMatch(/^[0-9a-f]{64}$/);
    expect(phoneHash(PHONE, key)).toBe(phoneHash(PHONE, key));
    expect(phoneHash(PHONE, 'j'.repeat(32))).not.toBe(phoneHash(PHONE, key));
    expect(phoneHash('+14155550111' as E164, key)).not.toBe(phoneHash(PHONE, key));
  });
});

describe('numbers a text mentions', () => {
  it('finds a number in E.164, with a channel prefix, and in national format', () => {
    expect(phonesMentioned('{"from":"+14155550100"}', 'US')).toEqual(new Set([PHONE]));
    expect(mentionsPhone('{\\"from\\":\\"whatsapp:+14155550100\\"}', PHONE, 'US')).toBe(true);
    expect(mentionsPhone('{"caller":"(415) 555-0100"}', PHONE, 'US')).toBe(true);
  });

  it('does not see a number in other digits', () => {
    expect(mentionsPhone('{"TaskAge":"14155550","TimestampMs":"1764950400000"}', PHONE, 'US')).toBe(false);
    expect(mentionsPhone('{"from":"+14155550111"}', PHONE, 'US')).toBe(false);
  });
});

describe('whether capture withholds an event', () => {
  it('withholds a task created before the erasure, and lets one created after it through', () => {
    expect(mustWithhold([entry()], new Date(erasedAt.getTime() - 1000))).toBe(true);
    expect(mustWithhold([entry()], new Date(erasedAt.getTime() + 1000))).toBe(false);
  });

  it('withholds everything while the number is suppressed', () => {
    expect(mustWithhold([entry({ suppressed: true })], new Date(erasedAt.getTime() + 86_400_000))).toBe(true);
    expect(mustWithhold([entry({ erasedAt: null, suppressed: true })], new Date())).toBe(true);
  });

  it('lets everything through when no number of the event has an entry', () => {
    expect(mustWithhold([], new Date(0))).toBe(false);
  });
});

describe('when a registry entry may be forgotten', () => {
  it('never while suppressed; 45 days after an erase otherwise', () => {
    expect(registryExpiry({ erasedAt, suppressed: true }, new Date())).toBeNull();
    expect(registryExpiry({ erasedAt, suppressed: false }, new Date())).toEqual(new Date('2027-01-15T12:00:00Z'));
  });
});

describe('the stats once an interaction is gone', () => {
  const stats = { interactionCount: 3, missingOutcomeCount: 1, lastInteractionAt: new Date('2026-11-03'), lastOutcome: 'Newest' };

  it('counts an older one out and keeps the latest', () => {
    expect(removeInteractionFromStats(stats, { completedAt: new Date('2026-11-01'), outcome: null }, null)).toEqual({
      ...stats,
      interactionCount: 2,
      missingOutcomeCount: 0,
    });
  });

  it('takes the newest remaining one as the latest when the latest goes', () => {
    const remaining = { completedAt: new Date('2026-11-02'), outcome: 'Middle' };
    expect(removeInteractionFromStats(stats, { completedAt: new Date('2026-11-03'), outcome: 'Newest' }, remaining)).toEqual({
      interactionCount: 2,
      missingOutcomeCount: 1,
      lastInteractionAt: remaining.completedAt,
      lastOutcome: 'Middle',
    });
  });

  it('is nothing once the last one goes', () => {
    expect(removeInteractionFromStats({ ...stats, interactionCount: 1 }, { completedAt: new Date('2026-11-03'), outcome: 'Newest' }, null)).toBeNull();
  });
});

describe('the phone index of a capture-failure record', () => {
  const hashOf = (phone: E164) => phoneHash(phone, 'k'.repeat(32));

  it('lists every number the parameters name, by keyed hash, in any format', () => {
    const index = phoneIndexOf(JSON.stringify({ TaskAttributes: JSON.stringify({ from: 'whatsapp:+14155550100', caller: '(415) 555-0111' }) }), 'US', hashOf);
    expect(index.needsTextScan).toBe(false);
    expect([...index.mentionedPhoneHashes].sort()).toEqual([hashOf(PHONE), hashOf('+14155550111' as E164)].sort());
    expect(JSON.stringify(index)).not.toContain('4155550100');
  });

  it('marks the record to be read whole when the text is too long to read at capture, or names too many numbers', () => {
    expect(phoneIndexOf(`+14155550100 ${'x'.repeat(MAX_TEXT_INDEXED)}`, 'US', hashOf)).toEqual({ mentionedPhoneHashes: [], needsTextScan: true });
    const many = Array.from({ length: MAX_PHONES_INDEXED + 1 }, (_, index) => `+1415555${String(1000 + index)}`).join(' ');
    const index = phoneIndexOf(many, 'US', hashOf);
    expect(index).toMatchObject({ needsTextScan: true });
    expect(index.mentionedPhoneHashes).toHaveLength(MAX_PHONES_INDEXED);
  });
});

describe('what the withdraw triggers delete of a record already stored', () => {
  const taskCreatedAt = new Date(erasedAt.getTime() - 3_600_000);
  const later = (ms: number) => new Date(erasedAt.getTime() + ms);

  it('a record of an erased history committed after the erase registered, not one committed before (the erase finds that itself)', () => {
    expect(mustWithdraw([entry()], taskCreatedAt, later(1))).toBe(true);
    expect(mustWithdraw([entry()], taskCreatedAt, later(0))).toBe(false);
    expect(mustWithdraw([entry()], taskCreatedAt, later(-1))).toBe(false);
  });

  it('nothing of a task created after the erase (erase only), and nothing recorded before a suppression was set', () => {
    expect(mustWithdraw([entry()], later(5_000), later(10_000))).toBe(false);
    const suppressed = entry({ erasedAt: null, suppressed: true, suppressionChangedAt: later(60_000) });
    expect(mustWithdraw([suppressed], later(70_000), later(80_000))).toBe(true);
    expect(mustWithdraw([suppressed], later(0), later(30_000))).toBe(false);
  });
});
