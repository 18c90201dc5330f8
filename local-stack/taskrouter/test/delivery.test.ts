import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDropRate, completedTaskEvents, deliverTaskEvents } from '../delivery.js';
import { journalFollower, recordEvents } from '../eventJournal.js';

let dir = '';
let journal = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journal-test-'));
  journal = join(dir, 'events.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the event journal', () => {
  it('gives each reader the events appended since it last read, and nothing when the file is absent', () => {
    const follow = journalFollower(journal);
    expect(follow()).toEqual([]);
    const first = completedTaskEvents({ attributes: { from: '+14155550100' } });
    recordEvents(first, journal);
    expect(follow().map((event) => event.eventSid)).toEqual(first.map((event) => event.eventSid));
    expect(follow()).toEqual([]);
    const second = completedTaskEvents({ attributes: { from: '+14155550111' } });
    recordEvents(second, journal);
    expect(follow().map((event) => event.eventSid)).toEqual(second.map((event) => event.eventSid));
  });

  it('keeps a line still being written for the next read', () => {
    const follow = journalFollower(journal);
    const [event] = completedTaskEvents({ attributes: { from: '+14155550100' } });
    const line = JSON.stringify(event);
    appendFileSync(journal, line.slice(0, 40));
    expect(follow()).toEqual([]);
    appendFileSync(journal, `${line.slice(40)}\n`);
    expect(follow().map((read) => read.eventSid)).toEqual([event?.eventSid]);
  });
});

describe('delivering a completed task', () => {
  it('with every callback dropped, sends nothing and still journals every event of the lifecycle', async () => {
    const events = completedTaskEvents({ attributes: { from: '+14155550100' }, workerName: 'Dora Dropped' });
    const delivery = await deliverTaskEvents(events, { dropRate: 1, journal, url: 'http://127.0.0.1:9/never' });
    expect(delivery).toMatchObject({ completed: null, answers: [], dropped: 4 });
    expect(journalFollower(journal)().map((event) => event.eventType)).toEqual(events.map((event) => event.eventType));
    expect(events.map((event) => event.eventType)).toContain('reservation.completed');
  });

  it('refuses a drop rate outside 0 to 1', () => {
    expect(() => checkDropRate(1.5)).toThrow(/from 0 to 1/);
    expect(() => checkDropRate(Number.NaN)).toThrow(/from 0 to 1/);
    expect(checkDropRate(0.5)).toBe(0.5);
  });
});
