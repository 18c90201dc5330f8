/**
 * 1. Opening the history as it grows. Ours: a live query of the newest
 * page (page size 10) over `customers/{phone}/interactions`. The baseline is
 * the original Twilio sample's design, built faithfully: one customer
 * document holding every interaction in an `interactionHistory` map, read
 * whole and sorted and sliced in the browser. Both are read through the web
 * SDK by a staff session under the security rules, alternately, in one run.
 */
import { readFileSync } from 'node:fs';
import { initializeTestEnvironment, withFunctionTriggersDisabled, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { doc, getDoc, onSnapshot, type Firestore } from 'firebase/firestore';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore as AdminFirestore } from 'firebase-admin/firestore';
import { subscribeToHistory } from '../../plugin/src/data/history.js';
import { summarize, type Summary } from '../measure.js';

const BENCH_PROJECT = 'demo-interaction-history-bench';
const LEGACY_COLLECTION = 'benchLegacyCustomers';
const PAGE_SIZE = 10;

export interface OpenHistoryResult {
  readonly ours: Record<string, Summary>;
  readonly baseline: Record<string, Summary>;
  readonly oursRatioLargestToSmallest: number;
  readonly baselineDocumentBytes: Record<string, number>;
}

/** The production rules plus one read rule for the baseline's collection, in the benchmark's own project only. */
function benchRules(): string {
  const rules = readFileSync('firestore.rules', 'utf8');
  const anchor = 'match /databases/{database}/documents {';
  return rules.replace(anchor, `${anchor}\n    match /${LEGACY_COLLECTION}/{phone} {\n      allow read: if isStaff();\n    }\n`);
}

export function interaction(index: number, phone: string) {
  const completedAt = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000);
  return {
    taskSid: `WT${String(index).padStart(32, '0')}`,
    customerPhone: phone,
    from: phone,
    channel: index % 3 === 0 ? 'voice' : 'chat',
    queue: 'Support',
    queueSid: null,
    workerSid: `WK${'a'.repeat(32)}`,
    workerName: 'Alice Agent',
    acceptedWorkers: [{ workerSid: `WK${'a'.repeat(32)}`, workerName: 'Alice Agent' }],
    outcome: 'Question answered',
    outcomeMissing: false,
    comment: index % 4 === 0 ? 'Asked about delivery times.' : null,
    completedReason: 'Task completed',
    startedAt: new Date(completedAt.getTime() - 180_000),
    completedAt,
    durationSeconds: 180,
    capturedAt: completedAt,
    source: 'taskrouter',
  };
}

async function seedOurs(db: AdminFirestore, phone: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 500) {
    const batch = db.batch();
    for (let index = start; index < Math.min(count, start + 500); index += 1) {
      const item = interaction(index, phone);
      batch.set(db.doc(`customers/${phone}/interactions/${item.taskSid}`), item);
    }
    await batch.commit();
  }
}

/** The sample kept each interaction as a map entry on the customer document. */
async function seedBaseline(db: AdminFirestore, phone: string, count: number): Promise<number> {
  const interactionHistory: Record<string, unknown> = {};
  for (let index = 0; index < count; index += 1) {
    const { taskSid, channel, queue, workerName, outcome, comment, completedAt, durationSeconds } = interaction(index, phone);
    interactionHistory[taskSid] = { channel, queue, workerName, outcome, comment, completedAt: completedAt.toISOString(), durationSeconds };
  }
  const document = { phone, firstName: 'Bench', lastName: `Legacy ${count}`, interactionHistory };
  await db.doc(`${LEGACY_COLLECTION}/${phone}`).set(document);
  return Buffer.byteLength(JSON.stringify(document));
}

function firstSnapshotOurs(db: Firestore, phone: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const stop = subscribeToHistory({ db, phone, count: PAGE_SIZE }, (window) => {
      if (window.interactions.length === 0) return;
      stop();
      resolve(performance.now() - started);
    }, reject);
  });
}

