import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { callbackFixture, eventDataFixture, eventResourceFixture } from '../fixtures.js';
import {
  DEFAULT_ACCOUNT_SID,
  DEFAULT_WORKSPACE_SID,
  SID_PATTERN,
  callbacksOf,
  eventDataFromCallback,
  randomSid,
  signCallback,
  signedCallbackRequest,
  stableSid,
  taskLifecycle,
  toSnakeCase,
  type TaskScenario,
} from '../lifecycle.js';

const ALICE = { workerSid: stableSid('WK', 'alice'), workerName: 'Alice Agent' };
const BOB = { workerSid: stableSid('WK', 'bob'), workerName: 'Bob Agent' };
const CAROL = { workerSid: stableSid('WK', 'carol'), workerName: 'Carol Agent' };
const COMPLETED_AT = new Date('2026-11-24T10:00:00.250Z');

const scenario = (overrides: Partial<TaskScenario> = {}): TaskScenario => ({
  attributes: { from: '+14155550100', conversations: { outcome: 'Billing' } },
  channel: 'voice',
  queue: 'Everyone',
  workers: [ALICE],
  completedAt: COMPLETED_AT,
  ageSeconds: 185,
  ...overrides,
});

const types = (events: ReturnType<typeof taskLifecycle>) => events.map((event) => event.eventType);

describe('SIDs', () => {
  it('are two letters and 32 lower-case hex digits', () => {
    expect(randomSid('WT')).toMatch(SID_PATTERN);
    expect(randomSid('WT')).not.toBe(randomSid('WT'));
    expect(stableSid('WQ', 'Everyone')).toBe(stableSid('WQ', 'Everyone'));
    expect(stableSid('WQ', 'Everyone')).toMatch(/^WQ[0-9a-f]{32}$/);
    expect(() => randomSid('wt')).toThrow();
  });
});

