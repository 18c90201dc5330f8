/**
 * A stand-in for TaskRouter's workspace event callback: builds `task.completed`
 * parameters as TaskRouter sends them and signs them as Twilio does, with the
 * local auth token. Used by the local desktop, `npm run simulate`, tests and
 * benchmarks; it only ever talks to the local emulator.
 */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { readLocalSecrets, WEBHOOK_URL } from './localStack.js';

const hex = () => randomBytes(16).toString('hex');
export const newTaskSid = () => `WT${hex()}`;
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const WORKSPACE_SID = `WS${'b'.repeat(32)}`;
export const WORKER_SID = `WK${'c'.repeat(32)}`;

export interface CompletedTaskOptions {
  readonly taskSid?: string;
  readonly attributes?: Record<string, unknown> | string;
  readonly channel?: string;
  readonly queue?: string;
  readonly ageSeconds?: number;
  readonly completedAt?: Date;
  readonly workerSid?: string;
  readonly workerName?: string;
}

/** Form parameters of a callback; TaskSid is always there. */
export type CallbackParameters = Record<string, string> & { TaskSid: string };

export function completedTaskParameters(options: CompletedTaskOptions = {}): CallbackParameters {
  const completedAt = options.completedAt ?? new Date();
  const ageSeconds = options.ageSeconds ?? 185;
  const attributes = options.attributes ?? {};
  const taskSid = options.taskSid ?? newTaskSid();
  return {
    EventType: 'task.completed',
    EventDescription: 'Task completed',
    AccountSid: ACCOUNT_SID,
    WorkspaceSid: WORKSPACE_SID,
    WorkspaceName: 'Flex Task Assignment',
    ResourceType: 'task',
    TaskSid: taskSid,
    ResourceSid: taskSid,
    TaskAttributes: typeof attributes === 'string' ? attributes : JSON.stringify(attributes),
    TaskAge: String(ageSeconds),
    TaskChannelUniqueName: options.channel ?? 'voice',
    TaskQueueName: options.queue ?? 'Everyone',
    TaskDateCreated: String(Math.floor(completedAt.getTime() / 1000) - ageSeconds),
    WorkerSid: options.workerSid ?? WORKER_SID,
    WorkerName: options.workerName ?? 'Alice Agent',
    Timestamp: String(Math.floor(completedAt.getTime() / 1000)),
    TimestampMs: String(completedAt.getTime()),
  };
}

export function sign(parameters: Record<string, string>, url = WEBHOOK_URL, authToken = readLocalSecrets()['TWILIO_AUTH_TOKEN'] ?? ''): string {
  return twilio.getExpectedTwilioSignature(authToken, url, parameters);
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
