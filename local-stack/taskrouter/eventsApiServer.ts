/**
 * A local stand-in for TaskRouter's Events REST API (node:http, no framework):
 *
 *   GET /v1/Workspaces/{WorkspaceSid}/Events         list, filtered and paged
 *   GET /v1/Workspaces/{WorkspaceSid}/Events/{Sid}   fetch one
 *
 * It serves the events it holds (an in-memory store you can append to while it
 * runs) with the documented filters, page size, paging through `PageToken` in
 * `meta.next_page_url` (which points back at this server), 30-day retention,
 * HTTP Basic auth with the account SID and auth token, Twilio's error JSON, and
 * injected faults for tests. What the documentation leaves open is listed in
 * `README.md` and `fixtures/SOURCES.md`; each such choice is an option here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { eventListPageFixture, type EventResource, type ListMeta } from './fixtures.js';
import type { EventIndex, LifecycleEvent } from './lifecycle.js';

/** Documented: "The default is 50, and the maximum is 1000" (twilio-oai, ListEvent PageSize). */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;
/** Documented: "The default is `15` minutes" (twilio-oai, ListEvent Minutes). */
export const DEFAULT_MINUTES = 15;
/** Documented: TaskRouter "keeps that data for 30 days" (Event Resource page). */
export const RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The order of a list. The documentation does not say; `newest-first` (by
 * `event_date_ms`, ties in reverse order of arrival) is the default here.
 */
export type EventOrder = 'newest-first' | 'oldest-first';

export interface TwilioErrorBody {
  readonly code: number;
  readonly message: string;
  readonly more_info: string;
  readonly status: number;
}

export type FaultStatus = 429 | 500 | 503;

export interface Fault {
  readonly status: FaultStatus;
  /** Sent as `Retry-After` (seconds). */
  readonly retryAfterSeconds?: number;
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query as received. */
  readonly url: string;
  readonly status: number;
}

export interface EventsApiServerOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** Workspaces that exist; the workspace of every appended event exists too. */
  readonly workspaceSids?: readonly string[];
  readonly events?: readonly (LifecycleEvent | EventResource)[];
  /** The clock, in epoch milliseconds (retention and `Minutes` are relative to it). */
  readonly now?: () => number;
  readonly order?: EventOrder;
  /** 127.0.0.1 unless told otherwise; port 0 picks a free one. */
  readonly host?: string;
  readonly port?: number;
  /**
   * The origin written in `meta`'s page URLs. This server's own by default;
   * `https://taskrouter.twilio.com` answers as Twilio does, so that a client
   * must send every next page to its configured base URL itself.
   */
  readonly linkOrigin?: string;
  /** Called before each request is answered: events other processes recorded (a journal) are appended here. */
  readonly sync?: () => readonly (LifecycleEvent | EventResource)[];
}

export interface EventsApiServer {
  /** `http://127.0.0.1:PORT`: what replaces `https://taskrouter.twilio.com`. */
  readonly baseUrl: string;
  readonly requests: readonly RecordedRequest[];
  append(...events: readonly (LifecycleEvent | EventResource)[]): void;
  /** Answers the next `count` requests with this fault, whatever they are. */
  failNext(count: number, fault: Fault): void;
  /** Holds the next `count` requests for `ms` before answering them. */
  delayNext(count: number, ms: number): void;
  close(): Promise<void>;
}

interface Stored {
  readonly seq: number;
  readonly resource: EventResource;
  readonly index: EventIndex | undefined;
}

const ERROR_INFO = (code: number) => `https://www.twilio.com/docs/errors/${code}`;

function errorBody(status: number, code: number, message: string): TwilioErrorBody {
  return { code, message, more_info: ERROR_INFO(code), status };
}

const FAULT_ERRORS: Readonly<Record<FaultStatus, [number, string]>> = {
  429: [20429, 'Too Many Requests'],
  500: [20500, 'Internal Server Error'],
  503: [20503, 'Service Unavailable'],
};

/** Code used here for a malformed query parameter; Twilio does not document the one it uses for this resource. */
const INVALID_PARAMETER_CODE = 20001;

class BadRequest extends Error {}

const isLifecycleEvent = (event: LifecycleEvent | EventResource): event is LifecycleEvent => 'callback' in event && 'resource' in event;

