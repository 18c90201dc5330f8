/**
 * The Events API stand-in, exercised with the real `twilio` client pointed at
 * it. Every request must reach the local server (the outbound-network guard of
 * test-support fails any test that tries to reach Twilio).
 */
import twilio from 'twilio';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_MINUTES, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type EventsApiServer, type EventsApiServerOptions } from '../eventsApiServer.js';
import { eventListPageFixture } from '../fixtures.js';
import { stableSid, type LifecycleEvent } from '../lifecycle.js';
import { taskRouterClient } from '../twilioClient.js';
import { ACCOUNT_SID, ALICE, AUTH_TOKEN, MINUTE, NOW, startScenarioEventsApi, taskCompletedMinutesAgo as lifecycle, WS } from './eventsApiScenario.js';

const BOB = { workerSid: stableSid('WK', 'bob'), workerName: 'Bob Agent' };

let server: EventsApiServer;
/** The server the current test started last, for afterEach to close (none when the test failed before starting one). */
let startedLast: EventsApiServer | undefined;
const start = async (options: Partial<EventsApiServerOptions> = {}) => {
  server = await startScenarioEventsApi(options);
  startedLast = server;
  return server;
};
const local = (options: Parameters<typeof taskRouterClient>[3] = {}) => taskRouterClient(ACCOUNT_SID, AUTH_TOKEN, server.baseUrl, options);
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const get = (path: string, authorization = basic(ACCOUNT_SID, AUTH_TOKEN)) => fetch(`${server.baseUrl}${path}`, { headers: { authorization } });

afterEach(async () => {
  await startedLast?.close();
  startedLast = undefined;
});

