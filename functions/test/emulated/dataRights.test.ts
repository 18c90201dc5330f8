/**
 * Erase, export and suppression against the real emulators: the functions as
 * deployed (HTTP, ID tokens), the webhook, the stats triggers, and the
 * use case as reconciliation calls it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEntrySchema,
  customerExportSchema,
  customerPath,
  customerStatsPath,
  decode,
  eraseResponseSchema,
  interactionPath,
  interactionsPath,
  normalizePhone,
  suppressionResponseSchema,
  type AuditEntry,
  type E164,
} from '@interaction-history/model';
import { appendAuditEntry } from '../../src/adapters/auditLog.js';
import { firestoreCaptureStore } from '../../src/adapters/captureStore.js';
import { firestoreCustomerDataStore, TASK_CAPTURES_COLLECTION, toJson, type CustomerDataStore } from '../../src/adapters/customerDataStore.js';
import { firestoreErasureRegistry } from '../../src/adapters/erasureRegistry.js';
import { recordProfileWrite } from '../../src/adapters/profileAuditStore.js';
import { erasureSubject, mentionsPhone, phoneHash } from '../../src/domain/erasure.js';
import { syncDashboard } from '../../src/adapters/dashboardStore.js';
import { handleInteractionDeleted, type InteractionDeletedEvent } from '../../src/triggers/uncountDeletedInteraction.js';
import { withdrawIfErased } from '../../src/triggers/withdrawErasedInteraction.js';
import { captureTaskrouterEvent } from '../../src/use-cases/captureTaskrouterEvent.js';
import { eraseCustomer } from '../../src/use-cases/dataRights.js';
import { callDataRights, everyDocument } from '../../../test-support/dataRights.js';
import { adminFirestore, eventually, localCentreTimeZone, localSecrets } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../../../test-support/taskrouter.js';
import { signInAs, type WebSession } from '../../../test-support/webSession.js';

const db = adminFirestore();
const hashKey = localSecrets()['ERASURE_HASH_KEY'] ?? '';
const ADMIN_SID = `WK${'a1'.repeat(16)}`;
let admin: WebSession;
let agent: WebSession;

beforeAll(async () => {
  [admin, agent] = await Promise.all([signInAs('admin', ADMIN_SID), signInAs('agent')]);
});
afterAll(() => Promise.all([admin.close(), agent.close()]));

const asE164 = (phone: string) => normalizePhone(phone) as E164;

/** What a customer with a full history leaves in every collection: the webhook's and triggers' own writes, plus bookkeeping. */
async function seedCustomer(phone: string) {
  await db.doc(customerPath(phone)).create({ phone, firstName: 'Erin', lastName: 'Rased', createdAt: new Date(), createdBy: ADMIN_SID });
  const plain = completedTaskParameters({ attributes: { from: phone, conversations: { outcome: 'Billing' } } });
  const longComment = completedTaskParameters({
    attributes: { from: `whatsapp:${phone}`, conversations: { outcome: 'Other' }, interactionHistory: { comment: 'x'.repeat(2100) } },
  });
  // The agent chose a number that is not valid: unattributable, and the record names the caller.
  const unattributable = completedTaskParameters({ attributes: { from: phone, interactionHistory: { customerPhone: '12' } } });
  expect((await postCallback(plain)).status).toBe(201);
  expect((await postCallback(longComment)).status).toBe(201);
  expect((await postCallback(unattributable)).status).toBe(202);
  // Bookkeeping of a task not stored (yet) that names the number.
  await db.collection(TASK_CAPTURES_COLLECTION).doc(unattributable.TaskSid).set({ taskSid: unattributable.TaskSid, customerPhone: phone, reservations: {} });
  await appendAuditEntry(db, {
    action: 'profileUpdated',
    actor: { uid: ADMIN_SID, role: 'admin' },
    subject: customerPath(phone),
    changes: [{ field: 'lastName', before: 'Smith', after: 'Rased' }],
  });
  await eventually(async () => expect((await db.doc(customerStatsPath(phone)).get()).get('interactionCount')).toBe(2));
  // The profile's audit trigger records its creation (with its values) a moment later.
  await eventually(async () => expect((await auditEntriesAbout(customerPath(phone))).map((entry) => entry.action)).toContain('profileCreated'));
  return { plain, longComment, unattributable };
}

