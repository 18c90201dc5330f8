/**
 * A pure generator of one task's TaskRouter events, in the order they happen,
 * each in both forms TaskRouter gives them: the workspace callback's form
 * parameters and the Events REST API's Event resource. Every key of both forms
 * comes from the fixtures (`fixtures.ts`); this file only fills in values, and
 * refuses a fixture key it does not know how to fill.
 *
 * Nothing here does I/O except reading the fixtures, and nothing depends on the
 * clock: give the same scenario (and SIDs) and get the same events, apart from
 * the random SIDs it makes for what the scenario leaves out.
 */
import { createHash, randomBytes } from 'node:crypto';
import twilio from 'twilio';
import {
  callbackFixture,
  eventDataFixture,
  eventResourceFixture,
  type CallbackEventType,
  type CallbackParameters,
  type EventData,
  type EventResource,
} from './fixtures.js';

// ---------------------------------------------------------------------------
// SIDs

/** Twilio's SID format: two upper-case letters and 32 lower-case hex digits. */
export const SID_PATTERN = /^[A-Z]{2}[0-9a-f]{32}$/;

function checkPrefix(prefix: string): void {
  if (!/^[A-Z]{2}$/.test(prefix)) throw new Error(`A SID prefix is two upper-case letters, not ${JSON.stringify(prefix)}`);
}

/** A fresh random SID, e.g. `randomSid('WT')`. */
export function randomSid(prefix: string): string {
  checkPrefix(prefix);
  return `${prefix}${randomBytes(16).toString('hex')}`;
}

/** A SID derived from a seed: the same seed always gives the same SID (queue and channel names, tests). */
export function stableSid(prefix: string, seed: string): string {
  checkPrefix(prefix);
  return `${prefix}${createHash('sha256').update(`${prefix}:${seed}`).digest('hex').slice(0, 32)}`;
}

// ---------------------------------------------------------------------------
// Scenario

export interface ScenarioWorker {
  readonly workerSid: string;
  readonly workerName: string;
  /** Worker attributes (an object is JSON-encoded); `{}` when left out. */
  readonly attributes?: Record<string, unknown> | string;
}

/** A worker who was offered the task and did not take it, before anyone accepted. */
export interface ScenarioDecline extends ScenarioWorker {
  readonly outcome: 'rejected' | 'timeout';
}

export interface TaskScenario {
  readonly taskSid?: string;
  /** Task attributes (an object is JSON-encoded; a string is sent as it is). */
  readonly attributes: Record<string, unknown> | string;
  /**
   * The task channel: a unique name (`voice`, `sms`, `chat`…) or a `TC…` SID.
   * The documented callback fields carry no channel; it is kept in the event's
   * index, which the Events API server's `TaskChannel` filter uses.
   */
  readonly channel: string;
  /** The TaskQueue: a `WQ…` SID, or a name from which a stable `WQ…` SID is made. */
  readonly queue: string;
  /**
   * The workers who accepted a reservation, in order. Several workers are a
   * transfer within this one task: each earlier reservation wraps up and
   * completes after the transfer completes; the last one wraps up and
   * completes with the task. None: the task is never assigned, so it ends
   * `canceled` (TaskRouter completes only assigned tasks).
   */
  readonly workers: readonly ScenarioWorker[];
  readonly completedAt: Date;
  /** Seconds from creation to completion (TaskAge of `task.completed`). */
  readonly ageSeconds: number;
  /** TaskCompletedReason (or TaskCanceledReason when the task is canceled). */
  readonly completedReason?: string;
  /** Ends the task without an agent: requires `workers: []`; the task is canceled. */
  readonly completedWithoutAgent?: boolean;
  /** Reservations rejected or timed out before the first accepted one. */
  readonly declines?: readonly ScenarioDecline[];
  readonly priority?: number;
  readonly workflowSid?: string;
}

export interface LifecycleOptions {
  readonly accountSid?: string;
  readonly workspaceSid?: string;
  readonly workspaceName?: string;
  /** Origin used in the resources' `url`, `resource_url` and `actor_url` (Twilio's own by default). */
  readonly apiBaseUrl?: string;
}

export const DEFAULT_ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const DEFAULT_WORKSPACE_SID = `WS${'b'.repeat(32)}`;
export const DEFAULT_WORKSPACE_NAME = 'Flex Task Assignment';
export const TASKROUTER_API_ORIGIN = 'https://taskrouter.twilio.com';
export const DEFAULT_COMPLETED_REASON = 'Task completed';
export const DEFAULT_CANCELED_REASON = 'Task canceled';

