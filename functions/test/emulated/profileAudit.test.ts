/**
 * The audit trail of customer profiles, end to end: the plugin's own data
 * functions write as signed-in staff under the real rules, the deployed
 * triggers record each write in `auditLog`, and no client can alter an entry.
 */
import { collection, deleteDoc, doc, getDocs, limit, orderBy, query, setDoc, serverTimestamp, updateDoc, where } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { auditEntrySchema, customerPath, decode, type AuditEntry } from '@interaction-history/model';
import { subscribeToProfileChanges, type ProfileChanges } from '../../../plugin/src/data/auditTrail.js';
import { createCustomer, deleteCustomer, updateCustomer } from '../../../plugin/src/data/customers.js';
import { adminFirestore, eventually } from '../../../test-support/localStack.js';
import { uniquePhone } from '../../../test-support/taskrouter.js';
import { sessionsForTestFile } from '../../../test-support/testFileSessions.js';

const session = sessionsForTestFile();

async function entriesAbout(subject: string): Promise<AuditEntry[]> {
  const snapshot = await adminFirestore().collection('auditLog').where('subject', '==', subject).get();
  return snapshot.docs.map((entry) => decode(auditEntrySchema, entry.data(), entry.ref.path)).sort((a, b) => a.at.getTime() - b.at.getTime());
}

describe('the audit trail of a profile', () => {
  it('records who created, changed and deleted it, with the fields and their old and new values', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    const supervisor = await session('supervisor');
    const admin = await session('admin');

    await createCustomer(agent.db, phone, { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' }, agent);
    await eventually(async () => expect(await entriesAbout(customerPath(phone))).toHaveLength(1));
    await updateCustomer(supervisor.db, phone, { firstName: 'Augusta', lastName: 'Lovelace' }, supervisor);
    await eventually(async () => expect(await entriesAbout(customerPath(phone))).toHaveLength(2));
    await deleteCustomer(admin.db, phone, admin);

    const entries = await eventually(async () => {
      const found = await entriesAbout(customerPath(phone));
      expect(found).toHaveLength(3);
      return found;
    });
    expect(entries.map(({ action, actor }) => ({ action, actor }))).toEqual([
      { action: 'profileCreated', actor: { uid: agent.uid, role: 'agent' } },
      { action: 'profileUpdated', actor: { uid: supervisor.uid, role: 'supervisor' } },
      { action: 'profileDeleted', actor: { uid: admin.uid, role: 'admin' } },
    ]);
    expect(entries[0]?.changes).toEqual([
      { field: 'email', before: null, after: 'ada@example.com' },
      { field: 'firstName', before: null, after: 'Ada' },
      { field: 'lastName', before: null, after: 'Lovelace' },
      { field: 'phone', before: null, after: phone },
    ]);
    expect(entries[1]?.changes).toEqual([
      { field: 'email', before: 'ada@example.com', after: null },
      { field: 'firstName', before: 'Ada', after: 'Augusta' },
    ]);
    expect(entries[2]?.changes).toEqual([
      { field: 'firstName', before: 'Augusta', after: null },
      { field: 'lastName', before: 'Lovelace', after: null },
      { field: 'phone', before: phone, after: null },
    ]);
    // The deletion stamp was read into the entry and removed.
    await eventually(async () => expect((await adminFirestore().doc(`profileDeletions/${phone}`).get()).exists).toBe(false));
  });

  it('credits an update without a fresh stamp (an admin tool) to the system, not to the last person who stamped it', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    await createCustomer(agent.db, phone, { firstName: 'Ada', lastName: 'Lovelace' }, agent);
    await eventually(async () => expect(await entriesAbout(customerPath(phone))).toHaveLength(1));

    await adminFirestore().doc(customerPath(phone)).update({ lastName: 'Byron' });

    const update = await eventually(async () => {
      const found = (await entriesAbout(customerPath(phone))).find((entry) => entry.action === 'profileUpdated');
      expect(found).toBeDefined();
      return found;
    });
    expect(update?.actor).toEqual({ uid: 'system', role: null });
    expect(update?.changes).toEqual([{ field: 'lastName', before: 'Lovelace', after: 'Byron' }]);
  });

  it('admins read a profile\'s last changes; nobody creates, changes or deletes an entry from a client', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    const admin = await session('admin');
    await createCustomer(agent.db, phone, { firstName: 'Ada', lastName: 'Lovelace' }, agent);
    await eventually(async () => expect(await entriesAbout(customerPath(phone))).toHaveLength(1));
    const [stored] = (await adminFirestore().collection('auditLog').where('subject', '==', customerPath(phone)).get()).docs;
    const entryPath = stored?.ref.path ?? 'auditLog/missing';

    const lastChanges = query(collection(admin.db, 'auditLog'), where('subject', '==', customerPath(phone)), orderBy('at', 'desc'), limit(20));
    expect((await getDocs(lastChanges)).size).toBe(1);
    await expect(getDocs(query(collection(agent.db, 'auditLog'), where('subject', '==', customerPath(phone)), limit(20)))).rejects.toMatchObject({ code: 'permission-denied' });

    for (const client of [agent, admin]) {
      await expect(updateDoc(doc(client.db, entryPath), { actor: { uid: 'WKforged', role: 'agent' } })).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(deleteDoc(doc(client.db, entryPath))).rejects.toMatchObject({ code: 'permission-denied' });
      await expect(
        setDoc(doc(client.db, 'auditLog/forged'), { action: 'profileDeleted', at: serverTimestamp(), actor: { uid: client.uid, role: client.role }, subject: customerPath(phone) }),
      ).rejects.toMatchObject({ code: 'permission-denied' });
    }
    const after = await adminFirestore().doc(entryPath).get();
    expect(after.get('actor')).toEqual({ uid: agent.uid, role: 'agent' });
    expect((await adminFirestore().doc('auditLog/forged').get()).exists).toBe(false);
  });
});