describe('listing with the real twilio client', () => {
  let recent: LifecycleEvent[];
  let older: LifecycleEvent[];

  beforeEach(async () => {
    recent = lifecycle({ minutesAgo: 2, workers: [ALICE, BOB] });
    older = lifecycle({ minutesAgo: 40, channel: 'sms', queue: 'Billing' });
    await start({ events: [...older, ...recent] });
  });

  it('lists one task\'s events, newest first, every request to the local server', async () => {
    const { client, httpClient } = local();
    const taskSid = recent[0]?.callback['TaskSid'] ?? '';
    const events = await client.taskrouter.v1.workspaces(WS).events.list({ taskSid });
    expect(events.map((e) => e.sid)).toEqual(recent.map((e) => e.eventSid).reverse());
    expect(events.map((e) => e.eventType)).toEqual(recent.map((e) => e.eventType).reverse());
    const completed = events[0];
    expect(completed?.eventType).toBe('task.completed');
    expect(completed?.eventData).toEqual(recent.at(-1)?.resource.event_data);
    expect(completed?.eventDateMs).toBe(recent.at(-1)?.occurredAtMs);
    expect(completed?.eventDate).toBeInstanceOf(Date);
    expect(httpClient.requestedUris).toHaveLength(1);
    expect(httpClient.requestedUris[0]).toMatch(new RegExp(`^${server.baseUrl}/v1/Workspaces/${WS}/Events\\?`));
    expect(server.requests.map((r) => r.status)).toEqual([200]);
  });

  it('serves the last 15 minutes when no dates are given (the documented default)', async () => {
    const { client } = local();
    const events = await client.taskrouter.v1.workspaces(WS).events.list();
    expect(DEFAULT_MINUTES).toBe(15);
    expect(new Set(events.map((e) => e.sid))).toEqual(new Set(recent.map((e) => e.eventSid)));
    const hour = await client.taskrouter.v1.workspaces(WS).events.list({ minutes: 60 });
    expect(hour).toHaveLength(recent.length + older.length);
    const since = await client.taskrouter.v1.workspaces(WS).events.list({ startDate: new Date(NOW - 50 * MINUTE) });
    expect(since).toHaveLength(recent.length + older.length);
    const until = await client.taskrouter.v1.workspaces(WS).events.list({ startDate: new Date(NOW - 50 * MINUTE), endDate: new Date(NOW - 30 * MINUTE) });
    expect(new Set(until.map((e) => e.sid))).toEqual(new Set(older.map((e) => e.eventSid)));
  });

  it('applies each documented filter', async () => {
    const { client } = local();
    const events = client.taskrouter.v1.workspaces(WS).events;
    const minutes = 60;
    const bobAccepted = recent.find((e) => e.eventType === 'reservation.accepted' && e.index.workerSid === BOB.workerSid);
    const sids = async (filter: Parameters<typeof events.list>[0]) => (await events.list({ minutes, ...filter })).map((e) => e.sid).sort();
    const expected = (predicate: (e: LifecycleEvent) => boolean) => [...older, ...recent].filter(predicate).map((e) => e.eventSid).sort();

    expect(await sids({ eventType: 'task.completed' })).toEqual(expected((e) => e.eventType === 'task.completed'));
    expect(await sids({ workerSid: BOB.workerSid })).toEqual(expected((e) => e.index.workerSid === BOB.workerSid));
    expect(await sids({ reservationSid: bobAccepted?.index.reservationSid ?? '' })).toEqual(
      expected((e) => e.index.reservationSid === bobAccepted?.index.reservationSid),
    );
    expect(await sids({ taskQueueSid: stableSid('WQ', 'Billing') })).toEqual(older.map((e) => e.eventSid).sort());
    expect(await sids({ workflowSid: older[0]?.index.workflowSid ?? '' })).toEqual(expected(() => true));
    expect(await sids({ taskChannel: 'sms' })).toEqual(older.map((e) => e.eventSid).sort());
    expect(await sids({ taskChannel: stableSid('TC', 'voice') })).toEqual(recent.map((e) => e.eventSid).sort());
    expect(await sids({ sid: bobAccepted?.eventSid ?? '' })).toEqual([bobAccepted?.eventSid]);
  });

  it('fetches one event', async () => {
    const { client } = local();
    const target = recent.at(-1);
    const event = await client.taskrouter.v1.workspaces(WS).events(target?.eventSid ?? '').fetch();
    expect(event.toJSON()).toMatchObject({ sid: target?.eventSid, eventType: 'task.completed', workspaceSid: WS });
    await expect(client.taskrouter.v1.workspaces(WS).events(`EV${'0'.repeat(32)}`).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('returns events appended while it runs', async () => {
    const { client } = local();
    const later = lifecycle({ minutesAgo: 1 });
    server.append(...later);
    const events = await client.taskrouter.v1.workspaces(WS).events.list({ taskSid: later[0]?.index.taskSid ?? '' });
    expect(events).toHaveLength(later.length);
  });
});

describe('paging', () => {
  let all: LifecycleEvent[];

  beforeEach(async () => {
    all = Array.from({ length: 17 }, (_, i) => lifecycle({ minutesAgo: 1 + i / 2 })).flat(); // 17 × 7 = 119 events
    await start({ events: all });
  });

  it('follows next_page_url page after page (list and each), every page from the local server', async () => {
    const { client, httpClient } = local();
    const listed = await client.taskrouter.v1.workspaces(WS).events.list({ minutes: 60, pageSize: 25 });
    expect(listed).toHaveLength(119);
    expect(new Set(listed.map((e) => e.sid)).size).toBe(119);
    const times = listed.map((e) => e.eventDateMs);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(httpClient.requestedUris).toHaveLength(5);
    httpClient.requestedUris.forEach((uri, page) => {
      const url = new URL(uri);
      expect(url.origin).toBe(server.baseUrl);
      expect(url.searchParams.get('PageSize')).toBe('25');
      expect(url.searchParams.get('Minutes')).toBe('60');
      if (page > 0) {
        expect(url.searchParams.get('Page')).toBe(String(page));
        expect(url.searchParams.get('PageToken')).toMatch(/^PT/);
      }
    });
    expect(server.requests).toHaveLength(5);

    const seen: string[] = [];
    // each() runs asynchronously and says when it has finished through `done` (its declared return type is void).
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => (error ? reject(error) : resolve());
      client.taskrouter.v1.workspaces(WS).events.each({ minutes: 60, pageSize: 40, done }, (event) => {
        seen.push(event.sid);
      });
    });
    expect(seen).toEqual(listed.map((e) => e.sid));
    expect(server.requests).toHaveLength(5 + 3);
  });

  it('page() gives the documented meta, next_page_url pointing back at this server', async () => {
    const { client } = local();
    const first = await client.taskrouter.v1.workspaces(WS).events.page({ minutes: 60, pageSize: 50 });
    expect(first.instances).toHaveLength(50);
    expect(first.nextPageUrl).toMatch(new RegExp(`^${server.baseUrl}/v1/Workspaces/${WS}/Events\\?.*PageToken=PT`));
    const second = await first.nextPage();
    expect(second?.instances).toHaveLength(50);
    const third = await second?.nextPage();
    expect(third?.instances).toHaveLength(19);
    expect(third?.nextPageUrl).toBeUndefined();
    const back = await third?.previousPage();
    expect(back?.instances.map((e) => e.sid)).toEqual(second?.instances.map((e) => e.sid));

    const raw = (await (await get(`/v1/Workspaces/${WS}/Events?Minutes=60`)).json()) as { events: unknown[]; meta: Record<string, unknown> };
    expect(Object.keys(raw).sort()).toEqual(Object.keys(eventListPageFixture()).sort());
    expect(Object.keys(raw.meta).sort()).toEqual(Object.keys(eventListPageFixture().meta).sort());
    expect(raw.meta).toMatchObject({ key: 'events', page: 0, page_size: DEFAULT_PAGE_SIZE, previous_page_url: null });
    expect(raw.meta['first_page_url']).toBe(`${server.baseUrl}/v1/Workspaces/${WS}/Events?Minutes=60&PageSize=50&Page=0`);
  });

  it('a page size over the documented maximum is served at the maximum', async () => {
    const raw = (await (await get(`/v1/Workspaces/${WS}/Events?Minutes=60&PageSize=5000`)).json()) as { meta: { page_size: number } };
    expect(raw.meta.page_size).toBe(MAX_PAGE_SIZE);
    expect((await get(`/v1/Workspaces/${WS}/Events?PageSize=0`)).status).toBe(400);
  });

  it('events appended during paging do not shift the pages already promised', async () => {
    const { client } = local();
    const first = await client.taskrouter.v1.workspaces(WS).events.page({ minutes: 60, pageSize: 60 });
    server.append(...lifecycle({ minutesAgo: 0.1 }));
    const second = await first.nextPage();
    const ids = [...first.instances, ...(second?.instances ?? [])].map((e) => e.sid);
    const newestFirst = all
      .map((event, arrival) => ({ event, arrival }))
      .sort((a, b) => b.event.occurredAtMs - a.event.occurredAtMs || b.arrival - a.arrival)
      .map(({ event }) => event.eventSid);
    expect(ids).toEqual(newestFirst);
  });

  it('can serve oldest first instead', async () => {
    await server.close();
    await start({ events: all, order: 'oldest-first' });
    const { client } = local();
    const listed = await client.taskrouter.v1.workspaces(WS).events.list({ minutes: 60, pageSize: 30 });
    const times = listed.map((e) => e.eventDateMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });
});

describe('retention, auth and errors', () => {
  it('never serves events older than 30 days', async () => {
    const old = lifecycle({ minutesAgo: 31 * 24 * 60 });
    const kept = lifecycle({ minutesAgo: 29 * 24 * 60 });
    await start({ events: [...old, ...kept] });
    const { client } = local();
    const events = await client.taskrouter.v1.workspaces(WS).events.list({ startDate: new Date(NOW - 40 * 24 * 60 * MINUTE) });
    expect(new Set(events.map((e) => e.sid))).toEqual(new Set(kept.map((e) => e.eventSid)));
    await expect(client.taskrouter.v1.workspaces(WS).events(old[0]?.eventSid ?? '').fetch()).rejects.toMatchObject({ status: 404 });
  });

  it('answers 401 in Twilio\'s error shape without the right account SID and auth token', async () => {
    await start();
    const wrong = taskRouterClient(ACCOUNT_SID, 'not-the-token', server.baseUrl);
    await expect(wrong.client.taskrouter.v1.workspaces(WS).events.list()).rejects.toMatchObject({ status: 401, code: 20003 });
    const response = await get(`/v1/Workspaces/${WS}/Events`, '');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await response.json()).toEqual({ code: 20003, message: 'Authenticate', more_info: 'https://www.twilio.com/docs/errors/20003', status: 401 });
    expect((await get(`/v1/Workspaces/${WS}/Events`, basic(`AC${'3'.repeat(32)}`, AUTH_TOKEN))).status).toBe(401);
  });

  it('answers 404 for an unknown workspace', async () => {
    await start();
    const { client } = local();
    await expect(client.taskrouter.v1.workspaces(`WS${'9'.repeat(32)}`).events.list()).rejects.toMatchObject({ status: 404, code: 20404 });
  });

  it('answers 400 for a malformed filter', async () => {
    await start();
    const response = await get(`/v1/Workspaces/${WS}/Events?StartDate=yesterday`);
    expect(response.status).toBe(400);
    // Vitest types its matchers as `any`; as unknown, it stays an opaque expectation.
    const namesStartDate: unknown = expect.stringContaining('StartDate');
    expect(await response.json()).toMatchObject({ status: 400, message: namesStartDate });
  });

  it('injects faults: 503 fails the call, the next one succeeds', async () => {
    await start({ events: lifecycle({ minutesAgo: 1 }) });
    const { client } = local();
    server.failNext(1, { status: 503 });
    await expect(client.taskrouter.v1.workspaces(WS).events.list()).rejects.toMatchObject({ status: 503, code: 20503 });
    await expect(client.taskrouter.v1.workspaces(WS).events.list()).resolves.toHaveLength(7);
    expect(server.requests.map((r) => r.status)).toEqual([503, 200]);
  });

  it('injects faults: 429 is retried by twilio-node when autoRetry is on', async () => {
    await start({ events: lifecycle({ minutesAgo: 1 }) });
    const { client } = local({ autoRetry: true, maxRetries: 3 });
    server.failNext(2, { status: 429, retryAfterSeconds: 1 });
    await expect(client.taskrouter.v1.workspaces(WS).events.list()).resolves.toHaveLength(7);
    expect(server.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('injects delays, which the client\'s timeout turns into an error', async () => {
    await start();
    const { client } = local({ timeout: 100 });
    server.delayNext(1, 400);
    await expect(client.taskrouter.v1.workspaces(WS).events.list()).rejects.toThrow();
  });
});

describe('pointing the client at the local server', () => {
  it('also works by setting the domain base URL; later pages follow next_page_url', async () => {
    await start({ events: Array.from({ length: 3 }, () => lifecycle({ minutesAgo: 1 })).flat() });
    const client = twilio(ACCOUNT_SID, AUTH_TOKEN);
    client.taskrouter.baseUrl = server.baseUrl;
    const events = await client.taskrouter.v1.workspaces(WS).events.list({ pageSize: 10 });
    expect(events).toHaveLength(21);
    expect(server.requests).toHaveLength(3);
  });

  it('the rewriting client refuses anything that would leave for elsewhere', async () => {
    await start();
    const { httpClient } = local();
    expect(httpClient.rewrite(`https://taskrouter.twilio.com/v1/Workspaces/${WS}/Events?PageSize=1`)).toBe(
      `${server.baseUrl}/v1/Workspaces/${WS}/Events?PageSize=1`,
    );
    await expect(httpClient.request({ method: 'get', uri: 'http://example.org/x' })).rejects.toThrow(/Refusing/);
  });

  it('accepts events stored in the callback\'s PascalCase as well as snake_case', async () => {
    const events = lifecycle({ minutesAgo: 1 });
    const completed = events.at(-1);
    if (!completed) throw new Error('no event');
    const { TaskSid, TaskQueueSid } = completed.callback;
    await start({
      events: [{ ...completed.resource, event_data: { TaskSid: TaskSid ?? '', TaskQueueSid: TaskQueueSid ?? '' } }],
    });
    const { client } = local();
    await expect(client.taskrouter.v1.workspaces(WS).events.list({ taskSid: TaskSid ?? '' })).resolves.toHaveLength(1);
    await expect(client.taskrouter.v1.workspaces(WS).events.list({ taskQueueSid: TaskQueueSid ?? '' })).resolves.toHaveLength(1);
  });
});
