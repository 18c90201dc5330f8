/**
 * The recorded shapes of TaskRouter's documented payloads, loaded from
 * `fixtures/` (the one place they live; `fixtures/SOURCES.md` says where each
 * field comes from). Everything that builds a TaskRouter payload in the local
 * stack starts from these files, so a shape is changed in one place.
 */
import { readFileSync } from 'node:fs';

/** Event types with a callback fixture, in the order a task usually meets them. */
export const CALLBACK_EVENT_TYPES = [
  'task.created',
  'reservation.created',
  'reservation.rejected',
  'reservation.timeout',
  'reservation.accepted',
  'task.transfer-initiated',
  'task.transfer-completed',
  'reservation.wrapup',
  'task.wrapup',
  'reservation.completed',
  'task.completed',
  'task.canceled',
] as const;

export type CallbackEventType = (typeof CALLBACK_EVENT_TYPES)[number];

/** Form parameters of a workspace event callback: every value is a string. */
export type CallbackParameters = Readonly<Record<string, string>>;

/** `event_data` of an Event resource: the callback's field data in snake_case. */
export type EventData = Readonly<Record<string, string>>;

/** An Event resource as `GET /v1/Workspaces/{WorkspaceSid}/Events` lists it (twilio-oai `taskrouter.v1.workspace.event`). */
export interface EventResource {
  readonly account_sid: string;
  readonly actor_sid: string | null;
  readonly actor_type: string | null;
  readonly actor_url: string | null;
  readonly description: string;
  readonly event_data: EventData;
  readonly event_date: string;
  readonly event_date_ms: number;
  readonly event_type: string;
  readonly resource_sid: string;
  readonly resource_type: string;
  readonly resource_url: string;
  readonly sid: string;
  readonly source: string;
  readonly source_ip_address: string;
  readonly url: string;
  readonly workspace_sid: string;
}

/** `meta` of a list page (twilio-oai `ListEventResponse`). */
export interface ListMeta {
  readonly first_page_url: string;
  readonly key: 'events';
  readonly next_page_url: string | null;
  readonly page: number;
  readonly page_size: number;
  readonly previous_page_url: string | null;
  readonly url: string;
}

export interface EventListPage {
  readonly events: readonly EventResource[];
  readonly meta: ListMeta;
}

const FIXTURES = new URL('./fixtures/', import.meta.url);

function readJson(relativePath: string): unknown {
  return JSON.parse(readFileSync(new URL(relativePath, FIXTURES), 'utf8')) as unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringRecord(value: unknown, what: string): Readonly<Record<string, string>> {
  if (!isRecord(value)) throw new Error(`${what}: not a JSON object`);
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'string') throw new Error(`${what}: ${key} is not a string`);
  }
  return Object.freeze({ ...(value as Record<string, string>) });
}

function eventResource(value: unknown, what: string): EventResource {
  if (!isRecord(value)) throw new Error(`${what}: not a JSON object`);
  stringRecord(value['event_data'], `${what}.event_data`);
  if (typeof value['event_date_ms'] !== 'number') throw new Error(`${what}: event_date_ms is not a number`);
  return value as unknown as EventResource;
}

const callbackCache = new Map<CallbackEventType, CallbackParameters>();

/** The documented callback parameters of one event type, with placeholder values. */
export function callbackFixture(type: CallbackEventType): CallbackParameters {
  let fixture = callbackCache.get(type);
  if (!fixture) {
    fixture = stringRecord(readJson(`callback/${type}.json`), `fixtures/callback/${type}.json`);
    if (fixture['EventType'] !== type) throw new Error(`fixtures/callback/${type}.json: EventType is ${String(fixture['EventType'])}`);
    callbackCache.set(type, fixture);
  }
  return fixture;
}

/** Event types whose REST `event_data` has its own fixture (snake_case keys). */
export const EVENT_DATA_FIXTURE_TYPES: readonly CallbackEventType[] = ['task.completed', 'reservation.completed'];

/** The `event_data` fixture of a type, where there is one. */
export function eventDataFixture(type: CallbackEventType): EventData | undefined {
  if (!EVENT_DATA_FIXTURE_TYPES.includes(type)) return undefined;
  return stringRecord(readJson(`events-api/event-data/${type}.json`), `fixtures/events-api/event-data/${type}.json`);
}

/** One Event resource, exactly the keys of the OAI schema. */
export function eventResourceFixture(): EventResource {
  return eventResource(readJson('events-api/event.json'), 'fixtures/events-api/event.json');
}

/** One page of the list response (`events` and `meta`). */
export function eventListPageFixture(): EventListPage {
  const value = readJson('events-api/list-page.json');
  if (!isRecord(value) || !Array.isArray(value['events']) || !isRecord(value['meta'])) {
    throw new Error('fixtures/events-api/list-page.json: not a list page');
  }
  value['events'].forEach((event, i) => eventResource(event, `fixtures/events-api/list-page.json events[${i}]`));
  return value as unknown as EventListPage;
}
