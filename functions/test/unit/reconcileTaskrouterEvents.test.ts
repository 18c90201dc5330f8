/**
 * Reconciliation with the real `twilio` client against the local Events API
 * stand-in (pages of the documented shape, paging by next-page URLs that name
 * Twilio's own origin, as Twilio's do). No call leaves the machine: the
 * outbound-network guard fails any test that tries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  callbackParametersFromEventResource,
  decode,
  taskrouterEventResourceSchema,
  type Interaction,
  type ReconciliationStatus,
} from '@interaction-history/model';
import type { EventsApiServer } from '../../../local-stack/taskrouter/eventsApiServer.js';
import { eventListPageFixture } from '../../../local-stack/taskrouter/fixtures.js';
import { TASKROUTER_API_ORIGIN, type LifecycleEvent } from '../../../local-stack/taskrouter/lifecycle.js';
import {
  ACCOUNT_SID,
  ALICE,
  AUTH_TOKEN,
  MINUTE,
  NOW,
  startScenarioEventsApi,
  taskCompletedMinutesAgo,
  WS,
} from '../../../local-stack/taskrouter/test/eventsApiScenario.js';
import type { CaptureStore } from '../../src/adapters/captureStore.js';
import { addReservationStep, handledBy, type Reservations } from '../../src/domain/taskWorkers.js';
import type { ReconciliationStatusStore } from '../../src/adapters/reconciliationStatusStore.js';
import { BaseUrlRequestClient, twilioEventsSource, type EventsSource } from '../../src/adapters/taskrouterEventsApi.js';
import { checkTaskrouterApiUrl } from '../../src/config.js';
import { captureTaskrouterEvent } from '../../src/use-cases/captureTaskrouterEvent.js';
import { nextWindow, reconcileWindow, runScheduledReconciliation } from '../../src/use-cases/reconcileTaskrouterEvents.js';
import { noErasures } from './support/noErasures.js';

const completedTask = (minutesAgo: number, attributes: Record<string, unknown> = { from: '+14155550100', conversations: { outcome: 'Billing' } }): LifecycleEvent[] =>
  taskCompletedMinutesAgo({ minutesAgo, attributes });


const taskSidOf = (events: readonly LifecycleEvent[]) => events[0]?.callback['TaskSid'] ?? '';

let server: EventsApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(events: readonly LifecycleEvent[]): Promise<EventsApiServer> {
  server = await startScenarioEventsApi({
    events,
    // As Twilio answers: page URLs on https://taskrouter.twilio.com, which the client must not follow there.
    linkOrigin: TASKROUTER_API_ORIGIN,
  });
  return server;
}

const source = (running: EventsApiServer, pageSize = 5): EventsSource =>
  twilioEventsSource({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, workspaceSid: WS, apiUrl: running.baseUrl, pageSize });

const lastHour = { from: new Date(NOW - 60 * MINUTE), to: new Date(NOW) };

/** The storage port, answering as the Firestore store does: once per TaskSid, then `alreadyExisted`; reservations gathered per task. */
function recordingStore(options: { failFor?: string } = {}): CaptureStore & { interactions: Map<string, Interaction>; failures: Map<string, string> } {
  const interactions = new Map<string, Interaction>();
  const failures = new Map<string, string>();
  const reservations = new Map<string, Reservations>();
  return {
    interactions,
    failures,
    storeCompletedTask: (interaction) => {
      if (interaction.taskSid === options.failFor) return Promise.reject(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }));
      const existing = interactions.get(interaction.taskSid);
      if (existing) return Promise.resolve({ result: 'alreadyExisted', customerPhone: existing.customerPhone });
      const stored = { ...interaction, ...handledBy(reservations.get(interaction.taskSid) ?? {}) };
      interactions.set(interaction.taskSid, stored);
      return Promise.resolve({ result: 'created', interaction: stored });
    },
    recordReservationStep: (taskSid, step) => {
      const after = addReservationStep(reservations.get(taskSid) ?? {}, step);
      reservations.set(taskSid, after);
      const handler = handledBy(after);
      const stored = interactions.get(taskSid);
      if (stored) interactions.set(taskSid, { ...stored, ...handler });
      return Promise.resolve({ result: 'gathered', handledBy: handler });
    },
    recordCaptureFailure: (record) => {
      if (failures.has(record.taskSid)) return Promise.resolve('alreadyExisted');
      failures.set(record.taskSid, record.reason);
      return Promise.resolve('created');
    },
  };
}

