/**
 * The fixtures hold exactly the fields Twilio documents (see
 * fixtures/SOURCES.md). The lists below are written out from the sources, not
 * read from the fixtures, so a fixture that gains or loses a field fails here.
 */
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_EVENT_TYPES,
  EVENT_DATA_FIXTURE_TYPES,
  callbackFixture,
  eventDataFixture,
  eventListPageFixture,
  eventResourceFixture,
  type CallbackEventType,
} from '../fixtures.js';
import { SID_PATTERN, eventDataFromCallback } from '../lifecycle.js';

// TaskRouter Events reference, "Event callbacks" table, plus TimestampMs
// (TaskRouter changelog, 18 Jan 2018: "Added field TimestampMs to all events sent via callbacks").
const COMMON = ['EventType', 'AccountSid', 'WorkspaceSid', 'WorkspaceName', 'EventDescription', 'ResourceType', 'ResourceSid', 'Timestamp', 'TimestampMs'];
// "Task event fields": the "Task" of a Field Data column.
const TASK = ['TaskSid', 'TaskAttributes', 'TaskAge', 'TaskPriority', 'TaskAssignmentStatus', 'TaskCanceledReason', 'TaskCompletedReason'];
// "Worker event fields": the "Worker" of a Field Data column.
const WORKER = ['WorkerSid', 'WorkerName', 'WorkerAttributes', 'WorkerActivitySid', 'WorkerActivityName', 'WorkerVersion', 'OperatingUnitSid'];

// Field Data per event type, as the reference lists it.
const RESERVATION = [...COMMON, ...TASK, ...WORKER, 'TaskQueueSid', 'ReservationSid', 'WorkflowSid'];
const TASK_WITH_QUEUE = [...COMMON, ...TASK, 'TaskQueueSid', 'WorkflowSid'];
const REQUIRED: Record<CallbackEventType, string[]> = {
  'task.created': [...COMMON, ...TASK, 'WorkflowSid'],
  'reservation.created': RESERVATION,
  'reservation.rejected': RESERVATION,
  'reservation.timeout': RESERVATION,
  'reservation.accepted': RESERVATION,
  'task.transfer-initiated': TASK_WITH_QUEUE,
  'task.transfer-completed': TASK_WITH_QUEUE,
  'reservation.wrapup': RESERVATION,
  'task.wrapup': TASK_WITH_QUEUE,
  'reservation.completed': RESERVATION,
  'task.completed': TASK_WITH_QUEUE,
  'task.canceled': TASK_WITH_QUEUE,
};

// Fields the old stand-in invented or that only other sources show: never in a fixture.
const UNDOCUMENTED_FOR_TASK_CALLBACKS = ['Sid', 'TaskQueueName', 'TaskChannelSid', 'TaskChannelUniqueName', 'WorkflowName', 'TaskDateCreated', 'TaskQueueEnteredDate', 'TaskVersion', 'TaskQueueTargetExpression'];

// twilio-oai spec/json/twilio_taskrouter_v1.json, components.schemas["taskrouter.v1.workspace.event"].properties
const EVENT_PROPERTIES = [
  'account_sid', 'actor_sid', 'actor_type', 'actor_url', 'description', 'event_data', 'event_date', 'event_date_ms',
  'event_type', 'resource_sid', 'resource_type', 'resource_url', 'sid', 'source', 'source_ip_address', 'url', 'workspace_sid',
];
// ... ListEvent 200 response: { events, meta: { first_page_url, key, next_page_url, page, page_size, previous_page_url, url } }
const META_PROPERTIES = ['first_page_url', 'key', 'next_page_url', 'page', 'page_size', 'previous_page_url', 'url'];

const sorted = (keys: readonly string[]) => [...keys].sort();

