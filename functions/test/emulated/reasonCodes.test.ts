/**
 * Reason-code lists written by an admin through the web SDK (under the
 * rules), and the trigger's audit entry for each change.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { doc, serverTimestamp, setDoc } from 'firebase/firestore';
import { auditEntrySchema, COLLECTIONS, decode, reasonCodeListPath } from '@interaction-history/model';
import { handleReasonCodeListWritten, type ReasonCodeListEvent } from '../../src/triggers/auditReasonCodes.js';
import { adminFirestore, eventually } from '../../../test-support/localStack.js';
import { signInAs } from '../../../test-support/webSession.js';

const db = adminFirestore();

const newQueueSid = () => `WQ${randomBytes(16).toString('hex')}`;

async function auditEntriesFor(listId: string) {
  const entries = await db.collection(COLLECTIONS.auditLog).where('subject', '==', reasonCodeListPath(listId)).get();
  return entries.docs.map((entry) => decode(auditEntrySchema, entry.data(), entry.ref.path));
}

describe('reason-code lists', () => {
  it('audit each change an admin makes: a list added, then a code renamed, one retired and the flag set', async () => {
    const listId = newQueueSid();
    const admin = await signInAs('admin');
    try {
      const list = doc(admin.db, reasonCodeListPath(listId));
      await setDoc(list, {
        scope: 'queue',
        queueName: 'Sales',
        codes: [
          { id: 'billing', label: 'Billing', active: true },
          { id: 'order', label: 'Order placed', active: true },
        ],
        updatedAt: serverTimestamp(),
        updatedBy: admin.uid,
      });
      await eventually(async () => expect(await auditEntriesFor(listId)).toHaveLength(1));

      await setDoc(list, {
        scope: 'queue',
        queueName: 'Sales',
        codes: [
          { id: 'order', label: 'Order placed', active: false },
          { id: 'billing', label: 'Billing question', active: true },
        ],
        reasonCodeRequired: false,
        updatedAt: serverTimestamp(),
        updatedBy: admin.uid,
      });

      const entries = await eventually(async () => {
        const found = await auditEntriesFor(listId);
        expect(found).toHaveLength(2);
        return found;
      });
      const second = entries.find((entry) => (entry.changes ?? []).some((change) => change.field === 'reasonCodeRequired'));
      expect(second).toMatchObject({ action: 'reasonCodesChanged', actor: { uid: admin.uid, role: 'admin' } });
      expect(second?.changes).toEqual(
        expect.arrayContaining([
          { field: 'codes.billing', before: '{"label":"Billing","active":true}', after: '{"label":"Billing question","active":true}' },
          { field: 'codes.order', before: '{"label":"Order placed","active":true}', after: '{"label":"Order placed","active":false}' },
          { field: 'order', before: '["billing","order"]', after: '["order","billing"]' },
          { field: 'reasonCodeRequired', before: null, after: 'false' },
        ]),
      );
    } finally {
      await admin.close();
    }
  });

  it('audit a list saved in a form that does not read as unreadable, naming who saved it, not as removed', async () => {
    const listId = newQueueSid();
    const admin = await signInAs('admin');
    try {
      // The rules bound the list but cannot check each code: an empty label and a code without an id get through.
      await setDoc(doc(admin.db, reasonCodeListPath(listId)), {
        scope: 'queue',
        codes: [{ id: 'billing', label: '', active: true }, { label: 'No id' }],
        updatedAt: serverTimestamp(),
        updatedBy: admin.uid,
      });

      const [entry] = await eventually(async () => {
        const entries = await auditEntriesFor(listId);
        expect(entries).toHaveLength(1);
        return entries;
      });
      expect(entry).toMatchObject({ action: 'reasonCodesChanged', actor: { uid: admin.uid, role: 'admin' }, changes: [] });
      expect(entry?.note).toMatch(/^The list as saved does not read/);
    } finally {
      await admin.close();
    }
  });

  it('add one audit entry however often the trigger event is delivered', async () => {
    const listId = newQueueSid();
    const ref = db.doc(reasonCodeListPath(listId));
    await ref.set({ scope: 'queue', codes: null, reasonCodeRequired: false, updatedAt: new Date(), updatedBy: 'WKadmin' });
    const after = await ref.get();
    const event = {
      id: `redelivered-${listId}`,
      params: { listId },
      data: { before: { exists: false }, after },
    } as unknown as ReasonCodeListEvent;

    await Promise.all([handleReasonCodeListWritten(event), handleReasonCodeListWritten(event)]);
    await handleReasonCodeListWritten(event);

    expect((await db.collection(COLLECTIONS.auditLog).doc(`reasonCodes-redelivered-${listId}`).get()).exists).toBe(true);
    // Two entries in all: the deployed trigger's for the real write, and one for the event delivered three times.
    await eventually(async () => expect(await auditEntriesFor(listId)).toHaveLength(2));
  });
});
