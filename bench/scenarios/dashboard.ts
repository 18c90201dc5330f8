/**
 * 7. The supervisors' dashboard at contact-centre scale, and 8. what opening
 * the History tab costs in production (documents read, bytes received).
 *
 * The dashboard of a day of 50,000 interactions: the shards are built from
 * 50,000 synthetic interactions (500 agents, 40 queues, 12 reason codes, 8 %
 * without an outcome) through the trigger's own domain logic
 * (`dashboardContributionOf`, `shardChangeFor`), folded exactly as the
 * trigger's increments fold, and written directly: sending 50,000 tasks
 * through the emulator's functions would take hours on two cores, and the
 * increments' exactness is what the emulator tests prove. A 7- and a 30-day
 * range repeat that day's shards under other dates. A supervisor session then
 * opens them through the web SDK under the production rules.
 *
 * The emulator's timings say nothing of production latency or price, so the
 * History tab is also compared by what production bills: documents read
 * and their size (Firestore's storage-size rules, close to the bytes sent).
 */
import { readFileSync } from 'node:fs';
import { initializeTestEnvironment, withFunctionTriggersDisabled, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, collectionGroup, doc, getDoc, getDocs, query, where, type Firestore } from 'firebase/firestore';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import {
  centreDaysEndingWith,
  DASHBOARD_SHARD_COUNT,
  dashboardShardId,
  dashboardShardPath,
  dashboardShardSchema,
  dashboardShardsPath,
  decode,
  sumDashboardShards,
  type Interaction,
} from '@interaction-history/model';
import { dashboardContributionOf, shardChangeFor, type ShardChange, type TallyChange } from '../../functions/src/domain/dashboardCounts.js';
import { summarize, type Summary } from '../measure.js';

const BENCH_PROJECT = 'demo-interaction-history-bench-dashboard';
const TIME_ZONE = 'America/Los_Angeles';
const LAST_DAY = '2026-11-30';
/** Firestore's list price per 100,000 document reads in a multi-region location (nam5, eur3); check current pricing. */
export const USD_PER_100K_READS = 0.06;

// ---------------------------------------------------------------------------
// Firestore's storage-size rules (firebase.google.com/docs/firestore/storage-size)

function valueSize(value: unknown): number {
  if (value === null || typeof value === 'boolean') return 1;
  if (typeof value === 'number' || value instanceof Date) return 8;
  if (typeof value === 'string') return Buffer.byteLength(value) + 1;
  if (Array.isArray(value)) return value.reduce<number>((sum, item) => sum + valueSize(item), 0);
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).reduce((sum, [key, item]) => sum + Buffer.byteLength(key) + 1 + valueSize(item), 0);
  }
  return 8;
}

/** A document's size as Firestore counts it: its name, its fields, 32 bytes of overhead. */
export function documentSize(path: string, data: Record<string, unknown>): number {
  const name = path.split('/').reduce((sum, segment) => sum + Buffer.byteLength(segment) + 1, 16);
  return name + valueSize(data) + 32;
}

// ---------------------------------------------------------------------------
// A day of a large centre, folded as the trigger's increments fold

interface ShardDocument {
  day: string;
  shard: number;
  timeZone: string;
  interactions: number;
  missingOutcome: number;
  byReason: Record<string, number>;
  missingByCompletedReason: Record<string, number>;
  byQueue: Record<string, { name: string | null; interactions: number; missingOutcome: number; byReason: Record<string, number> }>;
  byAgent: Record<string, { name: string | null; interactions: number; missingOutcome: number; byReason: Record<string, number> }>;
  updatedAt: Date;
}

const add = (counts: Record<string, number>, key: string, by: number) => {
  counts[key] = (counts[key] ?? 0) + by;
};

function applyTally(tallies: ShardDocument['byQueue'], change: TallyChange) {
  const tally = (tallies[change.key] ??= { name: null, interactions: 0, missingOutcome: 0, byReason: {} });
  if (change.name !== null) tally.name = change.name;
  tally.interactions += change.interactions;
  tally.missingOutcome += change.missingOutcome;
  if (change.reasonKey !== null) add(tally.byReason, change.reasonKey, change.interactions);
}

/** What `shardWrite`'s increments do to a shard, in memory. */
function applyChange(shards: Map<number, ShardDocument>, change: ShardChange, day: string) {
  const shard = shards.get(change.shard) ?? {
    day,
    shard: change.shard,
    timeZone: TIME_ZONE,
    interactions: 0,
    missingOutcome: 0,
    byReason: {},
    missingByCompletedReason: {},
    byQueue: {},
    byAgent: {},
    updatedAt: new Date(),
  };
  shards.set(change.shard, shard);
  shard.interactions += change.interactions;
  shard.missingOutcome += change.missingOutcome;
  if (change.reasonKey !== null) add(shard.byReason, change.reasonKey, change.interactions);
  if (change.completedReasonKey !== null) add(shard.missingByCompletedReason, change.completedReasonKey, change.interactions);
  applyTally(shard.byQueue, change.queue);
  applyTally(shard.byAgent, change.agent);
}