/** What the Events API filters on, kept beside each event. */
export interface EventIndex {
  readonly taskSid: string;
  readonly reservationSid?: string;
  readonly workerSid?: string;
  readonly taskQueueSid?: string;
  readonly workflowSid?: string;
  /** The task channel's unique name and SID. */
  readonly taskChannel: readonly string[];
}

export interface LifecycleEvent {
  readonly eventType: CallbackEventType;
  /** The Event resource's `sid` (EV…). */
  readonly eventSid: string;
  readonly occurredAtMs: number;
  /** The workspace callback's form parameters. */
  readonly callback: CallbackParameters;
  /** The Events API's resource for the same event. */
  readonly resource: EventResource;
  readonly index: EventIndex;
}

// ---------------------------------------------------------------------------
// Building one event from the fixtures

type TaskStatus = 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'completed' | 'canceled';

interface Reservation {
  readonly sid: string;
  readonly worker: ScenarioWorker;
}

interface Step {
  readonly type: CallbackEventType;
  readonly status: TaskStatus;
  readonly reservation?: Reservation;
}

interface Context extends Step {
  readonly eventSid: string;
  readonly atMs: number;
  readonly taskSid: string;
  readonly taskCreatedMs: number;
  readonly attributes: string;
  readonly priority: number;
  readonly taskQueueSid: string;
  readonly workflowSid: string;
  readonly accountSid: string;
  readonly workspaceSid: string;
  readonly workspaceName: string;
  readonly operatingUnitSid: string;
  readonly completedReason: string;
  readonly canceledReason: string;
  readonly workerVersion: number;
  readonly apiBaseUrl: string;
}

const json = (value: Record<string, unknown> | string | undefined): string =>
  value === undefined ? '{}' : typeof value === 'string' ? value : JSON.stringify(value);

function reservationOf(c: Context, key: string): Reservation {
  if (!c.reservation) throw new Error(`Fixture ${c.type} has ${key}, but this event has no reservation`);
  return c.reservation;
}

function describe(c: Context): string {
  const [kind, action] = c.type.split('.') as [string, string];
  if (kind === 'reservation') return `Reservation ${reservationOf(c, 'EventDescription').sid} ${action}`;
  if (action.startsWith('transfer-')) return `Transfer ${action.slice('transfer-'.length)} for Task ${c.taskSid}`;
  return `Task ${c.taskSid} ${action}`;
}

/** How each documented callback key is filled; a fixture key missing here is an error. */
const CALLBACK_VALUES: Readonly<Record<string, (c: Context) => string>> = {
  EventType: (c) => c.type,
  AccountSid: (c) => c.accountSid,
  WorkspaceSid: (c) => c.workspaceSid,
  WorkspaceName: (c) => c.workspaceName,
  EventDescription: describe,
  ResourceType: (c) => (c.reservation ? 'reservation' : 'task'),
  ResourceSid: (c) => c.reservation?.sid ?? c.taskSid,
  Timestamp: (c) => String(Math.floor(c.atMs / 1000)),
  TimestampMs: (c) => String(c.atMs),
  TaskSid: (c) => c.taskSid,
  TaskAttributes: (c) => c.attributes,
  TaskAge: (c) => String(Math.max(0, Math.floor((c.atMs - c.taskCreatedMs) / 1000))),
  TaskPriority: (c) => String(c.priority),
  TaskAssignmentStatus: (c) => c.status,
  TaskCanceledReason: (c) => (c.type === 'task.canceled' ? c.canceledReason : ''),
  TaskCompletedReason: (c) => (c.status === 'completed' ? c.completedReason : ''),
  TaskQueueSid: (c) => c.taskQueueSid,
  WorkflowSid: (c) => c.workflowSid,
  ReservationSid: (c) => reservationOf(c, 'ReservationSid').sid,
  WorkerSid: (c) => reservationOf(c, 'WorkerSid').worker.workerSid,
  WorkerName: (c) => reservationOf(c, 'WorkerName').worker.workerName,
  WorkerAttributes: (c) => json(reservationOf(c, 'WorkerAttributes').worker.attributes),
  WorkerActivitySid: () => stableSid('WA', 'Available'),
  WorkerActivityName: () => 'Available',
  WorkerVersion: (c) => String(c.workerVersion),
  OperatingUnitSid: (c) => c.operatingUnitSid,
};

/** `TaskQueueSid` → `task_queue_sid`: the REST form's key for a callback key. */
export function toSnakeCase(key: string): string {
  return key.replace(/(?<!^)(?=[A-Z])/g, '_').toLowerCase();
}

/** Callback keys that are the Event resource's own fields, not its `event_data`. */
export const ENVELOPE_KEYS: readonly string[] = [
  'EventType',
  'AccountSid',
  'EventDescription',
  'ResourceType',
  'ResourceSid',
  'Timestamp',
  'TimestampMs',
];