/** Every stored document that names the number, in its path or anywhere in its fields, in any format. */
async function documentsNaming(phone: string) {
  const all = await everyDocument(db);
  return all.filter((document) => document.path.includes(phone) || mentionsPhone(JSON.stringify(toJson(document.data)), asE164(phone), 'US'));
}

async function auditEntriesAbout(subject: string): Promise<AuditEntry[]> {
  const entries = await db.collection('auditLog').where('subject', '==', subject).get();
  return entries.docs.map((entry) => decode(auditEntrySchema, entry.data(), entry.ref.path));
}

describe('erase', () => {
  it('removes everything stored about the number, everywhere, and records who erased what', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    expect((await documentsNaming(phone)).length).toBeGreaterThanOrEqual(8);

    const answer = await callDataRights('eraseCustomer', { phone }, await admin.idToken());

    expect(answer.status).toBe(200);
    const erased = decode(eraseResponseSchema, answer.body, 'erase answer');
    expect(erased).toEqual({
      phone,
      dryRun: false,
      suppressed: false,
      counts: { profile: 1, interactions: 2, stats: 1, countingMarkers: 2, captureFailures: 2, taskCaptures: 3, otherDocuments: 0, auditEntriesRedacted: 2 },
    });
    expect(await documentsNaming(phone)).toEqual([]);
    const subject = erasureSubject(phoneHash(asE164(phone), hashKey));
    const entries = await auditEntriesAbout(subject);
    expect(entries.find((entry) => entry.action === 'customerErased')).toMatchObject({
      actor: { uid: ADMIN_SID, role: 'admin' },
      counts: erased.counts,
    });
    // The profile's history keeps which field changed, not the values.
    expect(entries.find((entry) => entry.action === 'profileUpdated')?.changes).toEqual([{ field: 'lastName', before: null, after: null }]);
    const created = entries.find((entry) => entry.action === 'profileCreated');
    expect(created?.changes?.map((change) => change.field)).toContain('firstName');
    expect(created?.changes?.every((change) => change.before === null && change.after === null)).toBe(true);
  });

  it('stays erased: the stats triggers, hearing the interactions go, bring nothing back', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    const interactions = (await db.collection(interactionsPath(phone)).get()).docs;
    expect(interactions).toHaveLength(2);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);
    // The deletion triggers run on their own; deliver each deletion once more here too, so that they surely ran after the erase.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const interaction of interactions) {
      const deleted = { id: `again-${interaction.id}`, data: interaction, params: { phone, taskSid: interaction.id } } as unknown as InteractionDeletedEvent;
      await handleInteractionDeleted(deleted);
      await syncDashboard(db, interaction.ref.path, interaction.id, localCentreTimeZone());
    }
    expect(await documentsNaming(phone)).toEqual([]);
  });

  it('finds capture failures by the numbers capture listed (keyed hashes), and reads whole those too long to list', async () => {
    const phone = uniquePhone();
    const listed = completedTaskParameters({ attributes: { from: phone, interactionHistory: { customerPhone: '12' } } });
    // Over 256 KiB of attributes: unattributable, kept whole, and too long to read for numbers at capture.
    const tooLong = completedTaskParameters({ attributes: { from: phone, padding: 'x'.repeat(300 * 1024) } });
    expect((await postCallback(listed)).status).toBe(202);
    expect((await postCallback(tooLong)).status).toBe(202);
    expect((await db.doc(`captureFailures/${listed.TaskSid}`).get()).data()).toMatchObject({
      mentionedPhoneHashes: [phoneHash(asE164(phone), hashKey)],
      needsTextScan: false,
    });
    expect((await db.doc(`captureFailures/${tooLong.TaskSid}`).get()).data()).toMatchObject({ mentionedPhoneHashes: [], needsTextScan: true });

    // A dry run registers nothing, so what it finds is the erase's own search (a real erase races the withdraw trigger).
    const found = await callDataRights('eraseCustomer', { phone, dryRun: true }, await admin.idToken());
    expect(decode(eraseResponseSchema, found.body, 'erase answer').counts.captureFailures).toBe(2);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);
    expect(await documentsNaming(phone)).toEqual([]);
  });

  it('on a dry run counts and removes nothing', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    const before = await documentsNaming(phone);

    const answer = await callDataRights('eraseCustomer', { phone, dryRun: true }, await admin.idToken());

    expect(decode(eraseResponseSchema, answer.body, 'erase answer')).toMatchObject({ dryRun: true, counts: { interactions: 2, profile: 1 } });
    expect((await documentsNaming(phone)).map((document) => document.path).sort()).toEqual(before.map((document) => document.path).sort());
  });

  it('is refused to agents (403), to callers without a token (401), and for a number that is not one (400), erasing nothing', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);

    expect((await callDataRights('eraseCustomer', { phone }, await agent.idToken())).status).toBe(403);
    expect((await callDataRights('eraseCustomer', { phone })).status).toBe(401);
    expect((await callDataRights('eraseCustomer', { phone }, 'not-a-token')).status).toBe(401);
    expect((await callDataRights('eraseCustomer', { phone: 'call me' }, await admin.idToken())).status).toBe(400);
    expect((await callDataRights('exportCustomer', { phone }, await agent.idToken())).status).toBe(403);
    expect((await callDataRights('setRecordingSuppression', { phone, suppressed: true }, await agent.idToken())).status).toBe(403);
    expect((await db.doc(customerPath(phone)).get()).exists).toBe(true);
  });
});