const REASONS = ['Question answered', 'Order placed', 'Complaint', 'Technical support', 'Billing', 'Callback requested', 'Wrong number', 'Other', 'Refund', 'Cancellation', 'Address change', 'Escalated'];
const COMPLETED_REASONS = ['Wrap-up timed out', 'Completed by supervisor', 'Completed through the REST API', 'Task completed'];
const hex32 = (prefix: string, index: number) => `${prefix}${index.toString(16).padStart(32, '0')}`;

export function buildDay(interactions: number, day: string): Map<number, ShardDocument> {
  const shards = new Map<number, ShardDocument>();
  const noon = new Date(`${day}T20:00:00Z`);
  for (let index = 0; index < interactions; index += 1) {
    const agent = (index * 7919) % 500;
    const queue = (index * 104_729) % 40;
    const missing = index % 100 < 8;
    const interaction: Pick<
      Interaction,
      'taskSid' | 'completedAt' | 'outcome' | 'outcomeMissing' | 'queue' | 'queueSid' | 'workerSid' | 'workerName' | 'completedReason'
    > = {
      taskSid: hex32('WT', index),
      completedAt: new Date(noon.getTime() + (index % 3600) * 1000),
      outcome: missing ? null : (REASONS[(index * 31) % REASONS.length] ?? null),
      outcomeMissing: missing,
      queue: `Queue ${queue}`,
      queueSid: hex32('WQ', queue),
      workerSid: hex32('WK', agent),
      workerName: `Agent ${agent}`,
      completedReason: missing ? (COMPLETED_REASONS[index % 3] ?? null) : 'Task completed',
    };
    const contribution = dashboardContributionOf(interaction, TIME_ZONE);
    applyChange(shards, shardChangeFor(contribution, 1, { queueName: interaction.queue, agentName: interaction.workerName }), contribution.day);
  }
  return shards;
}

// ---------------------------------------------------------------------------

export interface DashboardBenchResult {
  readonly interactionsPerDay: number;
  readonly shardsPerDay: number;
  readonly day: { readonly documentsRead: number; readonly bytes: number; readonly open: Summary; readonly interactionsSummed: number };
  readonly week: { readonly documentsRead: number; readonly bytes: number; readonly open: Summary };
  readonly month: { readonly documentsRead: number; readonly bytes: number; readonly open: Summary };
  /** Reading the day's interactions instead: what the aggregates spare. */
  readonly rawDayReads: number;
  readonly largestShardBytes: number;
  readonly usdPerOpen: { readonly day: number; readonly week: number; readonly month: number; readonly rawDay: number };
}