/** A field of `event_data`, whichever casing it was stored with (REST snake_case or callback PascalCase). */
function dataField(resource: EventResource, snake: string, pascal: string): string | undefined {
  const data = resource.event_data as Record<string, unknown> | null;
  const value = data?.[snake] ?? data?.[pascal];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function indexOf(stored: Stored): EventIndex {
  if (stored.index) return stored.index;
  const r = stored.resource;
  const taskSid = dataField(r, 'task_sid', 'TaskSid') ?? (r.resource_type.toLowerCase() === 'task' ? r.resource_sid : '');
  const channel = [
    dataField(r, 'task_channel_unique_name', 'TaskChannelUniqueName'),
    dataField(r, 'task_channel_sid', 'TaskChannelSid'),
  ].filter((value): value is string => value !== undefined);
  const optional = (key: keyof EventIndex, value: string | undefined) => (value === undefined ? {} : { [key]: value });
  return {
    taskSid,
    ...optional('reservationSid', dataField(r, 'reservation_sid', 'ReservationSid')),
    ...optional('workerSid', dataField(r, 'worker_sid', 'WorkerSid')),
    ...optional('taskQueueSid', dataField(r, 'task_queue_sid', 'TaskQueueSid')),
    ...optional('workflowSid', dataField(r, 'workflow_sid', 'WorkflowSid')),
    taskChannel: channel,
  };
}

interface Cursor {
  readonly direction: 'next' | 'previous';
  readonly ms: number;
  readonly seq: number;
}

function encodeToken(cursor: Cursor): string {
  return `PT${Buffer.from(JSON.stringify([cursor.direction === 'next' ? 'n' : 'p', cursor.ms, cursor.seq])).toString('base64url')}`;
}

function decodeToken(token: string): Cursor {
  try {
    if (!token.startsWith('PT')) throw new Error('prefix');
    const [direction, ms, seq] = JSON.parse(Buffer.from(token.slice(2), 'base64url').toString('utf8')) as unknown[];
    if ((direction !== 'n' && direction !== 'p') || typeof ms !== 'number' || typeof seq !== 'number') throw new Error('shape');
    return { direction: direction === 'n' ? 'next' : 'previous', ms, seq };
  } catch {
    throw new BadRequest(`Invalid PageToken: ${token}`);
  }
}

const FILTERS = [
  'StartDate',
  'EndDate',
  'Minutes',
  'EventType',
  'TaskSid',
  'ReservationSid',
  'WorkerSid',
  'TaskQueueSid',
  'WorkflowSid',
  'TaskChannel',
  'Sid',
] as const;

function parseDate(name: string, value: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new BadRequest(`Invalid ${name}: ${value} is not an ISO 8601 date-time`);
  return ms;
}

function parseInteger(name: string, value: string, min: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min) throw new BadRequest(`Invalid ${name}: ${value}`);
  return Number(value);
}

/** The time window of a list request. */
function timeWindow(query: URLSearchParams, nowMs: number): { from: number; to: number } {
  const start = query.get('StartDate');
  const end = query.get('EndDate');
  const minutes = query.get('Minutes');
  let from = nowMs - RETENTION_MS;
  if (minutes !== null) from = Math.max(from, nowMs - parseInteger('Minutes', minutes, 0) * 60_000);
  else if (start === null && end === null) from = Math.max(from, nowMs - DEFAULT_MINUTES * 60_000);
  if (start !== null) from = Math.max(from, parseDate('StartDate', start));
  const to = end === null ? Number.POSITIVE_INFINITY : parseDate('EndDate', end);
  return { from, to };
}

function matches(stored: Stored, query: URLSearchParams): boolean {
  const r = stored.resource;
  const index = indexOf(stored);
  const want = (name: (typeof FILTERS)[number]) => query.get(name);
  const checks: [string | null, (value: string) => boolean][] = [
    [want('EventType'), (v) => r.event_type === v],
    [want('Sid'), (v) => r.sid === v],
    [want('TaskSid'), (v) => index.taskSid === v],
    [want('ReservationSid'), (v) => index.reservationSid === v],
    [want('WorkerSid'), (v) => index.workerSid === v],
    [want('TaskQueueSid'), (v) => index.taskQueueSid === v],
    [want('WorkflowSid'), (v) => index.workflowSid === v],
    [want('TaskChannel'), (v) => index.taskChannel.includes(v)],
  ];
  return checks.every(([value, check]) => value === null || check(value));
}