describe('callback fixtures', () => {
  it.each(CALLBACK_EVENT_TYPES)('%s has exactly the documented fields', (type) => {
    expect(sorted(Object.keys(callbackFixture(type)))).toEqual(sorted(REQUIRED[type]));
  });

  it('task.completed carries no Worker field (and no other task event does)', () => {
    const taskTypes = CALLBACK_EVENT_TYPES.filter((type) => type.startsWith('task.'));
    expect(taskTypes).toContain('task.completed');
    for (const type of taskTypes) {
      const keys = Object.keys(callbackFixture(type));
      expect(keys.filter((key) => key.startsWith('Worker') || key === 'ReservationSid' || key === 'OperatingUnitSid'), type).toEqual([]);
    }
    expect(callbackFixture('task.completed')).not.toHaveProperty('WorkerSid');
    expect(callbackFixture('task.completed')).not.toHaveProperty('WorkerName');
  });

  it('reservation events carry the Worker fields and the ReservationSid', () => {
    // Vitest types its matchers as `any`; as unknown, they stay opaque expectations.
    const workerSid: unknown = expect.stringMatching(/^WK/);
    const reservationSid: unknown = expect.stringMatching(/^WR/);
    for (const type of CALLBACK_EVENT_TYPES.filter((t) => t.startsWith('reservation.'))) {
      expect(callbackFixture(type), type).toMatchObject({ WorkerSid: workerSid, ReservationSid: reservationSid });
    }
  });

  it('no fixture has a field that Twilio documents only elsewhere, or not at all', () => {
    for (const type of CALLBACK_EVENT_TYPES) {
      for (const key of UNDOCUMENTED_FOR_TASK_CALLBACKS) expect(callbackFixture(type), `${type} ${key}`).not.toHaveProperty(key);
    }
  });

  it.each(CALLBACK_EVENT_TYPES)('%s: values are strings, SIDs in Twilio format, times in epoch seconds and ms', (type) => {
    const fixture = callbackFixture(type);
    for (const [key, value] of Object.entries(fixture)) {
      expect(typeof value, key).toBe('string');
      if (key.endsWith('Sid')) expect(value, key).toMatch(SID_PATTERN);
    }
    expect(fixture['EventType']).toBe(type);
    expect(fixture['Timestamp']).toMatch(/^\d{10}$/);
    expect(fixture['TimestampMs']).toMatch(/^\d{13}$/);
    expect(Math.floor(Number(fixture['TimestampMs']) / 1000)).toBe(Number(fixture['Timestamp']));
    expect(fixture['ResourceSid']).toBe(type.startsWith('reservation.') ? fixture['ReservationSid'] : fixture['TaskSid']);
    expect((): unknown => JSON.parse(fixture['TaskAttributes'] ?? '')).not.toThrow();
  });

  it('the completion reasons are set only where they apply', () => {
    expect(callbackFixture('task.completed')['TaskCompletedReason']).not.toBe('');
    expect(callbackFixture('task.canceled')['TaskCanceledReason']).not.toBe('');
    expect(callbackFixture('task.created')['TaskCompletedReason']).toBe('');
  });
});

describe('Events API fixtures', () => {
  it('the Event resource has exactly the properties of the OAI schema', () => {
    const event = eventResourceFixture();
    expect(sorted(Object.keys(event))).toEqual(sorted(EVENT_PROPERTIES));
    expect(event.sid).toMatch(/^EV[0-9a-f]{32}$/);
    expect(event.event_date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(typeof event.event_date_ms).toBe('number');
    expect(event.url).toBe(`https://taskrouter.twilio.com/v1/Workspaces/${event.workspace_sid}/Events/${event.sid}`);
  });

  it('the list page has events and exactly the meta of the OAI schema', () => {
    const page = eventListPageFixture();
    expect(sorted(Object.keys(page))).toEqual(['events', 'meta']);
    expect(sorted(Object.keys(page.meta))).toEqual(sorted(META_PROPERTIES));
    expect(page.meta.key).toBe('events');
    for (const event of page.events) expect(sorted(Object.keys(event))).toEqual(sorted(EVENT_PROPERTIES));
  });

  it.each(EVENT_DATA_FIXTURE_TYPES)('the %s event_data fixture is the callback field data in snake_case', (type) => {
    const data = eventDataFixture(type) ?? {};
    for (const key of Object.keys(data)) expect(key).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(sorted(Object.keys(data))).toEqual(sorted(Object.keys(eventDataFromCallback(callbackFixture(type)))));
  });

  it('task.completed event_data has no worker field; reservation.completed has worker_sid and worker_name', () => {
    expect(Object.keys(eventDataFixture('task.completed') ?? {}).filter((key) => key.startsWith('worker_'))).toEqual([]);
    const workerSid: unknown = expect.stringMatching(/^WK/);
    const workerName: unknown = expect.any(String);
    expect(eventDataFixture('reservation.completed')).toMatchObject({ worker_sid: workerSid, worker_name: workerName });
  });

  it('the Event resource fixture and the list page use the task.completed event_data fixture', () => {
    expect(eventResourceFixture().event_data).toEqual(eventDataFixture('task.completed'));
    const [completed] = eventListPageFixture().events.filter((event) => event.event_type === 'task.completed');
    expect(completed?.event_data).toEqual(eventDataFixture('task.completed'));
  });
});