describe('reading the Events API through the twilio library', () => {
  it('follows every next-page URL to TASKROUTER_API_URL, never to Twilio, and never builds a Page itself', async () => {
    const tasks = Array.from({ length: 4 }, (_, i) => completedTask(i + 1));
    const running = await serve(tasks.flat());

    const seen: string[] = [];
    for await (const page of source(running).pages(lastHour)) seen.push(...page.events.map((event) => event.sid));

    expect(new Set(seen)).toEqual(new Set(tasks.flat().map((event) => event.eventSid)));
    const urls = running.requests.map((request) => new URL(request.url, running.baseUrl));
    expect(urls.length).toBe(Math.ceil(tasks.flat().length / 5));
    expect(urls[0]?.searchParams.get('Page')).toBeNull();
    expect(Date.parse(urls[0]?.searchParams.get('StartDate') ?? '')).toBe(lastHour.from.getTime());
    for (const later of urls.slice(1)) expect(later.searchParams.get('PageToken')).toMatch(/^PT/);
  });

  it('reads only the window it is given', async () => {
    const inside = completedTask(10);
    const before = completedTask(90);
    const running = await serve([...inside, ...before]);
    const seen: string[] = [];
    for await (const page of source(running, 1000).pages(lastHour)) seen.push(...page.events.map((event) => event.sid));
    expect(new Set(seen)).toEqual(new Set(inside.map((event) => event.eventSid)));
  });

  it('refuses a URL outside the configured base, and rewrites Twilio\'s origin to it', () => {
    const client = new BaseUrlRequestClient('http://127.0.0.1:9');
    expect(client.destination(`https://taskrouter.twilio.com/v1/Workspaces/${WS}/Events?PageToken=PT1`)).toBe(
      `http://127.0.0.1:9/v1/Workspaces/${WS}/Events?PageToken=PT1`,
    );
    return expect(client.request({ method: 'get', uri: 'https://example.org/v1/Events' })).rejects.toThrow(/TASKROUTER_API_URL/);
  });

  it('checks TASKROUTER_API_URL: https, or http for a local stand-in only', () => {
    expect(checkTaskrouterApiUrl('https://taskrouter.twilio.com/')).toBe('https://taskrouter.twilio.com');
    expect(checkTaskrouterApiUrl('http://127.0.0.1:3010')).toBe('http://127.0.0.1:3010');
    expect(() => checkTaskrouterApiUrl('http://taskrouter.example.com')).toThrow(/https/);
    expect(() => checkTaskrouterApiUrl('taskrouter.twilio.com')).toThrow(/absolute URL/);
  });
});

describe('an Event resource becomes the callback\'s parameters', () => {
  it('reads snake_case event_data as the callback names it, with the envelope\'s fields', () => {
    const events = completedTask(1);
    for (const type of ['task.completed', 'reservation.completed'] as const) {
      const event = events.filter((e) => e.eventType === type).at(-1);
      if (!event) throw new Error(`no ${type}`);
      const parameters = callbackParametersFromEventResource(decode(taskrouterEventResourceSchema, event.resource, type));
      // Every field the REST form carries has the value the callback gave it, under the callback's name.
      for (const [key, value] of Object.entries(parameters)) {
        if (key === 'Sid') expect(value).toBe(event.eventSid);
        else expect([key, value]).toEqual([key, event.callback[key]]);
      }
      expect(parameters).toMatchObject({ EventType: type, TaskSid: taskSidOf(events), Timestamp: event.callback['Timestamp'] });
    }
  });

  it('reads PascalCase event_data too, and turns numbers into the text a form field would carry', () => {
    const [page] = [eventListPageFixture()];
    const resource = { ...page.events[0], event_data: { TaskSid: `WT${'a'.repeat(32)}`, task_age: 185, TaskAttributes: '{}' } };
    const parameters = callbackParametersFromEventResource(decode(taskrouterEventResourceSchema, resource, 'event'));
    expect(parameters).toMatchObject({ TaskSid: `WT${'a'.repeat(32)}`, TaskAge: '185', TaskAttributes: '{}', EventType: 'task.completed' });
  });
});