describe("the History tab's view of the trail", () => {
  it('delivers a profile\'s changes live to an admin, and refuses them to an agent', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    const admin = await session('admin');
    const heard: ProfileChanges[] = [];
    const stop = subscribeToProfileChanges(admin.db, phone, (changes) => heard.push(changes), (error) => {
      throw error;
    });
    const agentError = new Promise<Error>((resolve) => {
      subscribeToProfileChanges(agent.db, phone, () => undefined, resolve);
    });

    await createCustomer(agent.db, phone, { firstName: 'Ada', lastName: 'Lovelace' }, agent);
    await updateCustomer(agent.db, phone, { firstName: 'Augusta', lastName: 'Lovelace' }, agent);

    await eventually(() => expect(heard.at(-1)?.entries.map((entry) => entry.action)).toEqual(['profileUpdated', 'profileCreated']));
    expect(await agentError).toMatchObject({ code: 'permission-denied' });
    stop();
  });
});

describe('canonical profile ids', () => {
  it('the rules refuse a client profile under a trunk-0 id; the canonical id works', async () => {
    const agent = await session('agent');
    await expect(createCustomer(agent.db, '+4407911123456', { firstName: 'Alan', lastName: 'Turing' }, agent)).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await adminFirestore().doc(customerPath('+4407911123456')).get()).exists).toBe(false);
  });

  it('a client profile under an id the rules cannot tell apart (not a valid number) is removed, with an audit entry', async () => {
    // +1 555 555 0100 has the shape of a North American number, but no such number exists.
    const id = `+1555555${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
    const agent = await session('agent');
    await createCustomer(agent.db, id, { firstName: 'Nobody', lastName: 'Reachable' }, agent);

    await eventually(async () => expect((await adminFirestore().doc(customerPath(id)).get()).exists).toBe(false));
    const removal = await eventually(async () => {
      const found = (await entriesAbout(customerPath(id))).find((entry) => entry.action === 'profileRemovedNonCanonical');
      expect(found).toBeDefined();
      return found;
    });
    expect(removal?.note).toBe('not a valid phone number');
    expect(removal?.changes).toContainEqual({ field: 'createdBy', before: agent.uid, after: null });
  });

  it('a profile an admin tool writes under a non-canonical form is removed, naming the canonical form', async () => {
    const id = '+4407911123456';
    await adminFirestore().doc(customerPath(id)).set({ phone: id, firstName: 'Alan', lastName: 'Turing', createdAt: new Date(), createdBy: 'import' });

    await eventually(async () => expect((await adminFirestore().doc(customerPath(id)).get()).exists).toBe(false));
    const removal = await eventually(async () => {
      const found = (await entriesAbout(customerPath(id))).find((entry) => entry.action === 'profileRemovedNonCanonical');
      expect(found).toBeDefined();
      return found;
    });
    expect(removal?.note).toBe('not the canonical form of +447911123456');
  });
});
