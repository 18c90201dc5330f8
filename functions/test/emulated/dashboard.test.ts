/**
 * The dashboard's counters against the real emulator and the deployed
 * trigger: exact after a burst of whole task lifecycles (reservation events
 * before or after task.completed) in which every callback arrives twice and
 * trigger events are delivered again, and after interactions are deleted (an
 * erase, a TTL expiry). Each test counts on a day of its own, far from today
 * and from other tests.
 */
import { describe, expect, it } from 'vitest';
import {
  centreDayOf,
  dashboardCountedPath,
  dashboardCountedSchema,
  dashboardShardSchema,
  dashboardShardsPath,
  decode,
  interactionPath,
  NO_AGENT_KEY,
  sumDashboardShards,
  type DashboardTotals,
} from '@interaction-history/model';
import { createUpdateDashboardHandler, type InteractionWrittenEvent } from '../../src/triggers/updateDashboard.js';
import { runWithConcurrency } from '../../../local-stack/concurrency.js';
import { callbacksOf, randomSid, taskLifecycle } from '../../../local-stack/taskrouter/lifecycle.js';
import { adminFirestore, eventually, localCentreTimeZone, readDocument } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../../../test-support/taskrouter.js';

const db = adminFirestore();
const timeZone = localCentreTimeZone();
/** The handler the deployed trigger wraps, with the emulator's setting. */
const handleInteractionWritten = createUpdateDashboardHandler({ timeZone: () => timeZone });

/** `work` for every item, at most `limit` at once, answers in order. */
function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  return runWithConcurrency(items.length, limit, (index) => work(items[index] as T));
}

/** Noon UTC on a random day between 2001 and 2020: no other test or demo counts there. */
function uniqueNoon(): Date {
  const day = Math.floor(Math.random() * 20 * 365);
  return new Date(Date.UTC(2001, 0, 1 + day, 12));
}

async function dayTotals(day: string): Promise<DashboardTotals> {
  const shards = await db.collection(dashboardShardsPath(day)).get();
  return sumDashboardShards(shards.docs.map((shard) => decode(dashboardShardSchema, shard.data(), shard.ref.path)));
}

const QUEUES = Array.from({ length: 3 }, () => randomSid('WQ'));
const OUTCOMES = ['Billing', 'Complaint', 'Order placed', null];
const WORKERS = Array.from({ length: 5 }, (_, index) => ({ workerSid: randomSid('WK'), workerName: `Agent ${index}` }));

interface Sent {
  readonly taskSid: string;
  readonly phone: string;
  readonly outcome: string | null;
  readonly queueSid: string;
  readonly workerSid: string;
  /** Every callback of the task; reservation events come after task.completed for every other task. */
  readonly callbacks: ReturnType<typeof callbacksOf>;
}

function sendPlan(count: number, completedAt: Date): Sent[] {
  return Array.from({ length: count }, (_, index) => {
    const phone = uniquePhone();
    const outcome = OUTCOMES[index % OUTCOMES.length] ?? null;
    const queueSid = QUEUES[index % QUEUES.length] ?? 'WQ';
    const worker = WORKERS[index % WORKERS.length] ?? { workerSid: 'WK', workerName: 'none' };
    const taskSid = randomSid('WT');
    const events = taskLifecycle({
      taskSid,
      attributes: { from: phone, ...(outcome === null ? {} : { conversations: { outcome } }) },
      channel: 'voice',
      queue: queueSid,
      workers: [worker],
      completedAt: new Date(completedAt.getTime() + index * 1000),
      ageSeconds: 120,
      ...(outcome === null ? { completedReason: 'Wrap-up timed out' } : {}),
    });
    const callbacks = callbacksOf(events);
    return { taskSid, phone, outcome, queueSid, workerSid: worker.workerSid, callbacks: index % 2 === 0 ? callbacks : [...callbacks].reverse() };
  });
}

function expectedTotals(sent: readonly Sent[]) {
  const byReason: Record<string, number> = {};
  const byQueue: Record<string, number> = {};
  const byAgent: Record<string, number> = {};
  for (const item of sent) {
    if (item.outcome !== null) byReason[item.outcome] = (byReason[item.outcome] ?? 0) + 1;
    byQueue[item.queueSid] = (byQueue[item.queueSid] ?? 0) + 1;
    byAgent[item.workerSid] = (byAgent[item.workerSid] ?? 0) + 1;
  }
  return { interactions: sent.length, missingOutcome: sent.filter((item) => item.outcome === null).length, byReason, byQueue, byAgent };
}

function observed(totals: DashboardTotals) {
  const count = (tallies: DashboardTotals['byQueue']) => Object.fromEntries(Object.entries(tallies).map(([key, tally]) => [key, tally.interactions]));
  return {
    interactions: totals.interactions,
    missingOutcome: totals.missingOutcome,
    byReason: totals.byReason,
    byQueue: count(totals.byQueue),
    byAgent: count(totals.byAgent),
  };
}