describe('the audit trail of a profile changed just before its erase', () => {
  const registry = firestoreErasureRegistry(db, hashKey);
  const ADMIN = { uid: ADMIN_SID, role: 'admin' } as const;

  it('is redacted by the erase even when its entry is written after the erase had looked', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    const store = firestoreCustomerDataStore(db, 'US', (number) => phoneHash(number, hashKey));
    // The trigger of a change made a moment ago writes its entry (with values) just after the erase read the history.
    const lateTrigger: CustomerDataStore = {
      ...store,
      find: async (found) => {
        const documents = await store.find(found);
        await appendAuditEntry(db, { action: 'profileUpdated', actor: ADMIN, subject: customerPath(phone), changes: [{ field: 'email', before: null, after: 'late@example.com' }] });
        return documents;
      },
    };

    const erased = await eraseCustomer(phone, { suppress: false, dryRun: false, actor: ADMIN }, {
      data: lateTrigger,
      registry,
      appendAudit: (entry) => appendAuditEntry(db, entry),
      defaultRegion: 'US',
      now: () => new Date(),
    });

    expect(erased.counts.auditEntriesRedacted).toBe(3);
    expect(await auditEntriesAbout(customerPath(phone))).toEqual([]);
    const redacted = await auditEntriesAbout(erasureSubject(phoneHash(asE164(phone), hashKey)));
    expect(redacted.find((entry) => entry.changes?.[0]?.field === 'email')?.changes).toEqual([{ field: 'email', before: null, after: null }]);
    expect(await documentsNaming(phone)).toEqual([]);
  });

  it('is written redacted by the audit trigger for a change before or during the erase; a change after the erase keeps its values', async () => {
    const phone = asE164(uniquePhone());
    const changedBefore = new Date(Date.now() - 1_000);
    await registry.recordErasure(phone, ADMIN, false, new Date());
    const update = {
      phone,
      before: { phone, firstName: 'Erin', updatedAt: new Date(0) },
      after: { phone, firstName: 'Erina', updatedAt: changedBefore, updatedBy: ADMIN_SID, updatedByRole: 'admin' },
    };
    const record = (name: string, eventTime: Date) => recordProfileWrite(db, { ...update, eventId: `${name}-${phone}`, eventTime }, hashKey);

    expect(await record('before', changedBefore)).toMatchObject({ redacted: true });
    // While the erase runs (its end not yet recorded), a change may be deleted by it: no values either.
    expect(await record('during', new Date())).toMatchObject({ redacted: true });
    await registry.recordErasureFinished(phone);
    expect(await record('after', new Date(Date.now() + 60_000))).toMatchObject({ redacted: false });

    const written = async (name: string) => decode(auditEntrySchema, (await db.doc(`auditLog/profile-${name}-${phone}`).get()).data(), name);
    for (const name of ['before', 'during']) {
      expect(await written(name)).toMatchObject({
        action: 'profileUpdated',
        subject: erasureSubject(phoneHash(phone, hashKey)),
        changes: [{ field: 'firstName', before: null, after: null }],
      });
    }
    expect(await written('after')).toMatchObject({ subject: customerPath(phone), changes: [{ field: 'firstName', before: 'Erin', after: 'Erina' }] });
  });
});