export async function startEventsApiServer(options: EventsApiServerOptions): Promise<EventsApiServer> {
  const now = options.now ?? Date.now;
  const order: EventOrder = options.order ?? 'newest-first';
  const workspaces = new Set(options.workspaceSids ?? []);
  const store: Stored[] = [];
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  const delays: number[] = [];
  let seq = 0;
  let baseUrl = '';
  const metaKeys = Object.keys(eventListPageFixture().meta) as (keyof ListMeta)[];
  const expectedAuth = Buffer.from(`Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`);

  const append = (...events: readonly (LifecycleEvent | EventResource)[]) => {
    for (const event of events) {
      const resource = isLifecycleEvent(event) ? event.resource : event;
      workspaces.add(resource.workspace_sid);
      store.push({ seq: (seq += 1), resource, index: isLifecycleEvent(event) ? event.index : undefined });
    }
  };
  append(...(options.events ?? []));

  const compare = (a: Stored, b: Stored) => {
    const byTime = a.resource.event_date_ms - b.resource.event_date_ms || a.seq - b.seq;
    return order === 'oldest-first' ? byTime : -byTime;
  };
  const before = (s: Stored, cursor: Cursor) => compare(s, { seq: cursor.seq, resource: { event_date_ms: cursor.ms } as EventResource, index: undefined }) < 0;

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };

  const authorized = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expectedAuth.length && timingSafeEqual(given, expectedAuth);
  };

  const listUrl = (workspaceSid: string, query: URLSearchParams, pageSize: number, page: number, token?: string) => {
    const params = new URLSearchParams();
    for (const name of FILTERS) {
      const value = query.get(name);
      if (value !== null) params.set(name, value);
    }
    params.set('PageSize', String(pageSize));
    params.set('Page', String(page));
    if (token) params.set('PageToken', token);
    return `${options.linkOrigin?.replace(/\/+$/, '') ?? baseUrl}/v1/Workspaces/${workspaceSid}/Events?${params.toString()}`;
  };

  const list = (workspaceSid: string, query: URLSearchParams) => {
    const nowMs = now();
    const { from, to } = timeWindow(query, nowMs);
    const requested = query.get('PageSize');
    const pageSize = requested === null ? DEFAULT_PAGE_SIZE : Math.min(MAX_PAGE_SIZE, parseInteger('PageSize', requested, 1));
    const pageParam = query.get('Page');
    const page = pageParam === null ? 0 : parseInteger('Page', pageParam, 0);
    const tokenParam = query.get('PageToken');
    const cursor = tokenParam === null ? undefined : decodeToken(tokenParam);
    const all = store
      .filter((s) => s.resource.workspace_sid === workspaceSid)
      .filter((s) => s.resource.event_date_ms >= from && s.resource.event_date_ms <= to)
      .filter((s) => matches(s, query))
      .sort(compare);
    let slice: Stored[];
    let hasBefore: boolean;
    let hasAfter: boolean;
    if (cursor?.direction === 'previous') {
      const earlier = all.filter((s) => before(s, cursor));
      slice = earlier.slice(Math.max(0, earlier.length - pageSize));
      hasBefore = earlier.length > slice.length;
      hasAfter = true;
    } else {
      const later = cursor ? all.filter((s) => !before(s, cursor) && !(s.seq === cursor.seq)) : all;
      slice = later.slice(0, pageSize);
      hasBefore = cursor !== undefined;
      hasAfter = later.length > slice.length;
    }
    const first = slice[0];
    const last = slice[slice.length - 1];
    const values: Record<keyof ListMeta, unknown> = {
      first_page_url: listUrl(workspaceSid, query, pageSize, 0),
      key: 'events',
      next_page_url:
        hasAfter && last ? listUrl(workspaceSid, query, pageSize, page + 1, encodeToken({ direction: 'next', ms: last.resource.event_date_ms, seq: last.seq })) : null,
      page,
      page_size: pageSize,
      previous_page_url:
        hasBefore && first && page > 0
          ? listUrl(workspaceSid, query, pageSize, page - 1, encodeToken({ direction: 'previous', ms: first.resource.event_date_ms, seq: first.seq }))
          : null,
      url: listUrl(workspaceSid, query, pageSize, page, tokenParam ?? undefined),
    };
    const meta: Record<string, unknown> = {};
    for (const key of metaKeys) meta[key] = values[key];
    return { events: slice.map((s) => s.resource), meta };
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = /^\/v1\/Workspaces\/([^/]+)\/Events(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!authorized(req)) {
      send(res, 401, errorBody(401, 20003, 'Authenticate'), { 'www-authenticate': 'Basic realm="Twilio API"' });
      return;
    }
    if (!match || !workspaces.has(match[1] ?? '')) {
      send(res, 404, errorBody(404, 20404, `The requested resource ${url.pathname} was not found`));
      return;
    }
    if (req.method !== 'GET') {
      send(res, 405, errorBody(405, 20004, 'Method not allowed'));
      return;
    }
    const workspaceSid = match[1] ?? '';
    const eventSid = match[2];
    try {
      if (eventSid) {
        const found = store.find(
          (s) => s.resource.workspace_sid === workspaceSid && s.resource.sid === eventSid && s.resource.event_date_ms >= now() - RETENTION_MS,
        );
        if (found) send(res, 200, found.resource);
        else send(res, 404, errorBody(404, 20404, `The requested resource ${url.pathname} was not found`));
        return;
      }
      send(res, 200, list(workspaceSid, url.searchParams));
    } catch (error) {
      if (!(error instanceof BadRequest)) throw error;
      send(res, 400, errorBody(400, INVALID_PARAMETER_CODE, error.message));
    }
  };

  const server: Server = createServer((req, res) => {
    const respond = () => {
      if (options.sync) append(...options.sync());
      const fault = faults.shift();
      let status: number;
      if (fault) {
        const [code, message] = FAULT_ERRORS[fault.status];
        const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        send(res, fault.status, errorBody(fault.status, code, message), headers);
        status = fault.status;
      } else {
        try {
          route(req, res);
        } catch (error) {
          send(res, 500, errorBody(500, 20500, error instanceof Error ? error.message : 'Internal Server Error'));
        }
        status = res.statusCode;
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', status });
    };
    const delay = delays.shift();
    if (delay === undefined) respond();
    else setTimeout(respond, delay);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  return {
    baseUrl,
    requests,
    append,
    failNext(count, fault) {
      for (let i = 0; i < count; i += 1) faults.push(fault);
    },
    delayNext(count, ms) {
      for (let i = 0; i < count; i += 1) delays.push(ms);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
