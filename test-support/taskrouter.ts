/** Builds TaskRouter callbacks and signs them the way Twilio does. */
import { randomBytes } from 'node:crypto';
import twilio from 'twilio';
import { normalizePhone } from '@interaction-history/model';
import { localSecrets, WEBHOOK_URL } from './localStack.js';

const hex = () => randomBytes(16).toString('hex');
export const newTaskSid = () => `WT${hex()}`;
export const ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const WORKSPACE_SID = `WS${'b'.repeat(32)}`;
export const WORKER_SID = `WK${'c'.repeat(32)}`;

/** A valid San Francisco number, random enough that tests running side by side never share a customer. */
export function uniquePhone(): string {
  for (;;) {
    const exchange = 200 + Math.floor(Math.random() * 800);
    const line = Math.floor(Math.random() * 10_000);
    const candidate = `+1415${exchange}${String(line).padStart(4, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}

/** A valid UK mobile number (the form WhatsApp senders have), unique per call. */
export function uniqueUkMobile(): string {
  for (;;) {
    const candidate = `+447${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}

export interface CompletedTaskOptions {
  readonly taskSid?: string;
  readonly attributes?: Record<string, unknown> | string;
  readonly channel?: string;
  readonly queue?: string;
  readonly ageSeconds?: number;
  readonly completedAt?: Date;
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
    WorkerSid: WORKER_SID,
    WorkerName: 'Alice Agent',
    Timestamp: String(Math.floor(completedAt.getTime() / 1000)),
    TimestampMs: String(completedAt.getTime()),
  };
}

export function sign(parameters: Record<string, string>, url = WEBHOOK_URL, authToken = localSecrets()['TWILIO_AUTH_TOKEN'] ?? ''): string {
  return twilio.getExpectedTwilioSignature(authToken, url, parameters);
}

export interface PostOptions {
  readonly signature?: string | null;
  readonly body?: string;
  readonly url?: string;
}

/** POSTs a form-encoded callback, signed correctly unless told otherwise. */
export async function postCallback(parameters: Record<string, string>, options: PostOptions = {}) {
  const signature = options.signature === undefined ? sign(parameters) : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (signature !== null) headers['x-twilio-signature'] = signature;
  const response = await fetch(options.url ?? WEBHOOK_URL, {
    method: 'POST',
    headers,
    body: options.body ?? new URLSearchParams(parameters).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