/** Capture as it runs when its gate read the registry just before the erase wrote it: the gate found nothing, storage goes ahead. */
function captureAfterAnEarlyGate(parameters: Record<string, string>) {
  const registry = firestoreErasureRegistry(db, hashKey);
  const gateReadEarly: typeof registry = { ...registry, entriesFor: () => Promise.resolve([]) };
  return captureTaskrouterEvent(parameters, { store: firestoreCaptureStore(db, { retentionDays: null }), erasures: gateReadEarly, defaultRegion: 'US', receivedAt: new Date() });
}

describe('after an erase', () => {
  it('a replayed signed callback of the erased history answers 2xx and stores nothing', async () => {
    const phone = uniquePhone();
    const { plain, unattributable } = await seedCustomer(phone);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);

    const replayed = await postCallback(plain);
    const replayedFailure = await postCallback(unattributable);
    // A late reservation event of the same task would recreate its task capture: withheld too.
    const lateReservation = await postCallback({ ...plain, EventType: 'reservation.completed', ReservationSid: `WR${'0'.repeat(32)}` });

    expect(replayed.status).toBe(200);
    expect(replayed.body).toEqual({ result: 'withheld', taskSid: plain.TaskSid });
    expect(replayedFailure.status).toBe(200);
    expect(lateReservation.body).toEqual({ result: 'withheld', taskSid: plain.TaskSid });
    expect((await db.doc(interactionPath(phone, plain.TaskSid)).get()).exists).toBe(false);
    expect(await documentsNaming(phone)).toEqual([]);
  });

  it('a reconciliation run (the capture use case, as the Events API reconciler calls it) stores nothing of a task created before the erasure', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);
    // Completed after the erase, but created an hour before it.
    const lateTask = completedTaskParameters({ completedAt: new Date(Date.now() + 5_000), ageSeconds: 3600, attributes: { from: phone, conversations: { outcome: 'Billing' } } });

    const result = await captureTaskrouterEvent(lateTask, {
      store: firestoreCaptureStore(db, { retentionDays: null }),
      erasures: firestoreErasureRegistry(db, hashKey),
      defaultRegion: 'US',
      receivedAt: new Date(),
    });

    expect(result).toEqual({ result: 'withheld', taskSid: lateTask.TaskSid });
    expect(await documentsNaming(phone)).toEqual([]);
  });

  it('an event that passed the erasure gate just before the erase registered, and lands after its sweep, is withdrawn', async () => {
    const phone = uniquePhone();
    const { plain } = await seedCustomer(phone);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);

    const result = await captureAfterAnEarlyGate(plain);

    expect(result).toMatchObject({ result: 'stored' });
    await eventually(async () => expect(await documentsNaming(phone)).toEqual([]));
    expect((await db.collection(TASK_CAPTURES_COLLECTION).doc(plain.TaskSid).get()).exists).toBe(false);
  });

  it('a capture failure recorded by an event that passed the gate just before the erase registered is withdrawn too', async () => {
    const phone = uniquePhone();
    const { unattributable } = await seedCustomer(phone);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);

    const result = await captureAfterAnEarlyGate(unattributable);

    expect(result).toMatchObject({ result: 'unattributable' });
    await eventually(async () => expect(await documentsNaming(phone)).toEqual([]));
  });

  it('erase only: a call made after the erasure is recorded again', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    expect((await callDataRights('eraseCustomer', { phone }, await admin.idToken())).status).toBe(200);
    const newCall = completedTaskParameters({ completedAt: new Date(Date.now() + 5_000), ageSeconds: 2, attributes: { from: phone, conversations: { outcome: 'Billing' } } });

    expect((await postCallback(newCall)).status).toBe(201);
    // And it stays: withdrawErasedInteraction, which sees every stored interaction, leaves a call made after the erasure.
    const stored = await db.doc(interactionPath(phone, newCall.TaskSid)).get();
    const registry = firestoreErasureRegistry(db, hashKey);
    const committedAt = stored.createTime?.toDate() ?? new Date();
    expect(await withdrawIfErased(db, registry, 'US', { phone, taskSid: newCall.TaskSid, data: stored.data(), committedAt })).toBe(false);
    expect((await db.doc(interactionPath(phone, newCall.TaskSid)).get()).exists).toBe(true);
  });

  it('erase and suppress: nothing is recorded until an admin lifts it, and each change is audited', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    const erase = await callDataRights('eraseCustomer', { phone, suppress: true }, await admin.idToken());
    expect(decode(eraseResponseSchema, erase.body, 'erase answer').suppressed).toBe(true);
    const newCall = () => completedTaskParameters({ completedAt: new Date(Date.now() + 5_000), ageSeconds: 2, attributes: { from: phone, conversations: { outcome: 'Billing' } } });

    const suppressedCall = newCall();
    expect((await postCallback(suppressedCall)).body).toEqual({ result: 'withheld', taskSid: suppressedCall.TaskSid });
    // The registry names the number only by its keyed hash.
    expect(await documentsNaming(phone)).toEqual([]);
    const status = await callDataRights('setRecordingSuppression', { phone }, await admin.idToken());
    expect(decode(suppressionResponseSchema, status.body, 'status')).toEqual({ phone, suppressed: true, changed: false });

    const lifted = await callDataRights('setRecordingSuppression', { phone, suppressed: false }, await admin.idToken());
    expect(decode(suppressionResponseSchema, lifted.body, 'lift')).toEqual({ phone, suppressed: false, changed: true });
    const recordedCall = newCall();
    expect((await postCallback(recordedCall)).status).toBe(201);

    const actions = (await auditEntriesAbout(erasureSubject(phoneHash(asE164(phone), hashKey)))).map((entry) => entry.action).sort();
    expect(actions).toEqual(['customerErased', 'profileCreated', 'profileUpdated', 'suppressionLifted', 'suppressionSet']);
  });
});

