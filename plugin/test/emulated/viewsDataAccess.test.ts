/**
 * The supervisor and admin views' data access against the emulators with the
 * real rules, triggers and webhook, signed in as the plugin is: the dashboard's
 * shards, the page of interactions without an outcome, capture failures, and
 * the reason-code lists.
 */
import { describe, expect, it } from 'vitest';
import { centreDayOf, RECONCILIATION_STATUS_PATH, sumDashboardShards, type CaptureFailureDocument, type ReconciliationStatus, type DashboardShard, type Interaction, type ReasonCodeList } from '@interaction-history/model';
import { adminFirestore, eventually, localCentreTimeZone } from '../../../test-support/localStack.js';
import { completedTaskParameters, newTaskSid, postCallback, uniquePhone } from '../../../test-support/taskrouter.js';
import { sessionsForTestFile } from '../../../test-support/testFileSessions.js';
import { subscribeToCaptureFailures } from '../../src/data/captureFailures.js';
import { subscribeToDashboard } from '../../src/data/dashboard.js';
import { subscribeToMissingOutcomes } from '../../src/data/missingOutcomes.js';
import type { Decoded } from '../../src/data/readAll.js';
import { subscribeToReconciliationStatus } from '../../src/data/reconciliationStatus.js';
import { saveReasonCodeList, subscribeToReasonCodeList } from '../../src/data/reasonCodeLists.js';

const session = sessionsForTestFile();

const unique = () => `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

/** Collects what a listener hears, and its error. */
function listen<T>(subscribe: (onData: (value: T) => void, onError: (error: Error) => void) => () => void) {
  const heard: T[] = [];
  const errors: Error[] = [];
  const stop = subscribe((value) => heard.push(value), (error) => errors.push(error));
  return { heard, errors, stop };
}

describe('the dashboard', () => {
  it('counts a completion into today for a supervisor, live; an agent is refused', async () => {
    const today = centreDayOf(new Date(), localCentreTimeZone());
    const reason = `Reason ${unique()}`;
    const { db } = await session('supervisor');
    const shards = listen<Decoded<DashboardShard>>((onData, onError) => subscribeToDashboard(db, { first: today, last: today, days: 1 }, onData, onError));
    await eventually(() => expect(shards.heard.length).toBeGreaterThan(0));

    expect((await postCallback(completedTaskParameters({ attributes: { from: uniquePhone(), conversations: { outcome: reason } } }))).status).toBe(201);

    await eventually(() => expect(sumDashboardShards(shards.heard.at(-1)?.items ?? []).byReason[reason]).toBe(1));
    expect(shards.heard.at(-1)?.unreadable).toEqual([]);
    shards.stop();

    const agent = await session('agent');
    const refused = listen<Decoded<DashboardShard>>((onData, onError) => subscribeToDashboard(agent.db, { first: today, last: today, days: 1 }, onData, onError));
    await eventually(() => expect(refused.errors[0]).toMatchObject({ code: 'permission-denied' }));
  });
});

describe('interactions without an outcome', () => {
  it('lists the newest of a queue, with TaskCompletedReason, and not those with a reason code', async () => {
    // task.completed names its queue by TaskQueueSid (the documented field), which the interaction then holds.
    const queue = `WQ${unique().replace(/\D/g, '').padEnd(32, '1').slice(0, 32)}`;
    const withoutTaskSid = newTaskSid();
    const parameters = completedTaskParameters({ taskSid: withoutTaskSid, queue, completedReason: 'Wrap-up timed out', attributes: { from: uniquePhone() } });
    expect((await postCallback(parameters)).status).toBe(201);
    expect((await postCallback(completedTaskParameters({ queue, attributes: { from: uniquePhone(), conversations: { outcome: 'Billing' } } }))).status).toBe(201);
    const { db } = await session('supervisor');

    const page = listen<Decoded<Interaction>>((onData, onError) =>
      subscribeToMissingOutcomes({ db, since: new Date(Date.now() - 3_600_000), queue, workerSid: null, count: 50 }, onData, onError),
    );

    await eventually(() => expect(page.heard.at(-1)?.items.map((interaction) => [interaction.taskSid, interaction.completedReason])).toEqual([[withoutTaskSid, 'Wrap-up timed out']]));
    expect(page.errors).toEqual([]);
    page.stop();
  });
});

describe('capture failures', () => {
  it('shows a supervisor the newest first, the reason given', async () => {
    const taskSid = newTaskSid();
    expect((await postCallback(completedTaskParameters({ taskSid, attributes: {} }))).status).toBe(202);
    const { db } = await session('supervisor');
    const failures = listen<Decoded<CaptureFailureDocument>>((onData, onError) => subscribeToCaptureFailures(db, 5, onData, onError));
    await eventually(() => expect(failures.heard.at(-1)?.items[0]).toMatchObject({ taskSid, reason: 'noValidPhone', resolved: false }));
    failures.stop();
  });
});

describe('reason-code lists', () => {
  it('an admin saves a queue’s list and an agent hears it live; a supervisor may not save', async () => {
    const queueSid = `WQ${unique().replace(/\D/g, '').padEnd(32, '0').slice(0, 32)}`;
    const agent = await session('agent');
    const lists = listen<ReasonCodeList | null>((onData, onError) => subscribeToReasonCodeList(agent.db, queueSid, onData, onError));
    await eventually(() => expect(lists.heard).toEqual([null]));

    const admin = await session('admin');
    await saveReasonCodeList(admin.db, queueSid, admin.uid, { scope: 'queue', queueName: 'Internal transfers', reasonCodeRequired: false, codes: [{ id: 'a', label: 'Transferred', active: true }] });
    await eventually(() => expect(lists.heard.at(-1)).toMatchObject({ scope: 'queue', reasonCodeRequired: false, codes: [{ label: 'Transferred', active: true }], updatedBy: admin.uid }));

    const supervisor = await session('supervisor');
    await expect(saveReasonCodeList(supervisor.db, queueSid, supervisor.uid, { scope: 'queue', codes: null })).rejects.toMatchObject({ code: 'permission-denied' });
    lists.stop();
  });
});

describe('the reconciliation status', () => {
  it('reaches a supervisor live, decoded; an agent is refused', async () => {
    const { db } = await session('supervisor');
    const status = listen<ReconciliationStatus | null>((onData, onError) => subscribeToReconciliationStatus(db, onData, onError));
    const recovered = 1000 + Math.floor(Math.random() * 1e6);
    const at = new Date();
    // Written as the scheduled function writes it (Admin SDK); no client may write it.
    await adminFirestore().doc(RECONCILIATION_STATUS_PATH).set({
      trigger: 'schedule', startedAt: at, finishedAt: at, windowStart: at, windowEnd: at, coveredUntil: at,
      eventsSeen: 3, tasksSeen: 1, alreadyStored: 0, recovered, notAttributable: 0, reservationEvents: 2,
      errors: [], errorCount: 0, durationMs: 5,
    });

    // A status written before unreadableCount existed reads it as 0.
    await eventually(() => expect(status.heard.at(-1)).toMatchObject({ recovered, tasksSeen: 1, errors: [], unreadableCount: 0 }));
    expect(status.errors).toEqual([]);
    status.stop();

    const agent = await session('agent');
    const refused = listen<ReconciliationStatus | null>((onData, onError) => subscribeToReconciliationStatus(agent.db, onData, onError));
    await eventually(() => expect(refused.errors[0]).toMatchObject({ code: 'permission-denied' }));
  });
});
