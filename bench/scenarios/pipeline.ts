/**
 * 2–4. The capture pipeline end to end on the emulators: signed callbacks to
 * taskrouterEvents, the stats trigger, and an agent's live listener signed in
 * with a custom token carrying the minting function's claims, under the rules.
 */
import { randomBytes } from 'node:crypto';
import type { Firestore } from 'firebase-admin/firestore';
import { normalizePhone } from '@interaction-history/model';
import { subscribeToHistory } from '../../plugin/src/data/history.js';
import { runWithConcurrency } from '../../local-stack/concurrency.js';
import { completedTaskParameters, newTaskSid, postCallback } from '../../local-stack/standInTaskRouter.js';
import { signInAs } from '../../test-support/webSession.js';
import { summarize, waitUntil, type Summary } from '../measure.js';

export function benchPhone(): string {
  for (;;) {
    const candidate = `+1628${200 + (randomBytes(2).readUInt16BE() % 800)}${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}

const callbackFor = (phone: string, taskSid = newTaskSid(), completedAt = new Date()) =>
  completedTaskParameters({ taskSid, completedAt, attributes: { from: phone, conversations: { outcome: 'Benchmark' } } });

export interface EventToScreenResult extends Summary {
  readonly lost: number;
}

/** 2. From sending a signed task.completed to the interaction arriving in an agent's open listener. */
export async function benchEventToScreen(events: number): Promise<EventToScreenResult> {
  const phone = benchPhone();
  const session = await signInAs('agent');
  const arrivals = new Map<string, number>();
  const stop = subscribeToHistory({ db: session.db, phone, count: 10 }, (window) => {
    const now = performance.now();
    for (const interaction of window.interactions) if (!arrivals.has(interaction.taskSid)) arrivals.set(interaction.taskSid, now);
  }, (error) => {
    throw error;
  });
  const latencies: number[] = [];
  let lost = 0;
  for (let index = 0; index < events; index += 1) {
    const taskSid = newTaskSid();
    const sent = performance.now();
    const response = await postCallback(callbackFor(phone, taskSid, new Date(Date.now() + index)));
    if (response.status !== 201) throw new Error(`webhook answered ${response.status}`);
    if (await waitUntil(() => arrivals.has(taskSid), 10_000, 2)) latencies.push((arrivals.get(taskSid) ?? sent) - sent);
    else lost += 1;
  }
  stop();
  await session.close();
  return { ...summarize(latencies), lost };
}

async function countedStats(db: Firestore, phones: readonly string[]): Promise<number> {
  const snapshots = await db.getAll(...phones.map((phone) => db.doc(`customerStats/${phone}`)));
  return snapshots.reduce((sum, snapshot) => sum + Number(snapshot.get('interactionCount') ?? 0), 0);
}

/**
 * The Functions emulator runs one process per concurrent request, started on
 * demand; Cloud Functions instead serves up to 80 requests per warm instance.
 * Ramping up first measures the pipeline, not 50 simultaneous process starts.
 */
export async function warmWorkerPool(concurrency: number): Promise<void> {
  const phone = benchPhone();
  for (let level = 5; level <= concurrency; level = Math.min(concurrency, level * 2)) {
    await runWithConcurrency(level * 2, level, async () => postCallback(callbackFor(phone)));
    if (level === concurrency) break;
  }
}

export interface BurstResult {
  readonly events: number;
  readonly concurrency: number;
  readonly eventsPerSecond: number;
  readonly response: Summary;
  readonly statuses: Record<string, number>;
  readonly storedInteractions: number;
  readonly distinctTaskSids: number;
  readonly statsCount: number;
  readonly statsSettledMs: number | null;
}

/** 3. N signed callbacks at concurrency C over many customers, then the count check. */
export async function benchBurst(db: Firestore, events: number, concurrency: number, customers: number): Promise<BurstResult> {
  const phones = Array.from({ length: customers }, benchPhone);
  const callbacks = Array.from({ length: events }, (_, index) => callbackFor(phones[index % customers] ?? phones[0] ?? ''));
  const started = performance.now();
  const results = await runWithConcurrency(events, concurrency, async (index) => {
    const sent = performance.now();
    const response = await postCallback(callbacks[index] ?? callbackFor(phones[0] ?? ''));
    return { status: response.status, ms: performance.now() - sent };
  });
  const seconds = (performance.now() - started) / 1000;
  const statuses: Record<string, number> = {};
  for (const result of results) statuses[String(result.status)] = (statuses[String(result.status)] ?? 0) + 1;

  const stored = await Promise.all(phones.map((phone) => db.collection(`customers/${phone}/interactions`).select().get()));
  const taskSids = stored.flatMap((snapshot) => snapshot.docs.map((document) => document.id));
  const settled = await waitUntil(async () => (await countedStats(db, phones)) === events, 300_000, 250);
  return {
    events,
    concurrency,
    eventsPerSecond: Math.round((events / seconds) * 10) / 10,
    response: summarize(results.map((result) => result.ms)),
    statuses,
    storedInteractions: taskSids.length,
    distinctTaskSids: new Set(taskSids).size,
    statsCount: await countedStats(db, phones),
    statsSettledMs: settled ? Math.round(performance.now() - started) : null,
  };
}

export interface HotCustomerResult {
  readonly completions: number;
  readonly statsSettledMs: number | null;
  readonly interactionCount: number;
}

/** 4. Many completions for one customer at once: how long until its stats are right. */
export async function benchHotCustomer(db: Firestore, completions: number): Promise<HotCustomerResult> {
  const phone = benchPhone();
  const started = performance.now();
  await runWithConcurrency(completions, completions, async () => postCallback(callbackFor(phone)));
  const settled = await waitUntil(async () => (await countedStats(db, [phone])) === completions, 300_000, 100);
  return {
    completions,
    statsSettledMs: settled ? Math.round(performance.now() - started) : null,
    interactionCount: await countedStats(db, [phone]),
  };
}