function firstSnapshotBaseline(db: Firestore, phone: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const stop = onSnapshot(doc(db, `${LEGACY_COLLECTION}/${phone}`), (snapshot) => {
      if (snapshot.metadata.fromCache) return;
      const history = (snapshot.get('interactionHistory') ?? {}) as Record<string, { completedAt: string }>;
      // What the sample's helpers did in the browser: every entry, sorted, then sliced.
      const newest = Object.entries(history)
        .sort(([, a], [, b]) => b.completedAt.localeCompare(a.completedAt))
        .slice(0, PAGE_SIZE);
      stop();
      if (newest.length === 0) reject(new Error('baseline document empty'));
      else resolve(performance.now() - started);
    }, reject);
  });
}

export async function benchOpenHistory(options: { rounds: number; oursSizes: number[]; baselineSizes: number[] }): Promise<OpenHistoryResult> {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  const env: RulesTestEnvironment = await initializeTestEnvironment({
    projectId: BENCH_PROJECT,
    firestore: { rules: benchRules(), host: host ?? '127.0.0.1', port: Number(port) },
  });
  await env.clearFirestore();
  const adminApp = getApps().find((app) => app.name === 'bench') ?? initializeApp({ projectId: BENCH_PROJECT }, 'bench');
  const admin = getFirestore(adminApp);
  const phoneFor = (design: string, size: number) => `+1415${design === 'ours' ? 7 : 8}${String(size).padStart(6, '0')}`;

  const baselineDocumentBytes: Record<string, number> = {};
  await withFunctionTriggersDisabled(async () => {
    for (const size of options.oursSizes) await seedOurs(admin, phoneFor('ours', size), size);
    for (const size of options.baselineSizes) baselineDocumentBytes[String(size)] = await seedBaseline(admin, phoneFor('baseline', size), size);
  });

  const samples = { ours: new Map<number, number[]>(), baseline: new Map<number, number[]>() };
  let session = 0;
  const freshClient = async () => {
    session += 1;
    const uid = `WK${String(session).padStart(32, '0')}`;
    const db = env.authenticatedContext(uid, { role: 'agent', workerSid: uid, flexExp: Math.floor(Date.now() / 1000) + 3600 }).firestore() as unknown as Firestore;
    // Connect first, so that only the read itself is timed.
    await getDoc(doc(db, 'customers/+10000000000'));
    return db;
  };
  const rounds = Math.max(options.oursSizes.length, options.baselineSizes.length);
  for (let round = 0; round < options.rounds; round += 1) {
    for (let index = 0; index < rounds; index += 1) {
      const oursSize = options.oursSizes[index];
      const baselineSize = options.baselineSizes[index];
      if (oursSize !== undefined) {
        const ms = await firstSnapshotOurs(await freshClient(), phoneFor('ours', oursSize));
        samples.ours.set(oursSize, [...(samples.ours.get(oursSize) ?? []), ms]);
      }
      if (baselineSize !== undefined) {
        const ms = await firstSnapshotBaseline(await freshClient(), phoneFor('baseline', baselineSize));
        samples.baseline.set(baselineSize, [...(samples.baseline.get(baselineSize) ?? []), ms]);
      }
    }
  }
  await env.cleanup();
  const ours = Object.fromEntries([...samples.ours].map(([size, ms]) => [String(size), summarize(ms)]));
  const baseline = Object.fromEntries([...samples.baseline].map(([size, ms]) => [String(size), summarize(ms)]));
  const smallest = ours[String(Math.min(...options.oursSizes))]?.medianMs ?? Number.NaN;
  const largest = ours[String(Math.max(...options.oursSizes))]?.medianMs ?? Number.NaN;
  return { ours, baseline, oursRatioLargestToSmallest: Math.round((largest / smallest) * 100) / 100, baselineDocumentBytes };
}
