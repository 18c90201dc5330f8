import { describe, expect, it } from 'vitest';
import { interpretCompletedTask, parseEventTime } from '../../src/domain/completedTask.js';
import { addInteractionToStats, EMPTY_STATS } from '../../src/domain/customerStats.js';
import type { CompletedTaskEvent } from '../../src/domain/taskrouterEvent.js';

const receivedAt = new Date('2026-11-28T12:00:00Z');
const event = (attributes: unknown, extra: Partial<CompletedTaskEvent> = {}): CompletedTaskEvent => ({
  EventType: 'task.completed',
  AccountSid: `AC${'a'.repeat(32)}`,
  WorkspaceSid: `WS${'b'.repeat(32)}`,
  TaskSid: `WT${'c'.repeat(32)}`,
  TaskAttributes: typeof attributes === 'string' ? attributes : JSON.stringify(attributes),
  ...extra,
});
const interpret = (attributes: unknown, extra?: Partial<CompletedTaskEvent>) =>
  interpretCompletedTask(event(attributes, extra), { defaultRegion: 'US', receivedAt });

describe('interpretCompletedTask', () => {
  it('uses the event time and age when TaskRouter gives them', () => {
    const outcome = interpret({ from: '+14155550100' }, { Timestamp: '1764331200', TaskAge: '60' });
    expect(outcome.kind === 'interaction' && outcome.interaction).toMatchObject({
      completedAt: new Date('2025-11-28T12:00:00Z'),
      startedAt: new Date('2025-11-28T11:59:00Z'),
      durationSeconds: 60,
      capturedAt: receivedAt,
    });
  });

  it('falls back to the arrival time when the event carries no timestamps', () => {
    const outcome = interpret({ from: '+14155550100' });
    expect(outcome.kind === 'interaction' && outcome.interaction.completedAt).toEqual(receivedAt);
  });

  it.each([
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['broken JSON', '{"from":'],
  ])('refuses %s as attributes', (_label, attributes) => {
    expect(interpret(attributes)).toEqual({ kind: 'unattributable', reason: 'attributesNotJson' });
  });

  it('refuses a reason code that is not text', () => {
    expect(interpret({ from: '+14155550100', conversations: { outcome: { $gt: '' } } })).toMatchObject({ reason: 'invalidOutcome' });
  });

  it('refuses a comment that is not text', () => {
    expect(interpret({ from: '+14155550100', interactionHistory: { comment: ['a'] } })).toMatchObject({ reason: 'invalidComment' });
  });

  it('treats an empty reason code and blank comment as none', () => {
    const outcome = interpret({ from: '+14155550100', conversations: { outcome: '' }, interactionHistory: { comment: '  ' } });
    expect(outcome.kind === 'interaction' && outcome.interaction).toMatchObject({ outcome: null, comment: null });
  });
});

describe('parseEventTime', () => {
  it('reads epoch seconds, epoch milliseconds and ISO dates', () => {
    expect(parseEventTime('1764331200')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('1764331200000')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('2025-11-28T12:00:00Z')).toEqual(new Date('2025-11-28T12:00:00Z'));
    expect(parseEventTime('yesterday')).toBeNull();
  });
});

describe('addInteractionToStats', () => {
  it('counts, tracks missing outcomes, and keeps the latest by completion time', () => {
    const newer = { completedAt: new Date('2026-01-02'), outcome: 'Newer' };
    const older = { completedAt: new Date('2026-01-01'), outcome: null };

    const stats = addInteractionToStats(addInteractionToStats(EMPTY_STATS, newer), older);

    expect(stats).toEqual({ interactionCount: 2, missingOutcomeCount: 1, lastInteractionAt: newer.completedAt, lastOutcome: 'Newer' });
  });
});

describe('oversized attributes', () => {
  it('are kept for a supervisor as a capture failure instead of being parsed', () => {
    const huge = JSON.stringify({ from: '+14155550100', padding: 'x'.repeat(300 * 1024) });
    expect(interpret(huge)).toEqual({ kind: 'unattributable', reason: 'attributesTooLarge' });
  });
});