/** The REST `event_data` for callback parameters: the field data, in snake_case. */
export function eventDataFromCallback(parameters: CallbackParameters): EventData {
  const data: Record<string, string> = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (!ENVELOPE_KEYS.includes(key)) data[toSnakeCase(key)] = value;
  }
  return data;
}

function buildEventData(type: CallbackEventType, callback: CallbackParameters): EventData {
  const derived = eventDataFromCallback(callback);
  const fixture = eventDataFixture(type);
  if (!fixture) return derived;
  const data: Record<string, string> = {};
  for (const key of Object.keys(fixture)) {
    const value = derived[key];
    if (value === undefined) throw new Error(`event_data fixture of ${type} has ${key}, which no callback field gives`);
    data[key] = value;
  }
  return data;
}

/** `2015-02-07T00:32:41Z`: ISO 8601 without milliseconds, as the OAI example shows. */
export function eventDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function resourceValues(c: Context, callback: CallbackParameters): Readonly<Record<string, () => unknown>> {
  const workspaceUrl = `${c.apiBaseUrl}/v1/Workspaces/${c.workspaceSid}`;
  const taskUrl = `${workspaceUrl}/Tasks/${c.taskSid}`;
  return {
    account_sid: () => c.accountSid,
    actor_sid: () => c.workspaceSid,
    actor_type: () => 'workspace',
    actor_url: () => workspaceUrl,
    description: () => callback['EventDescription'] ?? describe(c),
    event_data: () => buildEventData(c.type, callback),
    event_date: () => eventDate(c.atMs),
    event_date_ms: () => c.atMs,
    event_type: () => c.type,
    resource_sid: () => c.reservation?.sid ?? c.taskSid,
    resource_type: () => (c.reservation ? 'reservation' : 'task'),
    resource_url: () => (c.reservation ? `${taskUrl}/Reservations/${c.reservation.sid}` : taskUrl),
    sid: () => c.eventSid,
    source: () => 'twilio',
    source_ip_address: () => eventResourceFixture().source_ip_address,
    url: () => `${workspaceUrl}/Events/${c.eventSid}`,
    workspace_sid: () => c.workspaceSid,
  };
}

function buildEvent(c: Context, channel: readonly string[]): LifecycleEvent {
  const callback: Record<string, string> = {};
  for (const key of Object.keys(callbackFixture(c.type))) {
    const fill = CALLBACK_VALUES[key];
    if (!fill) throw new Error(`Fixture ${c.type} has ${key}, which the generator does not know how to fill`);
    callback[key] = fill(c);
  }
  const values = resourceValues(c, callback);
  const resource: Record<string, unknown> = {};
  for (const key of Object.keys(eventResourceFixture())) {
    const fill = values[key];
    if (!fill) throw new Error(`The Event resource fixture has ${key}, which the generator does not know how to fill`);
    resource[key] = fill();
  }
  return {
    eventType: c.type,
    eventSid: c.eventSid,
    occurredAtMs: c.atMs,
    callback,
    resource: resource as unknown as EventResource,
    index: {
      taskSid: c.taskSid,
      ...(c.reservation ? { reservationSid: c.reservation.sid, workerSid: c.reservation.worker.workerSid } : {}),
      taskQueueSid: c.taskQueueSid,
      workflowSid: c.workflowSid,
      taskChannel: channel,
    },
  };
}

// ---------------------------------------------------------------------------
// The lifecycle

function steps(scenario: TaskScenario): Step[] {
  const reserve = (worker: ScenarioWorker): Reservation => ({ sid: randomSid('WR'), worker });
  const list: Step[] = [{ type: 'task.created', status: 'pending' }];
  for (const decline of scenario.declines ?? []) {
    const reservation = reserve(decline);
    list.push({ type: 'reservation.created', status: 'reserved', reservation });
    list.push({ type: `reservation.${decline.outcome}`, status: 'pending', reservation });
  }
  if (scenario.workers.length === 0) {
    list.push({ type: 'task.canceled', status: 'canceled' });
    return list;
  }
  const reservations = scenario.workers.map(reserve);
  const [first] = reservations as [Reservation, ...Reservation[]];
  list.push({ type: 'reservation.created', status: 'reserved', reservation: first });
  list.push({ type: 'reservation.accepted', status: 'assigned', reservation: first });
  for (let i = 1; i < reservations.length; i += 1) {
    const from = reservations[i - 1] as Reservation;
    const to = reservations[i] as Reservation;
    list.push({ type: 'task.transfer-initiated', status: 'assigned' });
    list.push({ type: 'reservation.created', status: 'assigned', reservation: to });
    list.push({ type: 'reservation.accepted', status: 'assigned', reservation: to });
    list.push({ type: 'task.transfer-completed', status: 'assigned' });
    list.push({ type: 'reservation.wrapup', status: 'assigned', reservation: from });
    list.push({ type: 'reservation.completed', status: 'assigned', reservation: from });
  }
  const last = reservations[reservations.length - 1] as Reservation;
  list.push({ type: 'reservation.wrapup', status: 'wrapping', reservation: last });
  list.push({ type: 'task.wrapup', status: 'wrapping' });
  list.push({ type: 'reservation.completed', status: 'completed', reservation: last });
  list.push({ type: 'task.completed', status: 'completed' });
  return list;
}

