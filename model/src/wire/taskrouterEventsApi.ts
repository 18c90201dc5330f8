/**
 * An Event resource of TaskRouter's Events REST API
 * (`GET /v1/Workspaces/{WorkspaceSid}/Events`, https://www.twilio.com/docs/taskrouter/api/event),
 * as the JSON lists it, and the one conversion of such an event into the
 * parameter record a workspace event callback carries. Reconciliation feeds
 * that record to the very same capture code the webhook uses, so an event
 * read back from the API is stored exactly as its callback would have been.
 *
 * Fields this product does not read are ignored, not rejected.
 */
import * as z from 'zod/mini';
import { sidOf } from '../documents/ids.js';

/** Events are kept this long by TaskRouter (Event Resource page: "keeps that data for 30 days"). */
export const EVENTS_API_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** The largest page the API serves (twilio-oai ListEvent `PageSize`: maximum 1000). */
export const EVENTS_API_MAX_PAGE_SIZE = 1000;

/** A value of `event_data`: documented as an object of the event's field data; kept as whatever JSON it is. */
const eventDataValue = z.unknown();

export const taskrouterEventResourceSchema = z.object({
  sid: sidOf('EV'),
  account_sid: sidOf('AC'),
  workspace_sid: sidOf('WS'),
  event_type: z.string().check(z.minLength(1), z.maxLength(100)),
  resource_type: z.nullish(z.string()),
  resource_sid: z.nullish(z.string()),
  description: z.nullish(z.string()),
  /** ISO 8601, e.g. `2015-02-07T00:32:41Z`. */
  event_date: z.nullish(z.string()),
  /** The same moment in epoch milliseconds. */
  event_date_ms: z.int().check(z.nonnegative()),
  /** The field data of the event: snake_case names in the REST API, the callback's PascalCase accepted too. */
  event_data: z.nullish(z.record(z.string(), eventDataValue)),
});

export type TaskrouterEventResource = z.output<typeof taskrouterEventResourceSchema>;

/** `task_queue_sid` → `TaskQueueSid`; a name already in PascalCase stays as it is. */
export function toPascalCase(key: string): string {
  if (!key.includes('_') && /^[A-Z]/.test(key)) return key;
  return key
    .split('_')
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Form parameters are strings: a number or boolean becomes its text, an object its JSON, null nothing. */
function asParameter(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * The callback parameters for an Event resource: every `event_data` field under
 * its callback (PascalCase) name, then the envelope fields the callback carries
 * at its top level (`EventType`, `AccountSid`, `WorkspaceSid`, `ResourceType`,
 * `ResourceSid`, `Sid`, `EventDescription`, `Timestamp` in epoch seconds,
 * `TimestampMs`). The envelope wins over a field of the same name in
 * `event_data`: it is the resource's own statement of what the event is.
 */
export function callbackParametersFromEventResource(event: TaskrouterEventResource): Record<string, string> {
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(event.event_data ?? {})) {
    const text = asParameter(value);
    if (text !== undefined) fields.push([toPascalCase(key), text]);
  }
  const envelope: [string, string | null | undefined][] = [
    ['EventType', event.event_type],
    ['AccountSid', event.account_sid],
    ['WorkspaceSid', event.workspace_sid],
    ['ResourceType', event.resource_type],
    ['ResourceSid', event.resource_sid],
    ['Sid', event.sid],
    ['EventDescription', event.description],
    ['Timestamp', String(Math.floor(event.event_date_ms / 1000))],
    ['TimestampMs', String(event.event_date_ms)],
  ];
  for (const [key, value] of envelope) {
    if (value !== null && value !== undefined) fields.push([key, value]);
  }
  // fromEntries defines own properties (a field named `__proto__` cannot reach the prototype); later entries win.
  return Object.fromEntries(fields);
}

/** The TaskSid an event is about: `task_sid` in its data, or the resource itself when it is a task. */
export function taskSidOfEventResource(event: TaskrouterEventResource): string | undefined {
  const data = event.event_data ?? {};
  const fromData = asParameter(data['task_sid'] ?? data['TaskSid']);
  if (fromData) return fromData;
  return event.resource_type?.toLowerCase() === 'task' && event.resource_sid ? event.resource_sid : undefined;
}