describe('export', () => {
  it('contains exactly what is stored about the number, and is audited', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone);
    const stored = await documentsNaming(phone);

    const answer = await callDataRights('exportCustomer', { phone }, await admin.idToken());

    expect(answer.status).toBe(200);
    const exported = decode(customerExportSchema, answer.body, 'export');
    const documents = [
      exported.profile,
      exported.stats,
      ...exported.interactions,
      ...exported.countingMarkers,
      ...exported.captureFailures,
      ...exported.taskCaptures,
      ...exported.otherDocuments,
      ...exported.auditEntries,
    ].filter((document) => document !== null);
    const byPath = (list: readonly { path: string }[]) => [...list].sort((a, b) => a.path.localeCompare(b.path));
    // Counting markers name the number in their path only; every stored document appears, with its fields as stored.
    expect(byPath(documents).map((document) => document.path)).toEqual(byPath(stored).map((document) => document.path));
    for (const document of stored) {
      expect(documents.find((candidate) => candidate.path === document.path)?.data).toEqual(toJson(document.data));
    }
    expect(exported.recordingSuppressed).toBe(false);
    const audit = await auditEntriesAbout(customerPath(phone));
    expect(audit.find((entry) => entry.action === 'customerExported')).toMatchObject({
      actor: { uid: ADMIN_SID, role: 'admin' },
      counts: { interactions: 2, profile: 1 },
    });
  });
});
