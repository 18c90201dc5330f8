import { deleteDoc, doc, getDoc, getDocs, collection, limit, query, serverTimestamp, setDoc, Timestamp, updateDoc, where, writeBatch } from 'firebase/firestore';
import { NOBODY, STAFF, ADMIN, type AccessModule, type Caller } from '../accessTable.js';
import { NON_CANONICAL_PHONE, OTHER_PHONE, PHONE } from './fixtures.js';

/** A profile as the plugin creates it: every stamp the rules ask for. */
export const newProfile = (caller: Caller, phone: string) => ({
  phone,
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  createdAt: serverTimestamp(),
  createdBy: caller.uid,
  createdByRole: caller.role,
});

const anotherRole = (caller: Caller) => (caller.role === 'admin' ? 'agent' : 'admin');

export const customers: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, `customers/${PHONE}`), {
      phone: PHONE,
      firstName: 'Grace',
      lastName: 'Hopper',
      createdAt: Timestamp.fromDate(new Date('2026-01-01')),
      createdBy: 'WKseed',
      createdByRole: 'agent',
    });
  },
  cases: [
    { document: 'customers/{phone}', operation: 'get one by its phone', allowed: STAFF, run: (db) => getDoc(doc(db, `customers/${PHONE}`)) },
    {
      document: 'customers/{phone}',
      operation: 'list: a filtered page (limit 10)',
      allowed: NOBODY,
      run: (db) => getDocs(query(collection(db, 'customers'), where('lastName', '==', 'Hopper'), limit(10))),
    },
    { document: 'customers/{phone}', operation: 'list: every customer', allowed: NOBODY, run: (db) => getDocs(collection(db, 'customers')) },
    {
      document: 'customers/{phone}',
      operation: 'create: valid, canonical id, stamped with the caller',
      allowed: STAFF,
      run: (db, caller) => setDoc(doc(db, `customers/${OTHER_PHONE}`), newProfile(caller, OTHER_PHONE)),
    },
    {
      document: 'customers/{phone}',
      operation: 'create: under a non-canonical id (`+4407911123456`)',
      allowed: NOBODY,
      run: (db, caller) => setDoc(doc(db, `customers/${NON_CANONICAL_PHONE}`), newProfile(caller, NON_CANONICAL_PHONE)),
    },
    {
      document: 'customers/{phone}',
      operation: 'create: stamped with another role',
      allowed: NOBODY,
      run: (db, caller) => setDoc(doc(db, `customers/${OTHER_PHONE}`), { ...newProfile(caller, OTHER_PHONE), createdByRole: anotherRole(caller) }),
    },
    {
      document: 'customers/{phone}',
      operation: 'create: over an existing profile',
      allowed: NOBODY,
      run: (db, caller) => setDoc(doc(db, `customers/${PHONE}`), newProfile(caller, PHONE)),
    },
    {
      document: 'customers/{phone}',
      operation: 'update: profile fields, stamped with the caller',
      allowed: STAFF,
      run: (db, caller) =>
        updateDoc(doc(db, `customers/${PHONE}`), { firstName: 'Amazing Grace', updatedAt: serverTimestamp(), updatedBy: caller.uid, updatedByRole: caller.role }),
    },
    {
      document: 'customers/{phone}',
      operation: 'update: stamped with another role',
      allowed: NOBODY,
      run: (db, caller) =>
        updateDoc(doc(db, `customers/${PHONE}`), { firstName: 'X', updatedAt: serverTimestamp(), updatedBy: caller.uid, updatedByRole: anotherRole(caller) }),
    },
    {
      document: 'customers/{phone}',
      operation: 'delete: with the deletion stamp in the same batch',
      allowed: ADMIN,
      run: async (db, caller) => {
        const batch = writeBatch(db);
        batch.set(doc(db, `profileDeletions/${PHONE}`), { deletedBy: caller.uid, deletedByRole: caller.role, deletedAt: serverTimestamp() });
        batch.delete(doc(db, `customers/${PHONE}`));
        await batch.commit();
      },
    },
    { document: 'customers/{phone}', operation: 'delete: without the deletion stamp', allowed: NOBODY, run: (db) => deleteDoc(doc(db, `customers/${PHONE}`)) },
    {
      document: 'profileDeletions/{phone}',
      operation: 'create: without deleting the profile',
      allowed: NOBODY,
      run: (db, caller) => setDoc(doc(db, `profileDeletions/${PHONE}`), { deletedBy: caller.uid, deletedByRole: caller.role, deletedAt: serverTimestamp() }),
    },
    { document: 'profileDeletions/{phone}', operation: 'get', allowed: NOBODY, run: (db) => getDoc(doc(db, `profileDeletions/${PHONE}`)) },
  ],
};
