/**
 * 7. Nothing lost: tasks complete while the webhook answers 503 (half the
 * tasks) or drops half the callbacks (the other half); then one reconciliation
 * reads the stand-in's Events API through the real `twilio` client and stores
 * what was missed through the webhook's capture code. Measures the time to
 * recover, and checks that every task is stored exactly once, with its worker,
 * and counted exactly once in its customer's stats.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Firestore } from 'firebase-admin/firestore';
import { interactionPath } from '@interaction-history/model';
import { firestoreCaptureStore } from '../../functions/src/adapters/captureStore.js';
import { firestoreErasureRegistry } from '../../functions/src/adapters/erasureRegistry.js';
import { twilioEventsSource } from '../../functions/src/adapters/taskrouterEventsApi.js';
import { reconcileWindow } from '../../functions/src/use-cases/reconcileTaskrouterEvents.js';
import { completeTasksWithLostCallbacks, startOutageWebhook, type CompletedTask } from '../../local-stack/lostCallbacks.js';
import { journalFollower } from '../../local-stack/taskrouter/eventJournal.js';
import { startEventsApiServer } from '../../local-stack/taskrouter/eventsApiServer.js';
import { TASKROUTER_API_ORIGIN } from '../../local-stack/taskrouter/lifecycle.js';
import { WORKSPACE_SID } from '../../local-stack/standInTaskRouter.js';
import { waitUntil } from '../measure.js';
import { benchPhone } from './pipeline.js';

export interface LostCallbacksResult {
  readonly tasks: number;
  readonly customers: number;
  readonly callbacksRefused: number;
  readonly storedBeforeReconciliation: number;
  readonly eventsRead: number;
  readonly reconciliationMs: number;
  readonly recovered: number;
  readonly alreadyStored: number;
  readonly errors: number;
  /** From the start of reconciliation until every customer's stats count every task. */
  readonly statsSettledMs: number | null;
  readonly storedExactlyOnce: number;
  readonly withTheirWorker: number;
  readonly statsTotal: number;
  readonly secondRunRecovered: number;
}

const WORKER = { workerSid: `WK${'6'.repeat(32)}`, workerName: 'Bench Agent' };
const ACCOUNT_SID = `AC${'8'.repeat(32)}`;
const AUTH_TOKEN = 'bench-events-api-token';

async function copiesOf(db: Firestore, tasks: readonly CompletedTask[]): Promise<number[]> {
  const counts: number[] = [];
  for (let start = 0; start < tasks.length; start += 30) {
    const chunk = tasks.slice(start, start + 30);
    const found = await db.collectionGroup('interactions').where('taskSid', 'in', chunk.map((task) => task.taskSid)).get();
    for (const task of chunk) counts.push(found.docs.filter((doc) => doc.get('taskSid') === task.taskSid).length);
  }
  return counts;
}

async function statsTotal(db: Firestore, phones: readonly string[]): Promise<number> {
  const snapshots = await db.getAll(...phones.map((phone) => db.doc(`customerStats/${phone}`)));
  return snapshots.reduce((sum, snapshot) => sum + Number(snapshot.get('interactionCount') ?? 0), 0);
}

export async function benchLostCallbacks(db: Firestore, tasks: number, customers: number, concurrency: number): Promise<LostCallbacksResult> {
  const journalDir = mkdtempSync(join(tmpdir(), 'bench-journal-'));
  const journal = join(journalDir, 'events.jsonl');
  const outage = await startOutageWebhook();
  const eventsApi = await startEventsApiServer({
    accountSid: ACCOUNT_SID,
    authToken: AUTH_TOKEN,
    workspaceSids: [WORKSPACE_SID],
    sync: journalFollower(journal),
    linkOrigin: TASKROUTER_API_ORIGIN,
  });
  try {
    const phones = Array.from({ length: customers }, () => benchPhone());
    const windowStart = new Date(Date.now() - 60_000);
    const completed = await completeTasksWithLostCallbacks({ tasks, phones, concurrency, journal, outageUrl: outage.url, outcome: 'Benchmark', ...WORKER });
    const before = await copiesOf(db, completed);
    const context = {
      events: twilioEventsSource({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, workspaceSid: WORKSPACE_SID, apiUrl: eventsApi.baseUrl }),
      capture: { store: firestoreCaptureStore(db, { retentionDays: null }), erasures: firestoreErasureRegistry(db, 'a'.repeat(64)), defaultRegion: 'US' as const },
      now: () => new Date(),
    };
    const window = { from: windowStart, to: new Date(Date.now() + 1000) };
    const started = performance.now();
    const report = await reconcileWindow(window, context);
    const reconciliationMs = Math.round(performance.now() - started);
    const settled = await waitUntil(async () => (await statsTotal(db, phones)) >= tasks, 300_000, 500);
    const statsSettledMs = settled ? Math.round(performance.now() - started) : null;
    const after = await copiesOf(db, completed);
    const interactions = await db.getAll(...completed.map((task) => db.doc(interactionPath(task.phone, task.taskSid))));
    const second = await reconcileWindow(window, context);
    return {
      tasks,
      customers,
      callbacksRefused: outage.refused(),
      storedBeforeReconciliation: before.filter((copies) => copies > 0).length,
      eventsRead: report.eventsSeen,
      reconciliationMs,
      recovered: report.recovered,
      alreadyStored: report.alreadyStored,
      errors: report.errorCount,
      statsSettledMs,
      storedExactlyOnce: after.filter((copies) => copies === 1).length,
      withTheirWorker: interactions.filter((doc) => doc.get('workerSid') === WORKER.workerSid && doc.get('workerName') === WORKER.workerName).length,
      statsTotal: await statsTotal(db, phones),
      secondRunRecovered: second.recovered,
    };
  } finally {
    await outage.close();
    await eventsApi.close();
    rmSync(journalDir, { recursive: true, force: true });
  }
}
