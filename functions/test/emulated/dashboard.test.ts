/**
 * The dashboard's counters against the real emulator and the deployed
 * triggers: exact after a burst with duplicates and redelivered trigger
 * events, and after interactions are deleted (an erase, a TTL expiry).
 * Each test counts on a day of its own, far from today and from other tests.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import {
  centreDayOf,
  dashboardCountedPath,
  dashboardCountedSchema,
  dashboardShardSchema,
  dashboardShardsPath,
  decode,
  interactionPath,
  sumDashboardShards,
  type DashboardTotals,
} from '@interaction-history/model';
import { createAddToDashboardHandler, type InteractionEvent } from '../../src/triggers/addToDashboard.js';
import { handleInteractionDeletedForDashboard } from '../../src/triggers/removeFromDashboard.js';
import { runWithConcurrency } from '../../../local-stack/concurrency.js';
import { adminFirestore, eventually, localCentreTimeZone, readDocument } from '../../../test-support/localStack.js';
import { completedTaskParameters, newTaskSid, postCallback, uniquePhone, type CallbackParameters } from '../../../test-support/taskrouter.js';

const db = adminFirestore();

/** `work` for every item, at most `limit` at once, answers in order. */
function inParallel<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  return runWithConcurrency(items.length, limit, (index) => work(items[index] as T));
}
const timeZone = localCentreTimeZone();
/** The handler the deployed trigger wraps, with the emulator's setting. */
const handleInteractionCreatedForDashboard = createAddToDashboardHandler({ timeZone: () => timeZone });

/** Noon UTC on a random day between 2001 and 2020: no other test or demo counts there. */
function uniqueNoon(): Date {
  const day = Math.floor(Math.random() * 20 * 365);
  return new Date(Date.UTC(2001, 0, 1 + day, 12));
}

async function dayTotals(day: string): Promise<DashboardTotals> {
  const shards = await db.collection(dashboardShardsPath(day)).get();
  return sumDashboardShards(shards.docs.map((shard) => decode(dashboardShardSchema, shard.data(), shard.ref.path)));
}

interface Sent {
  readonly parameters: CallbackParameters;
  readonly phone: string;
  readonly outcome: string | null;
  readonly queue: string;
  readonly workerSid: string;
}

const QUEUES = ['Sales', 'Support', 'Billing'];
const OUTCOMES = ['Billing', 'Complaint', 'Order placed', null];
const WORKERS = Array.from({ length: 5 }, (_, index) => `WK${String(index).repeat(32)}`);

function sendPlan(count: number, completedAt: Date): Sent[] {
  return Array.from({ length: count }, (_, index) => {
    const phone = uniquePhone();
    const outcome = OUTCOMES[index % OUTCOMES.length] ?? null;
    const queue = QUEUES[index % QUEUES.length] ?? 'Sales';
    const workerSid = WORKERS[index % WORKERS.length] ?? 'WK';
    const parameters = completedTaskParameters({
      completedAt: new Date(completedAt.getTime() + index * 1000),
      queue,
      workers: [{ workerSid, workerName: `Agent ${workerSid.slice(2, 3)}` }],
      attributes: { from: phone, ...(outcome === null ? {} : { conversations: { outcome } }) },
    });
    return { parameters, phone, outcome, queue, workerSid };
  });
}