export async function benchDashboard(options: { rounds: number; interactionsPerDay: number }): Promise<DashboardBenchResult> {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  const env: RulesTestEnvironment = await initializeTestEnvironment({
    projectId: BENCH_PROJECT,
    firestore: { rules: readFileSync('firestore.rules', 'utf8'), host: host ?? '127.0.0.1', port: Number(port) },
  });
  await env.clearFirestore();
  const adminApp = getApps().find((app) => app.name === 'bench-dashboard') ?? initializeApp({ projectId: BENCH_PROJECT }, 'bench-dashboard');
  const admin = getFirestore(adminApp);

  const shards = buildDay(options.interactionsPerDay, LAST_DAY);
  const month = centreDaysEndingWith(LAST_DAY, 30);
  let largestShardBytes = 0;
  const dayBytes: Record<string, number> = {};
  await withFunctionTriggersDisabled(async () => {
    for (const day of month) {
      const batch = admin.batch();
      let bytes = 0;
      for (const shard of shards.values()) {
        const data = { ...shard, day };
        const path = dashboardShardPath(day, dashboardShardId(shard.shard));
        const size = documentSize(path, data);
        largestShardBytes = Math.max(largestShardBytes, size);
        bytes += size;
        batch.set(admin.doc(path), data);
      }
      dayBytes[day] = bytes;
      await batch.commit();
    }
  });

  const supervisor = async (): Promise<Firestore> => {
    const uid = `WK${'5'.repeat(32)}`;
    const db = env.authenticatedContext(uid, { role: 'supervisor', workerSid: uid, flexExp: Math.floor(Date.now() / 1000) + 3600 }).firestore() as unknown as Firestore;
    await getDoc(doc(db, 'customers/+10000000000'));
    return db;
  };
  const openRange = async (db: Firestore, days: readonly string[]) => {
    const started = performance.now();
    const snapshot =
      days.length === 1
        ? await getDocs(collection(db, dashboardShardsPath(days[0] ?? LAST_DAY)))
        : await getDocs(query(collectionGroup(db, 'dashboardShards'), where('day', '>=', days[0] ?? ''), where('day', '<=', days[days.length - 1] ?? '')));
    const totals = sumDashboardShards(snapshot.docs.map((shard) => decode(dashboardShardSchema, shard.data(), shard.ref.path)));
    return { ms: performance.now() - started, documents: snapshot.size, interactions: totals.interactions };
  };

  const samples = { day: [] as number[], week: [] as number[], month: [] as number[] };
  let documents = { day: 0, week: 0, month: 0 };
  let interactionsSummed = 0;
  for (let round = 0; round < options.rounds; round += 1) {
    const dayOpen = await openRange(await supervisor(), [LAST_DAY]);
    const weekOpen = await openRange(await supervisor(), month.slice(-7));
    const monthOpen = await openRange(await supervisor(), month);
    samples.day.push(dayOpen.ms);
    samples.week.push(weekOpen.ms);
    samples.month.push(monthOpen.ms);
    documents = { day: dayOpen.documents, week: weekOpen.documents, month: monthOpen.documents };
    interactionsSummed = dayOpen.interactions;
  }
  await env.cleanup();
  const bytesOf = (days: readonly string[]) => days.reduce((sum, day) => sum + (dayBytes[day] ?? 0), 0);
  const usd = (reads: number) => Math.round((reads / 100_000) * USD_PER_100K_READS * 1e6) / 1e6;
  return {
    interactionsPerDay: options.interactionsPerDay,
    shardsPerDay: DASHBOARD_SHARD_COUNT,
    day: { documentsRead: documents.day, bytes: bytesOf([LAST_DAY]), open: summarize(samples.day), interactionsSummed },
    week: { documentsRead: documents.week, bytes: bytesOf(month.slice(-7)), open: summarize(samples.week) },
    month: { documentsRead: documents.month, bytes: bytesOf(month), open: summarize(samples.month) },
    rawDayReads: options.interactionsPerDay,
    largestShardBytes,
    usdPerOpen: { day: usd(documents.day), week: usd(documents.week), month: usd(documents.month), rawDay: usd(options.interactionsPerDay) },
  };
}

// ---------------------------------------------------------------------------
// 8. The History tab in production terms

export interface HistoryCostRow {
  readonly historySize: number;
  readonly ours: { readonly documentsRead: number; readonly bytes: number };
  readonly sample: { readonly documentsRead: number; readonly bytes: number };
}

/**
 * Opening the History tab: ours reads the profile, the stats and one page
 * (page size + 1, to know whether there is more) whatever the history's
 * length; the sample's design reads one document holding every interaction.
 * Sizes use the interactions the openHistory scenario seeds.
 */
export function historyOpenCost(sizes: readonly number[], pageSize: number, makeInteraction: (index: number, phone: string) => Record<string, unknown>): HistoryCostRow[] {
  const phone = '+14155550100';
  const profile = { phone, firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', accountId: 'ACME-1001', createdAt: new Date(), createdBy: 'WKx' };
  const stats = { interactionCount: 0, lastInteractionAt: new Date(), lastOutcome: 'Billing', missingOutcomeCount: 0 };
  return sizes.map((size) => {
    const read = Math.min(size, pageSize + 1);
    let pageBytes = 0;
    for (let index = 0; index < read; index += 1) {
      const item = makeInteraction(index, phone);
      pageBytes += documentSize(`customers/${phone}/interactions/${String(item['taskSid'])}`, item);
    }
    const interactionHistory: Record<string, unknown> = {};
    for (let index = 0; index < size; index += 1) {
      const { taskSid, channel, queue, workerName, outcome, comment, completedAt, durationSeconds } = makeInteraction(index, phone);
      interactionHistory[String(taskSid)] = { channel, queue, workerName, outcome, comment, completedAt: (completedAt as Date).toISOString(), durationSeconds };
    }
    return {
      historySize: size,
      ours: {
        documentsRead: 2 + read,
        bytes: documentSize(`customers/${phone}`, profile) + documentSize(`customerStats/${phone}`, stats) + pageBytes,
      },
      sample: { documentsRead: 1, bytes: documentSize(`customers/${phone}`, { ...profile, interactionHistory }) },
    };
  });
}