describe('reconciling a window', () => {
  const capture = (store: CaptureStore) => ({ capture: { store, erasures: noErasures, defaultRegion: 'US' as const }, now: () => new Date(NOW) });

  it('stores what the webhook missed, counts what it had stored, and records what cannot be attributed', async () => {
    const stored = completedTask(5);
    const missed = [completedTask(6), completedTask(7)];
    const noPhone = completedTask(8, { conversations: { outcome: 'Billing' } });
    const running = await serve([...stored, ...missed.flat(), ...noPhone]);
    const store = recordingStore();
    // The webhook stored this one: its callbacks, as callback parameters, through the same capture.
    for (const event of stored) await captureTaskrouterEvent(event.callback, { store, erasures: noErasures, defaultRegion: 'US', receivedAt: new Date(NOW) });

    const report = await reconcileWindow(lastHour, { events: source(running), ...capture(store) });

    expect(report).toMatchObject({ eventsSeen: 28, tasksSeen: 4, alreadyStored: 1, recovered: 2, notAttributable: 1, errorCount: 0 });
    expect(new Set(report.recoveredTaskSids)).toEqual(new Set(missed.map(taskSidOf)));
    expect(report.unattributed).toEqual([{ taskSid: taskSidOf(noPhone), reason: 'noValidPhone' }]);
    expect(store.failures.get(taskSidOf(noPhone))).toBe('noValidPhone');
    // Who handled each recovered task comes from the reservation events read in the same window.
    for (const task of missed) expect(store.interactions.get(taskSidOf(task))).toMatchObject({ workerSid: ALICE.workerSid, workerName: ALICE.workerName });
  });

  it('a second pass over the same window recovers nothing more', async () => {
    const running = await serve([completedTask(5), completedTask(6)].flat());
    const store = recordingStore();
    await reconcileWindow(lastHour, { events: source(running), ...capture(store) });
    const again = await reconcileWindow(lastHour, { events: source(running), ...capture(store) });
    expect(again).toMatchObject({ tasksSeen: 2, recovered: 0, alreadyStored: 2 });
    expect(store.interactions.size).toBe(2);
  });

  it('an event storage cannot take now is an error of the run; the other tasks are still stored', async () => {
    const failing = completedTask(5);
    const running = await serve([...failing, ...completedTask(6)]);
    const store = recordingStore({ failFor: taskSidOf(failing) });
    const report = await reconcileWindow(lastHour, { events: source(running), ...capture(store) });
    expect(report).toMatchObject({ recovered: 1, errorCount: 1 });
    expect(report.errors[0]).toContain(taskSidOf(failing));
  });

  it('an Events API that fails is an error of the run, not an exception', async () => {
    const running = await serve(completedTask(5));
    running.failNext(1, { status: 503 });
    const report = await reconcileWindow(lastHour, { events: source(running), ...capture(recordingStore()) });
    expect(report).toMatchObject({ eventsSeen: 0, errorCount: 1 });
    expect(report.errors[0]).toMatch(/Reading the Events API/);
  });
});

describe('the scheduled window', () => {
  const settings = { overlapMinutes: 15, firstLookbackMinutes: 60 };
  const now = new Date(NOW);

  it('starts the first run an hour back, and later runs where the last complete one ended, less the overlap', () => {
    expect(nextWindow(null, now, settings)).toEqual({ from: new Date(NOW - 75 * MINUTE), to: now });
    const previous = { coveredUntil: new Date(NOW - 5 * MINUTE) } as ReconciliationStatus;
    expect(nextWindow(previous, now, settings)).toEqual({ from: new Date(NOW - 20 * MINUTE), to: now });
  });

  it('ends on the last whole second, as the Events API reads its dates, so an event later in that second is left for the next run', () => {
    const midSecond = new Date(NOW + 480);
    expect(nextWindow(null, midSecond, settings).to).toEqual(now);
  });

  it('never asks for more than the 30 days the API keeps', () => {
    const previous = { coveredUntil: new Date(NOW - 60 * 24 * 60 * MINUTE) } as ReconciliationStatus;
    const { from } = nextWindow(previous, now, settings);
    expect(NOW - from.getTime()).toBeLessThan(30 * 24 * 60 * MINUTE);
  });

  it('a run with errors leaves the seam where it was, so the next run reads the period again', async () => {
    const running = await serve(completedTask(5));
    let saved: ReconciliationStatus | null = null;
    const status: ReconciliationStatusStore = {
      read: () => Promise.resolve(saved),
      write: (next) => {
        saved = next;
        return Promise.resolve();
      },
    };
    const store = recordingStore();
    const context = { events: source(running), capture: { store, erasures: noErasures, defaultRegion: 'US' as const }, status, settings, now: () => new Date(NOW) };

    running.failNext(1, { status: 503 });
    const failed = await runScheduledReconciliation(context);
    expect(failed).toMatchObject({ errorCount: 1, trigger: 'schedule' });
    expect(failed.coveredUntil).toEqual(new Date(NOW - 60 * MINUTE));

    const recovered = await runScheduledReconciliation(context);
    expect(recovered).toMatchObject({ errorCount: 0, recovered: 1, windowStart: new Date(NOW - 75 * MINUTE) });
    expect(recovered.coveredUntil).toEqual(new Date(NOW));
  });
});