function expectedTotals(sent: readonly Sent[]) {
  const byReason: Record<string, number> = {};
  const byQueue: Record<string, number> = {};
  const byAgent: Record<string, number> = {};
  for (const item of sent) {
    if (item.outcome !== null) byReason[item.outcome] = (byReason[item.outcome] ?? 0) + 1;
    byQueue[item.queue] = (byQueue[item.queue] ?? 0) + 1;
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

/** The creation event as Firestore would deliver it again, for the handler the deployed trigger wraps. */
const createdEvent = (snapshot: DocumentSnapshot, phone: string, taskSid: string) =>
  ({ id: `redelivered-${taskSid}`, data: snapshot, params: { phone, taskSid } }) as unknown as InteractionEvent;

const deletedEvent = (phone: string, taskSid: string) =>
  ({ id: `redelivered-delete-${taskSid}`, data: undefined, params: { phone, taskSid } }) as unknown as InteractionEvent;

async function markersSettled(sent: readonly Sent[], state: 'counted' | 'removed') {
  for (const item of sent) {
    const marker = await readDocument(dashboardCountedSchema, dashboardCountedPath(item.parameters.TaskSid));
    expect(marker?.state).toBe(state);
  }
}

describe('the dashboard counters', () => {
  it('are exact after a burst in which every callback arrives twice and trigger events are delivered again', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const sent = sendPlan(24, noon);

    // Each callback twice, concurrently: the webhook stores one interaction and answers the other as a duplicate.
    const answers = await inParallel([...sent, ...sent], 20, (item) => postCallback(item.parameters));
    expect(answers.map((answer) => answer.status).sort()).toEqual([...Array<number>(24).fill(200), ...Array<number>(24).fill(201)]);
    await eventually(() => markersSettled(sent, 'counted'), 150_000);

    // Firestore redelivers creation events (at least once): twice each, concurrently, for a third of them.
    const redelivered = sent.filter((_, index) => index % 3 === 0);
    await inParallel([...redelivered, ...redelivered], 10, async (item) => {
      const snapshot = await db.doc(interactionPath(item.phone, item.parameters.TaskSid)).get();
      await handleInteractionCreatedForDashboard(createdEvent(snapshot, item.phone, item.parameters.TaskSid));
    });

    expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent));
  }, 180_000);

  it('count a day in the centre time zone: an early-morning UTC completion belongs to the previous Pacific day', async () => {
    const noon = uniqueNoon();
    const earlyUtc = new Date(noon.getTime() - 8.5 * 3600_000); // 03:30 UTC, the evening before in California
    const item = sendPlan(1, earlyUtc)[0];
    if (!item) throw new Error('no plan');
    expect((await postCallback(item.parameters)).status).toBe(201);
    const day = centreDayOf(earlyUtc, timeZone);
    if (timeZone === 'America/Los_Angeles') expect(day).not.toBe(earlyUtc.toISOString().slice(0, 10));
    await eventually(async () => expect((await dayTotals(day)).interactions).toBe(1));
  });

  it('take deleted interactions back out exactly once, however often the deletion is delivered', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const sent = sendPlan(24, noon);
    await inParallel(sent, 12, (item) => postCallback(item.parameters));
    await eventually(async () => expect((await dayTotals(day)).interactions).toBe(24), 60_000);

    // An erase or a TTL expiry deletes the documents; the deployed trigger sees each deletion.
    const deleted = sent.slice(0, 10);
    await Promise.all(deleted.map((item) => db.doc(interactionPath(item.phone, item.parameters.TaskSid)).delete()));
    await eventually(() => markersSettled(deleted, 'removed'), 60_000);
    // And Firestore may deliver a deletion again.
    await Promise.all(deleted.map((item) => handleInteractionDeletedForDashboard(deletedEvent(item.phone, item.parameters.TaskSid))));

    expect(observed(await dayTotals(day))).toEqual(expectedTotals(sent.slice(10)));
  }, 180_000);

  it('count nothing for a creation delivered after its deletion', async () => {
    const noon = uniqueNoon();
    const day = centreDayOf(noon, timeZone);
    const phone = uniquePhone();
    const taskSid = newTaskSid();
    // Written and deleted before either event was handled: stand-in snapshot of what was briefly stored.
    const stored = {
      taskSid,
      customerPhone: phone,
      from: phone,
      channel: 'voice',
      queue: 'Sales',
      workerSid: WORKERS[0],
      workerName: 'Agent 0',
      outcome: 'Billing',
      comment: null,
      startedAt: noon,
      completedAt: noon,
      durationSeconds: 0,
      capturedAt: noon,
      source: 'taskrouter',
    };
    const snapshot = { data: () => stored, ref: { path: interactionPath(phone, taskSid) } } as unknown as DocumentSnapshot;

    await handleInteractionDeletedForDashboard(deletedEvent(phone, taskSid));
    await handleInteractionCreatedForDashboard(createdEvent(snapshot, phone, taskSid));

    expect((await dayTotals(day)).interactions).toBe(0);
    expect((await readDocument(dashboardCountedSchema, dashboardCountedPath(taskSid)))?.state).toBe('removed');
  });
});
