/** What the functions keep beside the profiles: summaries, their bookkeeping, failed captures. */
import { collection, deleteDoc, doc, getDoc, getDocs, limit, query, setDoc, Timestamp, updateDoc } from 'firebase/firestore';
import { NOBODY, STAFF, SUPERVISOR_OR_ADMIN, type AccessModule } from '../accessTable.js';
import { LARGEST_PAGE, OTHER_PHONE, PHONE, TASK_SID } from './fixtures.js';

export const customerStats: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, `customerStats/${PHONE}`), { interactionCount: 1, missingOutcomeCount: 0, lastOutcome: 'Billing', lastInteractionAt: Timestamp.now() });
    await setDoc(doc(db, `customerStats/${PHONE}/countedInteractions/${TASK_SID}`), { countedAt: Timestamp.now() });
  },
  cases: [
    { document: 'customerStats/{phone}', operation: 'get one by its phone', allowed: STAFF, run: (db) => getDoc(doc(db, `customerStats/${PHONE}`)) },
    { document: 'customerStats/{phone}', operation: 'list: a page (limit 5)', allowed: NOBODY, run: (db) => getDocs(query(collection(db, 'customerStats'), limit(5))) },
    { document: 'customerStats/{phone}', operation: 'list: every summary', allowed: NOBODY, run: (db) => getDocs(collection(db, 'customerStats')) },
    { document: 'customerStats/{phone}', operation: 'create', allowed: NOBODY, run: (db) => setDoc(doc(db, `customerStats/${OTHER_PHONE}`), { interactionCount: 99 }) },
    { document: 'customerStats/{phone}', operation: 'update', allowed: NOBODY, run: (db) => updateDoc(doc(db, `customerStats/${PHONE}`), { interactionCount: 0 }) },
    { document: 'customerStats/{phone}', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, `customerStats/${PHONE}`)) },
    {
      document: 'customerStats/{phone}/countedInteractions/{taskSid}',
      operation: 'get',
      allowed: NOBODY,
      run: (db) => getDoc(doc(db, `customerStats/${PHONE}/countedInteractions/${TASK_SID}`)),
    },
  ],
};

export const captureFailures: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, `captureFailures/${TASK_SID}`), { taskSid: TASK_SID, reason: 'noValidPhone' });
  },
  cases: [
    { document: 'captureFailures/{taskSid}', operation: 'get one', allowed: SUPERVISOR_OR_ADMIN, run: (db) => getDoc(doc(db, `captureFailures/${TASK_SID}`)) },
    {
      document: 'captureFailures/{taskSid}',
      operation: `list: a page (limit ${LARGEST_PAGE})`,
      allowed: SUPERVISOR_OR_ADMIN,
      run: (db) => getDocs(query(collection(db, 'captureFailures'), limit(LARGEST_PAGE))),
    },
    { document: 'captureFailures/{taskSid}', operation: 'list: every failure (no limit)', allowed: NOBODY, run: (db) => getDocs(collection(db, 'captureFailures')) },
    { document: 'captureFailures/{taskSid}', operation: 'create', allowed: NOBODY, run: (db) => setDoc(doc(db, `captureFailures/WT${'3'.repeat(32)}`), { reason: 'x' }) },
    { document: 'captureFailures/{taskSid}', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, `captureFailures/${TASK_SID}`)) },
  ],
};
