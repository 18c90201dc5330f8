import { collection, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore';
import { ADMIN, NOBODY, type AccessModule } from '../accessTable.js';
import { AUDIT_ENTRY_ID, PHONE } from './fixtures.js';

export const auditLog: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, `auditLog/${AUDIT_ENTRY_ID}`), {
      action: 'profileUpdated',
      at: Timestamp.now(),
      actor: { uid: 'WKseed', role: 'agent' },
      subject: `customers/${PHONE}`,
      changes: [{ field: 'firstName', before: '"Grace"', after: '"Amazing Grace"' }],
    });
  },
  cases: [
    { document: 'auditLog/{entryId}', operation: 'get one', allowed: ADMIN, run: (db) => getDoc(doc(db, `auditLog/${AUDIT_ENTRY_ID}`)) },
    {
      document: 'auditLog/{entryId}',
      operation: "list: a profile's last changes (limit 20)",
      allowed: ADMIN,
      run: (db) => getDocs(query(collection(db, 'auditLog'), where('subject', '==', `customers/${PHONE}`), orderBy('at', 'desc'), limit(20))),
    },
    { document: 'auditLog/{entryId}', operation: 'list: the whole trail (no limit)', allowed: NOBODY, run: (db) => getDocs(collection(db, 'auditLog')) },
    {
      document: 'auditLog/{entryId}',
      operation: 'create',
      allowed: NOBODY,
      run: (db, caller) =>
        setDoc(doc(db, 'auditLog/forged'), { action: 'profileDeleted', at: Timestamp.now(), actor: { uid: caller.uid, role: caller.role }, subject: `customers/${PHONE}` }),
    },
    { document: 'auditLog/{entryId}', operation: 'update', allowed: NOBODY, run: (db) => updateDoc(doc(db, `auditLog/${AUDIT_ENTRY_ID}`), { actor: { uid: 'WKsomeoneelse', role: 'agent' } }) },
    { document: 'auditLog/{entryId}', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, `auditLog/${AUDIT_ENTRY_ID}`)) },
  ],
};
