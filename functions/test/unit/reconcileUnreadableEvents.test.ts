/**
 * An event that can never be captured (the Events API's record does not
 * decode, or capture refuses it as malformed) is reported but does not hold
 * the scheduled seam; an error that may pass still does.
 */
import { describe, expect, it } from 'vitest';
import type { ReconciliationStatus, TaskrouterEventResource } from '@interaction-history/model';
import type { CaptureStore } from '../../src/adapters/captureStore.js';
import type { ReconciliationStatusStore } from '../../src/adapters/reconciliationStatusStore.js';
import type { EventsPage, EventsSource } from '../../src/adapters/taskrouterEventsApi.js';
import { runScheduledReconciliation } from '../../src/use-cases/reconcileTaskrouterEvents.js';
import { noErasures } from './support/noErasures.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const settings = { overlapMinutes: 15, firstLookbackMinutes: 60 };


/** Nothing is ever stored: every event in these runs is refused before storage, or storage is down. */
const unreachableStore: CaptureStore = {
  storeCompletedTask: () => Promise.reject(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 })),
  recordReservationStep: () => Promise.reject(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 })),
  recordCaptureFailure: () => Promise.reject(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 })),
};

/** A task.completed the API lists without any task SID: capture refuses it as malformed (400), every time. */
const withoutTaskSid: TaskrouterEventResource = {
  sid: `EV${'3'.repeat(32)}`,
  account_sid: `AC${'1'.repeat(32)}`,
  workspace_sid: `WS${'2'.repeat(32)}`,
  event_type: 'task.completed',
  resource_type: 'task',
  resource_sid: null,
  description: null,
  event_date: null,
  event_date_ms: NOW - 10 * 60_000,
  event_data: { task_attributes: '{"from":"+14155550100"}' },
};

const onePage = (page: EventsPage): EventsSource => ({
  pages: async function* () {
    await Promise.resolve();
    yield page;
  },
});

function memoryStatus(): ReconciliationStatusStore & { saved: ReconciliationStatus | null } {
  const store = {
    saved: null as ReconciliationStatus | null,
    read: () => Promise.resolve(store.saved),
    write: (next: ReconciliationStatus) => {
      store.saved = next;
      return Promise.resolve();
    },
  };
  return store;
}

describe('events that can never be captured', () => {
  it('are reported and counted, and the seam still moves on', async () => {
    const status = memoryStatus();
    const run = await runScheduledReconciliation({
      events: onePage({ events: [withoutTaskSid], undecodable: ['event #1: sid: not an EV SID'] }),
      capture: { store: unreachableStore, erasures: noErasures, defaultRegion: 'US' },
      status,
      settings,
      now: () => new Date(NOW),
    });

    expect(run).toMatchObject({ errorCount: 0, unreadableCount: 2 });
    expect(run.coveredUntil).toEqual(new Date(NOW));
    expect(run.errors).toHaveLength(2);
    expect(run.errors.every((error) => error.startsWith('Cannot be captured, skipped:'))).toBe(true);
  });

  it('but an error that may pass (storage unreachable) still holds the seam, so the period is read again', async () => {
    const status = memoryStatus();
    const readable: TaskrouterEventResource = { ...withoutTaskSid, event_data: { ...withoutTaskSid.event_data, task_sid: `WT${'4'.repeat(32)}` } };
    const run = await runScheduledReconciliation({
      events: onePage({ events: [readable], undecodable: [] }),
      capture: { store: unreachableStore, erasures: noErasures, defaultRegion: 'US' },
      status,
      settings,
      now: () => new Date(NOW),
    });

    expect(run).toMatchObject({ errorCount: 1, unreadableCount: 0 });
    expect(run.coveredUntil).toEqual(new Date(NOW - 60 * 60_000));
  });
});
