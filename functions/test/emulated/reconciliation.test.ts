/**
 * Fault injection against the real emulators: tasks complete while the webhook
 * answers 503 or half the callbacks never arrive; then reconciliation reads the
 * stand-in's Events API (through the real `twilio` client) and stores what was
 * missed through the webhook's capture code. Every task ends stored exactly
 * once and counted exactly once. No timings here: those are in `npm run bench`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerStatsPath, customerStatsSchema, interactionPath, interactionSchema, RECONCILIATION_STATUS_PATH, reconciliationStatusSchema } from '@interaction-history/model';
import { completeTasksWithLostCallbacks, startOutageWebhook, type CompletedTask, type Outage } from '../../../local-stack/lostCallbacks.js';
import { journalFollower } from '../../../local-stack/taskrouter/eventJournal.js';
import { startEventsApiServer, type EventsApiServer } from '../../../local-stack/taskrouter/eventsApiServer.js';
import { TASKROUTER_API_ORIGIN } from '../../../local-stack/taskrouter/lifecycle.js';
import { WORKSPACE_SID } from '../../../local-stack/standInTaskRouter.js';
import { adminFirestore, eventually, readDocument } from '../../../test-support/localStack.js';
import { uniquePhone } from '../../../test-support/taskrouter.js';
import { firestoreCaptureStore } from '../../src/adapters/captureStore.js';
import { firestoreErasureRegistry } from '../../src/adapters/erasureRegistry.js';
import { dryRunCaptureStore } from '../../src/adapters/dryRunCaptureStore.js';
import { firestoreReconciliationStatusStore } from '../../src/adapters/reconciliationStatusStore.js';
import { twilioEventsSource } from '../../src/adapters/taskrouterEventsApi.js';
import { reconcileWindow, runScheduledReconciliation } from '../../src/use-cases/reconcileTaskrouterEvents.js';

const TASKS = 60;
const WORKER = { workerSid: `WK${'5'.repeat(32)}`, workerName: 'Rita Recovered' };
const ACCOUNT_SID = `AC${'7'.repeat(32)}`;
const AUTH_TOKEN = 'events-api-token-for-this-test';
const db = adminFirestore();

let journalDir = '';
let outage: Outage;
let eventsApi: EventsApiServer;
let tasks: CompletedTask[] = [];
const phones = Array.from({ length: 6 }, () => uniquePhone());
const startedAt = new Date();

const source = () =>
  twilioEventsSource({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, workspaceSid: WORKSPACE_SID, apiUrl: eventsApi.baseUrl, pageSize: 100 });
const window = () => ({ from: new Date(startedAt.getTime() - 60_000), to: new Date(Date.now() + 1000) });
const context = (dryRun = false) => ({
  events: source(),
  capture: { store: dryRun ? dryRunCaptureStore(db) : firestoreCaptureStore(db, { retentionDays: null }), erasures: firestoreErasureRegistry(db, 'a'.repeat(64)), defaultRegion: 'US' as const },
  now: () => new Date(),
});

async function storedCopies(task: CompletedTask): Promise<number> {
  const everywhere = await db.collectionGroup('interactions').where('taskSid', '==', task.taskSid).get();
  return everywhere.size;
}

beforeAll(async () => {
  journalDir = mkdtempSync(join(tmpdir(), 'reconcile-journal-'));
  const journal = join(journalDir, 'events.jsonl');
  outage = await startOutageWebhook();
  eventsApi = await startEventsApiServer({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    workspaceSids: [WORKSPACE_SID],
    sync: journalFollower(journal),
    // Page URLs on Twilio's origin, as Twilio answers: the client must bring every next page here itself.
    linkOrigin: TASKROUTER_API_ORIGIN,
  });
  tasks = await completeTasksWithLostCallbacks({ tasks: TASKS, phones, concurrency: 6, journal, outageUrl: outage.url, outcome: 'Billing', ...WORKER });
});

afterAll(async () => {
  await outage.close();
  await eventsApi.close();
  rmSync(journalDir, { recursive: true, force: true });
});

describe('callbacks lost while the webhook answered 503 or never received them', () => {
  it('left tasks unstored before reconciliation (the faults were real)', async () => {
    expect(outage.refused()).toBeGreaterThan(0);
    const stored = await Promise.all(tasks.map(storedCopies));
    const missing = stored.filter((copies) => copies === 0).length;
    expect(missing).toBeGreaterThanOrEqual(TASKS / 2);
    expect(missing).toBeLessThan(TASKS);
  });

  it('a dry run reports what would be recovered and writes nothing', async () => {
    const before = await Promise.all(tasks.map(storedCopies));
    const report = await reconcileWindow(window(), context(true));
    expect(report.tasksSeen).toBe(TASKS);
    expect(report.recovered).toBe(before.filter((copies) => copies === 0).length);
    expect(await Promise.all(tasks.map(storedCopies))).toEqual(before);
  });

  it('reconciliation stores every task exactly once, under its customer, and stats count each once', async () => {
    const report = await reconcileWindow(window(), context());

    expect(report).toMatchObject({ tasksSeen: TASKS, notAttributable: 0, errorCount: 0 });
    expect(report.recovered + report.alreadyStored).toBe(TASKS);
    expect(await Promise.all(tasks.map(storedCopies))).toEqual(tasks.map(() => 1));
    for (const task of tasks) {
      const interaction = await readDocument(interactionSchema, interactionPath(task.phone, task.taskSid));
      // Who handled it comes from the task's reservation events, whether the webhook or reconciliation took them.
      expect(interaction).toMatchObject({ taskSid: task.taskSid, customerPhone: task.phone, outcome: 'Billing', workerSid: WORKER.workerSid, workerName: WORKER.workerName });
      expect(interaction?.acceptedWorkers.map((worker) => worker.workerSid)).toEqual([WORKER.workerSid]);
    }
    for (const phone of phones) {
      const expected = tasks.filter((task) => task.phone === phone).length;
      await eventually(async () => expect((await readDocument(customerStatsSchema, customerStatsPath(phone)))?.interactionCount).toBe(expected));
    }
  });

  it('running again recovers nothing and counts nothing twice', async () => {
    const again = await reconcileWindow(window(), context());
    expect(again).toMatchObject({ tasksSeen: TASKS, recovered: 0, alreadyStored: TASKS, errorCount: 0 });
    expect(await Promise.all(tasks.map(storedCopies))).toEqual(tasks.map(() => 1));
    // Give a late trigger the chance to count twice, then check it did not.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const phone of phones) {
      const stats = await readDocument(customerStatsSchema, customerStatsPath(phone));
      expect(stats?.interactionCount).toBe(tasks.filter((task) => task.phone === phone).length);
    }
  });

  it('a scheduled run leaves a status supervisors can read', async () => {
    const status = await runScheduledReconciliation({
      ...context(),
      status: firestoreReconciliationStatusStore(db),
      settings: { overlapMinutes: 15, firstLookbackMinutes: 60 },
    });
    expect(status).toMatchObject({ trigger: 'schedule', errorCount: 0, recovered: 0 });
    expect(status.tasksSeen).toBeGreaterThanOrEqual(TASKS);
    const stored = await readDocument(reconciliationStatusSchema, RECONCILIATION_STATUS_PATH);
    expect(stored?.coveredUntil).toEqual(status.windowEnd);
  });
});