/** A trigger event as Firestore would deliver it (again): the handler reads the document itself. */
const writtenEvent = (phone: string, taskSid: string) =>
  ({ id: `redelivered-${taskSid}`, data: undefined, params: { phone, taskSid } }) as unknown as InteractionWrittenEvent;

/** Posts a callback as TaskRouter would, again after a 503 (the emulator on two cores is sometimes slower than the webhook's deadline). */
async function deliver(callback: Sent['callbacks'][number]) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await postCallback(callback);
    if (response.status !== 503 || attempt === 5) return response;
  }
}

/** Each task's callbacks in its order, the tasks side by side; every callback twice. */
async function sendTwice(sent: readonly Sent[], concurrency: number) {
  await inParallel(sent, concurrency, async (item) => {
    for (const callback of [...item.callbacks, ...item.callbacks]) {
      expect((await deliver(callback)).status).toBeLessThan(300);
    }
  });
}

describe('the dashboard counters', () => {
  it('are exact after a burst in which every callback arrives twice, workers arrive before or after completion, and trigger events are delivered again', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const sent = sendPlan(20, noon);

    await sendTwice(sent, 6);
    await eventually(async () => expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent)), 150_000);

    // Firestore delivers events at least once: twice each, concurrently, for a third of them.
    const redelivered = sent.filter((_, index) => index % 3 === 0);
    await inParallel([...redelivered, ...redelivered], 10, (item) => handleInteractionWritten(writtenEvent(item.phone, item.taskSid)));

    const totals = await dayTotals(day);
    expect(observed(totals)).toEqual(expectedTotals(sent));
    expect(totals.byAgent[NO_AGENT_KEY]).toBeUndefined();
    expect(totals.missingByCompletedReason).toEqual({ 'Wrap-up timed out': 5 });
  }, 180_000);

  it('count a day in the centre time zone: an early-morning UTC completion belongs to the previous Pacific day', async () => {
    const earlyUtc = new Date(uniqueNoon().getTime() - 8.5 * 3600_000); // 03:30 UTC, the evening before in California
    const parameters = completedTaskParameters({ completedAt: earlyUtc, attributes: { from: uniquePhone(), conversations: { outcome: 'Billing' } } });
    expect((await postCallback(parameters)).status).toBe(201);
    // The emulated functions count in functions/.env.local's CENTRE_TIME_ZONE, which this test is about.
    expect(timeZone).toBe('America/Los_Angeles');
    const day = centreDayOf(earlyUtc, timeZone);
    expect(day).not.toBe(earlyUtc.toISOString().slice(0, 10));
    await eventually(async () => expect((await dayTotals(day)).interactions).toBe(1));
  });

  it('take deleted interactions back out exactly once, however often the deletion is delivered', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const sent = sendPlan(12, noon);
    await sendTwice(sent, 6);
    await eventually(async () => expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent)), 150_000);

    // An erase or a TTL expiry deletes the documents; the deployed trigger sees each deletion.
    const deleted = sent.slice(0, 5);
    await Promise.all(deleted.map((item) => db.doc(interactionPath(item.phone, item.taskSid)).delete()));
    await eventually(async () => expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent.slice(5))), 60_000);
    // And Firestore may deliver a deletion again, or a stale creation after it.
    await Promise.all([...deleted, ...deleted].map((item) => handleInteractionWritten(writtenEvent(item.phone, item.taskSid))));

    expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent.slice(5)));
    // The markers went with their interactions (bookkeeping never outgrows the data); the others stay.
    for (const item of deleted) expect(await readDocument(dashboardCountedSchema, dashboardCountedPath(item.taskSid))).toBeNull();
    for (const item of sent.slice(5)) {
      expect((await readDocument(dashboardCountedSchema, dashboardCountedPath(item.taskSid)))?.state).toBe('counted');
    }
  }, 180_000);

  it('move an interaction from "no agent" to its agent when the worker becomes known after it was stored', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ completedAt: noon, queue: 'Sales', attributes: { from: phone, conversations: { outcome: 'Billing' } } });
    expect((await postCallback(parameters)).status).toBe(201);
    await eventually(async () => expect(Object.keys((await dayTotals(day)).byAgent)).toEqual([NO_AGENT_KEY]));

    const worker = WORKERS[0] ?? { workerSid: 'WK', workerName: 'none' };
    await db.doc(interactionPath(phone, parameters.TaskSid)).update({ ...worker, acceptedWorkers: [worker] });

    await eventually(async () => {
      const totals = await dayTotals(day);
      expect(observed(totals)).toMatchObject({ interactions: 1, byAgent: { [worker.workerSid]: 1 }, byReason: { Billing: 1 } });
      expect(totals.byAgent[worker.workerSid]?.name).toBe(worker.workerName);
    });
  });
});