describe('taskLifecycle', () => {
  it('one worker: created, reserved, accepted, wrapped up, completed, in order', () => {
    const events = taskLifecycle(scenario());
    expect(types(events)).toEqual([
      'task.created',
      'reservation.created',
      'reservation.accepted',
      'reservation.wrapup',
      'task.wrapup',
      'reservation.completed',
      'task.completed',
    ]);
    const times = events.map((event) => event.occurredAtMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBe(COMPLETED_AT.getTime() - 185_000);
    expect(times.at(-1)).toBe(COMPLETED_AT.getTime());
    expect(times.at(-2)).toBe(COMPLETED_AT.getTime());
  });

  it('every callback has exactly its fixture keys; every resource exactly the Event fixture keys', () => {
    for (const event of taskLifecycle(scenario({ workers: [ALICE, BOB], declines: [{ ...CAROL, outcome: 'rejected' }] }))) {
      expect(Object.keys(event.callback).sort(), event.eventType).toEqual(Object.keys(callbackFixture(event.eventType)).sort());
      expect(Object.keys(event.resource).sort(), event.eventType).toEqual(Object.keys(eventResourceFixture()).sort());
      for (const value of Object.values(event.callback)) expect(typeof value).toBe('string');
    }
  });

  it('task.completed: no worker fields; the right age, times and reason', () => {
    const events = taskLifecycle(scenario({ taskSid: `WT${'1'.repeat(32)}`, completedReason: 'Resolved' }));
    const completed = events.at(-1);
    expect(completed?.eventType).toBe('task.completed');
    const callback = completed?.callback ?? {};
    expect(Object.keys(callback).filter((key) => key.startsWith('Worker'))).toEqual([]);
    expect(callback).toMatchObject({
      EventType: 'task.completed',
      AccountSid: DEFAULT_ACCOUNT_SID,
      WorkspaceSid: DEFAULT_WORKSPACE_SID,
      ResourceType: 'task',
      ResourceSid: `WT${'1'.repeat(32)}`,
      TaskSid: `WT${'1'.repeat(32)}`,
      TaskAge: '185',
      TaskAssignmentStatus: 'completed',
      TaskCompletedReason: 'Resolved',
      TaskCanceledReason: '',
      TaskQueueSid: stableSid('WQ', 'Everyone'),
      Timestamp: String(Math.floor(COMPLETED_AT.getTime() / 1000)),
      TimestampMs: String(COMPLETED_AT.getTime()),
    });
    expect(JSON.parse(callback['TaskAttributes'] ?? '')).toEqual({ from: '+14155550100', conversations: { outcome: 'Billing' } });
  });

  it('the worker is found on the reservation events, not on the task events', () => {
    const events = taskLifecycle(scenario());
    const reservationCompleted = events.find((event) => event.eventType === 'reservation.completed');
    expect(reservationCompleted?.callback).toMatchObject({ WorkerSid: ALICE.workerSid, WorkerName: 'Alice Agent', ResourceType: 'reservation' });
    expect(reservationCompleted?.callback['ResourceSid']).toBe(reservationCompleted?.callback['ReservationSid']);
    expect(reservationCompleted?.resource.event_data).toMatchObject({ worker_sid: ALICE.workerSid, worker_name: 'Alice Agent' });
  });

  it('both forms describe the same event: REST event_data is the callback field data in snake_case', () => {
    for (const event of taskLifecycle(scenario())) {
      const { resource, callback } = event;
      expect(resource.event_type).toBe(callback['EventType']);
      expect(resource.account_sid).toBe(callback['AccountSid']);
      expect(resource.workspace_sid).toBe(callback['WorkspaceSid']);
      expect(resource.resource_sid).toBe(callback['ResourceSid']);
      expect(resource.resource_type).toBe(callback['ResourceType']);
      expect(resource.description).toBe(callback['EventDescription']);
      expect(resource.event_date_ms).toBe(Number(callback['TimestampMs']));
      expect(resource.event_date).toBe(new Date(Number(callback['Timestamp']) * 1000).toISOString().replace('.000Z', 'Z'));
      expect(resource.sid).toBe(event.eventSid);
      expect(resource.sid).toMatch(/^EV[0-9a-f]{32}$/);
      expect(resource.url).toBe(`https://taskrouter.twilio.com/v1/Workspaces/${DEFAULT_WORKSPACE_SID}/Events/${event.eventSid}`);
      expect(resource.event_data).toEqual(eventDataFromCallback(callback));
    }
  });

  it('uses the event_data fixtures for task.completed and reservation.completed', () => {
    const events = taskLifecycle(scenario());
    for (const type of ['task.completed', 'reservation.completed'] as const) {
      const event = events.find((e) => e.eventType === type);
      expect(Object.keys(event?.resource.event_data ?? {}).sort()).toEqual(Object.keys(eventDataFixture(type) ?? {}).sort());
    }
  });

  it('a transfer within one task: each worker accepts a reservation; the earlier ones wrap up and complete after the transfer', () => {
    const events = taskLifecycle(scenario({ workers: [ALICE, BOB, CAROL] }));
    const line = events.map((event) => `${event.eventType}${event.callback['WorkerName'] ? ` ${event.callback['WorkerName']}` : ''}`);
    expect(line).toEqual([
      'task.created',
      'reservation.created Alice Agent',
      'reservation.accepted Alice Agent',
      'task.transfer-initiated',
      'reservation.created Bob Agent',
      'reservation.accepted Bob Agent',
      'task.transfer-completed',
      'reservation.wrapup Alice Agent',
      'reservation.completed Alice Agent',
      'task.transfer-initiated',
      'reservation.created Carol Agent',
      'reservation.accepted Carol Agent',
      'task.transfer-completed',
      'reservation.wrapup Bob Agent',
      'reservation.completed Bob Agent',
      'reservation.wrapup Carol Agent',
      'task.wrapup',
      'reservation.completed Carol Agent',
      'task.completed',
    ]);
    const taskSids = new Set(events.map((event) => event.callback['TaskSid']));
    expect(taskSids.size).toBe(1);
    const reservations = new Set(events.map((event) => event.callback['ReservationSid']).filter(Boolean));
    expect(reservations.size).toBe(3);
    // Only the last reservation's completion carries the completed status and reason.
    const completions = events.filter((event) => event.eventType === 'reservation.completed');
    expect(completions.map((event) => event.callback['TaskAssignmentStatus'])).toEqual(['assigned', 'assigned', 'completed']);
    expect(completions.map((event) => event.callback['TaskCompletedReason'])).toEqual(['', '', 'Task completed']);
  });

  it('declined reservations come before the accepted one and put the task back to pending', () => {
    const events = taskLifecycle(scenario({ declines: [{ ...BOB, outcome: 'rejected' }, { ...CAROL, outcome: 'timeout' }] }));
    expect(types(events).slice(0, 6)).toEqual([
      'task.created',
      'reservation.created',
      'reservation.rejected',
      'reservation.created',
      'reservation.timeout',
      'reservation.created',
    ]);
    expect(events[2]?.callback).toMatchObject({ WorkerSid: BOB.workerSid, TaskAssignmentStatus: 'pending' });
    expect(events[4]?.callback).toMatchObject({ WorkerSid: CAROL.workerSid, TaskAssignmentStatus: 'pending' });
  });

  it('without an agent the task is canceled, never completed', () => {
    const events = taskLifecycle(scenario({ workers: [], completedWithoutAgent: true, completedReason: 'hangup' }));
    expect(types(events)).toEqual(['task.created', 'task.canceled']);
    expect(events[1]?.callback).toMatchObject({ TaskAssignmentStatus: 'canceled', TaskCanceledReason: 'hangup', TaskCompletedReason: '' });
    expect(() => taskLifecycle(scenario({ completedWithoutAgent: true }))).toThrow(/workers: \[\]/);
  });

  it('indexes each event by task, reservation, worker, queue, workflow and channel', () => {
    const events = taskLifecycle(scenario({ channel: 'sms', queue: `WQ${'9'.repeat(32)}` }));
    const accepted = events.find((event) => event.eventType === 'reservation.accepted');
    expect(accepted?.index).toMatchObject({
      taskSid: accepted?.callback['TaskSid'],
      reservationSid: accepted?.callback['ReservationSid'],
      workerSid: ALICE.workerSid,
      taskQueueSid: `WQ${'9'.repeat(32)}`,
      workflowSid: accepted?.callback['WorkflowSid'],
      taskChannel: ['sms', stableSid('TC', 'sms')],
    });
    expect(events[0]?.index.workerSid).toBeUndefined();
  });

  it('is deterministic apart from the SIDs it makes', () => {
    const strip = (events: ReturnType<typeof taskLifecycle>) =>
      callbacksOf(events).map((callback) =>
        Object.fromEntries(Object.entries(callback).filter(([key]) => !/^(ResourceSid|ReservationSid|TaskSid|EventDescription)$/.test(key))),
      );
    expect(strip(taskLifecycle(scenario()))).toEqual(strip(taskLifecycle(scenario())));
  });

  it('snake_case keys are what the REST form uses', () => {
    expect(toSnakeCase('TaskQueueSid')).toBe('task_queue_sid');
    expect(toSnakeCase('WorkerTimeInPreviousActivityMs')).toBe('worker_time_in_previous_activity_ms');
  });
});

describe('signing', () => {
  const url = 'http://127.0.0.1:5001/demo-interaction-history/us-central1/taskrouterEvents';
  const token = 'a-local-auth-token';

  it('signs exactly as Twilio does, and any changed parameter breaks the signature', () => {
    const callback = taskLifecycle(scenario()).at(-1)?.callback ?? {};
    const signature = signCallback(callback, url, token);
    expect(signature).toBe(twilio.getExpectedTwilioSignature(token, url, { ...callback }));
    expect(twilio.validateRequest(token, signature, url, { ...callback })).toBe(true);
    expect(twilio.validateRequest(token, signature, url, { ...callback, TaskAge: '1' })).toBe(false);
    expect(twilio.validateRequest(token, signature, `${url}x`, { ...callback })).toBe(false);
  });

  it('builds the form-encoded request TaskRouter would send', () => {
    const callback = taskLifecycle(scenario()).at(-1)?.callback ?? {};
    const request = signedCallbackRequest(callback, url, token);
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const decoded = Object.fromEntries(new URLSearchParams(request.body));
    expect(decoded).toEqual(callback);
    expect(twilio.validateRequest(token, request.headers['x-twilio-signature'] ?? '', url, decoded)).toBe(true);
  });
});
