import { describe, expect, it } from 'vitest';
import { interpretCompletedTask } from '../../src/domain/completedTask.js';
import { addInteractionToStats, EMPTY_STATS } from '../../src/domain/customerStats.js';
import { readCompletedTaskDetails, type CompletedTaskEvent } from '@interaction-history/model';

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

describe('times a sender got wrong', () => {
  const from = { from: '+14155550100' };
  const interactionOf = (extra: Partial<CompletedTaskEvent>) => {
    const outcome = interpret(from, extra);
    if (outcome.kind !== 'interaction') throw new Error(`expected an interaction, got ${outcome.reason}`);
    return outcome;
  };

  it.each([
    ['an Invalid Date', { TimestampMs: '9999999999999999' }],
    ['the last day JavaScript can hold', { TimestampMs: '8640000000000000' }],
    ['year 10000, beyond Firestore', { TimestampMs: '253402300800000' }],
    ['year 5138, read as seconds', { TimestampMs: '99999999999' }],
    ['an ISO date in year 275760', { Timestamp: '+275760-09-13T00:00:00Z' }],
    ['year 0', { Timestamp: '0000-01-01T00:00:00Z' }],
    ['a time before 2000', { Timestamp: '946684799' }],
  ])('replaces %s with the arrival time and keeps the raw value for a supervisor', (_label, extra) => {
    const outcome = interactionOf(extra);
    expect(outcome.interaction.completedAt).toEqual(receivedAt);
    expect(outcome.interaction.startedAt).toEqual(receivedAt);
    expect(outcome.warnings).toEqual([{ reason: 'implausibleTimes', details: extra }]);
  });

  it('accepts a sender clock up to a day ahead', () => {
    const ahead = new Date(receivedAt.getTime() + 60 * 60 * 1000);
    const outcome = interactionOf({ TimestampMs: String(ahead.getTime()) });
    expect(outcome.interaction.completedAt).toEqual(ahead);
    expect(outcome.warnings).toEqual([]);
  });

  it('drops a task age that would start the task before 2000', () => {
    const outcome = interactionOf({ Timestamp: '1764331200', TaskAge: '9999999999999999' });
    expect(outcome.interaction).toMatchObject({ durationSeconds: null, startedAt: new Date('2025-11-28T12:00:00Z') });
    expect(outcome.warnings).toEqual([{ reason: 'implausibleTimes', details: { TaskAge: '9999999999999999' } }]);
  });

  it('does not let a task start after it completed', () => {
    const outcome = interactionOf({ Timestamp: '1764331200', TaskAge: '30', TaskDateCreated: '2025-11-28T13:00:00Z' });
    expect(outcome.interaction.startedAt).toEqual(new Date('2025-11-28T11:59:30Z'));
    expect(outcome.warnings).toEqual([{ reason: 'implausibleTimes', details: { TaskDateCreated: '2025-11-28T13:00:00Z' } }]);
  });

  it('names malformed descriptive fields while keeping the interaction', () => {
    const outcome = interactionOf({ rejectedFields: ['TaskQueueSid', 'TaskAge'] });
    expect(outcome.warnings).toEqual([{ reason: 'invalidFields', details: { fields: 'TaskQueueSid, TaskAge' } }]);
  });
});

describe('readCompletedTaskDetails', () => {
  it('keeps the well-formed fields, treats empty ones as absent and names the malformed ones', () => {
    const { details, rejectedFields } = readCompletedTaskDetails({
      TaskQueueSid: '',
      TaskCompletedReason: 'Task completed',
      TaskAge: '-5',
      TaskQueueName: 'q'.repeat(201),
      TaskChannelUniqueName: 'voice',
      TimestampMs: '12.5',
    });
    expect(details).toEqual({ TaskCompletedReason: 'Task completed', TaskChannelUniqueName: 'voice' });
    expect(rejectedFields).toEqual(['TaskAge', 'TaskQueueName', 'TimestampMs']);
  });

  it('reads only the parameters themselves, not what every object inherits', () => {
    const parameters = Object.fromEntries([['constructor', 'x'], ['TaskAge', '5']]);
    expect(readCompletedTaskDetails(parameters).details).toEqual({ TaskAge: '5' });
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
