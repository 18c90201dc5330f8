/**
 * Retention: interactions carry `expireAt` when a retention period is set,
 * and the stats follow when an interaction goes. The emulator has no TTL
 * sweeper, so expiry is simulated by deleting the document, as the TTL
 * policy does.
 */
import { Timestamp } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { captureFailurePath, countedInteractionPath, customerStatsPath, customerStatsSchema, interactionPath, type E164 } from '@interaction-history/model';
import { firestoreCaptureStore } from '../../src/adapters/captureStore.js';
import { firestoreErasureRegistry } from '../../src/adapters/erasureRegistry.js';
import { markCaptureFailureFiled } from '../../src/adapters/filingStore.js';
import { captureTaskrouterEvent } from '../../src/use-cases/captureTaskrouterEvent.js';
import { handleInteractionDeleted, type InteractionDeletedEvent } from '../../src/triggers/uncountDeletedInteraction.js';
import { adminFirestore, eventually, localSecrets, readDocument } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../../../test-support/taskrouter.js';

const db = adminFirestore();
const DAY_MS = 86_400_000;

async function storeCall(phone: string, completedAt: Date, outcome: string | null) {
  const parameters = completedTaskParameters({ completedAt, attributes: { from: phone, ...(outcome ? { conversations: { outcome } } : {}) } });
  expect((await postCallback(parameters)).status).toBe(201);
  return parameters.TaskSid;
}

const statsOf = (phone: string) => readDocument(customerStatsSchema, customerStatsPath(phone));

describe('a retention period', () => {
  it('sets expireAt on each interaction to its completion plus the period', async () => {
    const phone = uniquePhone();
    const completedAt = new Date('2026-11-20T10:00:00Z');
    const parameters = completedTaskParameters({ completedAt, attributes: { from: phone, conversations: { outcome: 'Billing' } } });

    const result = await captureTaskrouterEvent(parameters, {
      store: firestoreCaptureStore(db, { retentionDays: 30 }),
      erasures: firestoreErasureRegistry(db, localSecrets()['ERASURE_HASH_KEY'] ?? ''),
      defaultRegion: 'US',
      receivedAt: new Date('2026-11-20T10:00:05Z'),
    });

    expect(result).toMatchObject({ result: 'stored' });
    const stored = await db.doc(interactionPath(phone, parameters.TaskSid)).get();
    expect((stored.get('expireAt') as Timestamp).toDate()).toEqual(new Date(completedAt.getTime() + 30 * DAY_MS));
  });

  it('is absent by default: no expireAt, nothing expires', async () => {
    const phone = uniquePhone();
    const taskSid = await storeCall(phone, new Date(), 'Billing');
    expect((await db.doc(interactionPath(phone, taskSid)).get()).get('expireAt')).toBeUndefined();
  });
});

describe('bookkeeping', () => {
  it("keeps a task's capture record for 45 days after its last write, then lets the TTL policy remove it", async () => {
    const phone = uniquePhone();
    const before = Date.now();
    const taskSid = await storeCall(phone, new Date(), 'Billing');

    const capture = await db.doc(`taskCaptures/${taskSid}`).get();

    const expireAt = (capture.get('expireAt') as Timestamp).toDate().getTime();
    expect(expireAt).toBeGreaterThanOrEqual(before + 45 * DAY_MS);
    expect(expireAt).toBeLessThanOrEqual(Date.now() + 45 * DAY_MS);
  });

  it('gives a capture failure the retention period from its arrival, and 90 days from filing once filed', async () => {
    const receivedAt = new Date();
    const parameters = completedTaskParameters({ attributes: { conversations: { outcome: 'Billing' } } });
    const result = await captureTaskrouterEvent(parameters, {
      store: firestoreCaptureStore(db, { retentionDays: 365 }),
      erasures: firestoreErasureRegistry(db, localSecrets()['ERASURE_HASH_KEY'] ?? ''),
      defaultRegion: 'US',
      receivedAt,
    });
    expect(result).toMatchObject({ result: 'unattributable', reason: 'noValidPhone' });
    const failureRef = db.doc(captureFailurePath(parameters.TaskSid));
    const expiryOf = async () => ((await failureRef.get()).get('expireAt') as Timestamp).toDate().getTime();
    expect(await expiryOf()).toBe(receivedAt.getTime() + 365 * DAY_MS);

    const filedAt = Date.now();
    expect(await markCaptureFailureFiled(db, { taskSid: parameters.TaskSid, customerPhone: uniquePhone() as E164, actor: { uid: 'WKadmin', role: 'admin' } })).toBe('filed');
    expect(await expiryOf()).toBeGreaterThanOrEqual(filedAt + 90 * DAY_MS);
    expect(await expiryOf()).toBeLessThanOrEqual(Date.now() + 90 * DAY_MS);
  });

  it('keeps a capture failure without a retention period until it is filed', async () => {
    const parameters = completedTaskParameters({ attributes: {} });
    expect((await postCallback(parameters)).status).toBe(202);
    const failureRef = db.doc(captureFailurePath(parameters.TaskSid));
    await eventually(async () => expect((await failureRef.get()).exists).toBe(true));
    expect((await failureRef.get()).get('expireAt')).toBeUndefined();
  });
});

describe('when interactions expire (or are deleted)', () => {
  it('counts each out of the stats, with the newest remaining one as the latest, and removes its counting marker', async () => {
    const phone = uniquePhone();
    const oldest = await storeCall(phone, new Date(Date.now() - 3 * DAY_MS), 'Old');
    const middle = await storeCall(phone, new Date(Date.now() - 2 * DAY_MS), null);
    const newest = await storeCall(phone, new Date(Date.now() - DAY_MS), 'New');
    await eventually(async () => expect((await statsOf(phone))?.interactionCount).toBe(3));

    await db.doc(interactionPath(phone, newest)).delete();

    await eventually(async () =>
      expect(await statsOf(phone)).toMatchObject({ interactionCount: 2, missingOutcomeCount: 1, lastOutcome: null }),
    );
    expect((await db.doc(countedInteractionPath(phone, newest)).get()).exists).toBe(false);

    await db.doc(interactionPath(phone, middle)).delete();
    await eventually(async () => expect(await statsOf(phone)).toMatchObject({ interactionCount: 1, missingOutcomeCount: 0, lastOutcome: 'Old' }));

    // The last one goes: no stats and no markers are left behind.
    await db.doc(interactionPath(phone, oldest)).delete();
    await eventually(async () => expect(await statsOf(phone)).toBeNull());
    expect((await db.collection(`${customerStatsPath(phone)}/countedInteractions`).get()).size).toBe(0);
  });

  it('counts an interaction out once even when the deletion is delivered again', async () => {
    const phone = uniquePhone();
    await storeCall(phone, new Date(Date.now() - 2 * DAY_MS), 'Kept');
    const gone = await storeCall(phone, new Date(Date.now() - DAY_MS), 'Gone');
    await eventually(async () => expect((await statsOf(phone))?.interactionCount).toBe(2));
    const snapshot = await db.doc(interactionPath(phone, gone)).get();

    await db.doc(interactionPath(phone, gone)).delete();
    await eventually(async () => expect((await statsOf(phone))?.interactionCount).toBe(1));
    const redelivered = { id: 'redelivered', data: snapshot, params: { phone, taskSid: gone } } as unknown as InteractionDeletedEvent;
    await Promise.all([handleInteractionDeleted(redelivered), handleInteractionDeleted(redelivered)]);

    expect(await statsOf(phone)).toMatchObject({ interactionCount: 1, lastOutcome: 'Kept' });
  });
});