/**
 * Times: `task.created` at `completedAt - ageSeconds`, the last events at
 * `completedAt` (the last `reservation.completed` and `task.completed` share it:
 * the reference says the one "aligns with" the other), the rest evenly between.
 */
function times(list: readonly Step[], createdMs: number, endMs: number): number[] {
  const completes = list[list.length - 1]?.type === 'task.completed';
  const spread = completes ? list.length - 2 : list.length - 1;
  return list.map((_, k) => (k >= spread ? endMs : createdMs + Math.round(((endMs - createdMs) * k) / spread)));
}

/** Every event of one task, oldest first, in both forms. */
export function taskLifecycle(scenario: TaskScenario, options: LifecycleOptions = {}): LifecycleEvent[] {
  if (!Number.isFinite(scenario.ageSeconds) || scenario.ageSeconds < 0) throw new Error('ageSeconds must be a number ≥ 0');
  const endMs = scenario.completedAt.getTime();
  if (!Number.isFinite(endMs)) throw new Error('completedAt is not a valid date');
  if (scenario.completedWithoutAgent && scenario.workers.length > 0) {
    throw new Error('completedWithoutAgent needs workers: [] (a task with an accepted reservation ends completed)');
  }
  const createdMs = endMs - Math.round(scenario.ageSeconds * 1000);
  const workspaceSid = options.workspaceSid ?? DEFAULT_WORKSPACE_SID;
  const taskSid = scenario.taskSid ?? randomSid('WT');
  const channel = SID_PATTERN.test(scenario.channel) ? [scenario.channel] : [scenario.channel, stableSid('TC', scenario.channel)];
  const reason = scenario.completedReason;
  const base = {
    taskSid,
    taskCreatedMs: createdMs,
    attributes: json(scenario.attributes),
    priority: scenario.priority ?? 0,
    taskQueueSid: SID_PATTERN.test(scenario.queue) ? scenario.queue : stableSid('WQ', scenario.queue),
    workflowSid: scenario.workflowSid ?? stableSid('WW', workspaceSid),
    accountSid: options.accountSid ?? DEFAULT_ACCOUNT_SID,
    workspaceSid,
    workspaceName: options.workspaceName ?? DEFAULT_WORKSPACE_NAME,
    operatingUnitSid: stableSid('OU', workspaceSid),
    completedReason: reason ?? DEFAULT_COMPLETED_REASON,
    canceledReason: reason ?? DEFAULT_CANCELED_REASON,
    apiBaseUrl: (options.apiBaseUrl ?? TASKROUTER_API_ORIGIN).replace(/\/+$/, ''),
  };
  const list = steps(scenario);
  const at = times(list, createdMs, endMs);
  const versions = new Map<string, number>();
  return list.map((step, k) => {
    const workerSid = step.reservation?.worker.workerSid;
    const workerVersion = workerSid ? (versions.get(workerSid) ?? 0) + 1 : 0;
    if (workerSid) versions.set(workerSid, workerVersion);
    return buildEvent({ ...base, ...step, eventSid: randomSid('EV'), atMs: at[k] ?? endMs, workerVersion }, channel);
  });
}

/** The callback events only, as TaskRouter would POST them (in order). */
export function callbacksOf(events: readonly LifecycleEvent[]): CallbackParameters[] {
  return events.map((event) => event.callback);
}

// ---------------------------------------------------------------------------
// Signing, exactly as Twilio does

/** The `X-Twilio-Signature` Twilio sends with these parameters to this URL. */
export function signCallback(parameters: CallbackParameters, url: string, authToken: string): string {
  return twilio.getExpectedTwilioSignature(authToken, url, { ...parameters });
}

export interface SignedCallback {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A form-encoded POST as TaskRouter makes it: body, content type and signature. */
export function signedCallbackRequest(parameters: CallbackParameters, url: string, authToken: string): SignedCallback {
  return {
    url,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signCallback(parameters, url, authToken),
    },
    body: new URLSearchParams(parameters).toString(),
  };
}
