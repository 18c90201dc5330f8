/**
 * The stand-in TaskRouter: a task's events exactly as TaskRouter documents
 * them (built by `taskrouter/lifecycle.ts` from the fixtures in
 * `taskrouter/fixtures/`), signed as Twilio signs them with the local auth
 * token, and posted to the webhook. Only the event types the workspace's
 * EventsFilter selects are posted (`CAPTURED_EVENT_TYPES`), in the order asked
 * for: TaskRouter promises none. `task.completed` carries no worker; the
 * reservation events do. Used by the local desktop, `npm run simulate`,
 * tests and benchmarks; it only ever talks to the local emulator.
 */
import { randomInt } from 'node:crypto';
import { CAPTURED_EVENT_TYPES } from '@interaction-history/model';
import { readLocalSecrets, WEBHOOK_URL } from './localStack.js';
import type { CallbackParameters as FixtureParameters } from './taskrouter/fixtures.js';
import { randomSid, signCallback, taskLifecycle, type LifecycleEvent, type ScenarioWorker } from './taskrouter/lifecycle.js';

export const newTaskSid = () => randomSid('WT');
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const WORKSPACE_SID = `WS${'b'.repeat(32)}`;
export const WORKER_SID = `WK${'c'.repeat(32)}`;
export const DEFAULT_WORKER: ScenarioWorker = { workerSid: WORKER_SID, workerName: 'Alice Agent' };

export type { ScenarioWorker } from './taskrouter/lifecycle.js';
export { stableSid } from './taskrouter/lifecycle.js';

export interface CompletedTaskOptions {
  readonly taskSid?: string;
  readonly attributes?: Record<string, unknown> | string;
  /** The task channel's unique name (kept in the Events API index; not a documented callback field). */
  readonly channel?: string;
  /** A queue name or WQ… SID; callbacks carry its TaskQueueSid (a stable SID made from a name). */
  readonly queue?: string;
  readonly ageSeconds?: number;
  readonly completedAt?: Date;
  /** Who accepted the task, in order: more than one is a transfer within the task. Default: Alice Agent. */
  readonly workers?: readonly ScenarioWorker[];
  /** TaskCompletedReason, e.g. a wrap-up timeout or a supervisor's completion. */
  readonly completedReason?: string;
}

/** Form parameters of a callback; TaskSid is always there. */
export type CallbackParameters = Record<string, string> & { TaskSid: string };

const isCaptured = (eventType: string): boolean => (CAPTURED_EVENT_TYPES as readonly string[]).includes(eventType);

function withTaskSid(parameters: FixtureParameters): CallbackParameters {
  const taskSid = parameters['TaskSid'];
  if (taskSid === undefined) throw new Error(`A ${parameters['EventType'] ?? ''} callback without TaskSid`);
  return { ...parameters, TaskSid: taskSid };
}

/** Every event of one completed task, oldest first (the Events API serves them all). */
export function taskEvents(options: CompletedTaskOptions = {}): LifecycleEvent[] {
  return taskLifecycle(
    {
      taskSid: options.taskSid ?? newTaskSid(),
      attributes: options.attributes ?? {},
      channel: options.channel ?? 'voice',
      queue: options.queue ?? 'Everyone',
      workers: options.workers ?? [DEFAULT_WORKER],
      completedAt: options.completedAt ?? new Date(),
      ageSeconds: options.ageSeconds ?? 185,
      ...(options.completedReason === undefined ? {} : { completedReason: options.completedReason }),
    },
    { accountSid: ACCOUNT_SID, workspaceSid: WORKSPACE_SID },
  );
}

/** The callbacks TaskRouter posts for these events once the EventsFilter selects what capture needs, as they happened. */
export function capturedCallbacks(events: readonly LifecycleEvent[]): CallbackParameters[] {
  return events.filter((event) => isCaptured(event.eventType)).map((event) => withTaskSid(event.callback));
}

/** The `task.completed` callback alone, as TaskRouter posts it: no WorkerSid, no WorkerName. */
export function completedTaskParameters(options: CompletedTaskOptions = {}): CallbackParameters {
  const completed = taskEvents(options).find((event) => event.eventType === 'task.completed');
  if (!completed) throw new Error('The task did not complete');
  return withTaskSid(completed.callback);
}

/**
 * Orders of delivery: as they happened; `task.completed` before every
 * reservation event; newest first; or shuffled (a fresh random order each time).
 */
export const DELIVERY_ORDERS = ['as-happened', 'completed-first', 'reversed', 'shuffled'] as const;
export type DeliveryOrder = (typeof DELIVERY_ORDERS)[number];

export function inDeliveryOrder<T extends Readonly<Record<string, string>>>(callbacks: readonly T[], order: DeliveryOrder): T[] {
  switch (order) {
    case 'as-happened':
      return [...callbacks];
    case 'reversed':
      return [...callbacks].reverse();
    case 'completed-first':
      return [
        ...callbacks.filter((callback) => callback['EventType'] === 'task.completed'),
        ...callbacks.filter((callback) => callback['EventType'] !== 'task.completed'),
      ];
    case 'shuffled': {
      const shuffled = [...callbacks];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = randomInt(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
      }
      return shuffled;
    }
  }
}

export function sign(parameters: Record<string, string>, url = WEBHOOK_URL, authToken = readLocalSecrets()['TWILIO_AUTH_TOKEN'] ?? ''): string {
  return signCallback(parameters, url, authToken);
}

export interface PostOptions {
  readonly signature?: string | null;
  readonly body?: string;
  readonly url?: string;
}

export interface CallbackResponse {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** POSTs a form-encoded callback, signed correctly unless told otherwise. */
export async function postCallback(parameters: Record<string, string>, options: PostOptions = {}): Promise<CallbackResponse> {
  const signature = options.signature === undefined ? sign(parameters, options.url ?? WEBHOOK_URL) : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const response = await fetch(options.url ?? WEBHOOK_URL, {
    method: 'POST',
    headers,
    body: options.body ?? new URLSearchParams(parameters).toString(),
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = { text };
  }
  return { status: response.status, body };
}

export interface DeliveryOptions {
  readonly order?: DeliveryOrder;
  readonly url?: string;
}

export interface DeliveredEvent extends CallbackResponse {
  readonly eventType: string;
}

export interface DeliveredTask {
  readonly taskSid: string;
  readonly events: readonly LifecycleEvent[];
  /** What the webhook answered to each callback, in the order they were posted. */
  readonly answers: readonly DeliveredEvent[];
  /** The answer to `task.completed`. */
  readonly completed: CallbackResponse;
}

/** Completes a task as TaskRouter would: posts its captured callbacks one after another, in the order asked for. */
export async function deliverTask(options: CompletedTaskOptions = {}, delivery: DeliveryOptions = {}): Promise<DeliveredTask> {
  const events = taskEvents(options);
  const answers: DeliveredEvent[] = [];
  for (const callback of inDeliveryOrder(capturedCallbacks(events), delivery.order ?? 'as-happened')) {
    const answer = await postCallback(callback, delivery.url ? { url: delivery.url } : {});
    answers.push({ eventType: callback['EventType'] ?? '', ...answer });
  }
  const completed = answers.find((answer) => answer.eventType === 'task.completed');
  const taskSid = events[0]?.index.taskSid;
  if (!completed || !taskSid) throw new Error('The task did not complete');
  return { taskSid, events, answers, completed };
}
