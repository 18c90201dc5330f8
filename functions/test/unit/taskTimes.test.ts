import { describe, expect, it } from 'vitest';
import { parseEventTime } from '../../src/domain/taskTimes.js';

describe('parseEventTime', () => {
  it('reads epoch seconds, epoch milliseconds and ISO dates', () => {
    expect(parseEventTime('1764331200')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('1764331200000')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('2025-11-28T12:00:00Z')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('yesterday')).toBeNull();
  });

  it('takes only ISO-8601 dates, not whatever Date.parse would guess', () => {
    expect(parseEventTime('foo 1')).toBeNull();
    expect(parseEventTime('Nov 28 2025')).toBeNull();
    expect(parseEventTime('2025-11-28T12:00:00.123+01:00')).toEqual(new Date('2025-11-28T11:00:00.123Z'));
  });
});
