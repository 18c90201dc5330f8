/** The status of background work the functions keep (reconciliation of TaskRouter's Events API). */
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from 'firebase/firestore';
import { NOBODY, SUPERVISOR_OR_ADMIN, type AccessModule } from '../accessTable.js';

export const systemStatus: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, 'systemStatus/reconciliation'), { trigger: 'schedule', recovered: 2, errorCount: 0 });
  },
  cases: [
    { document: 'systemStatus/reconciliation', operation: 'get', allowed: SUPERVISOR_OR_ADMIN, run: (db) => getDoc(doc(db, 'systemStatus/reconciliation')) },
    { document: 'systemStatus/reconciliation', operation: 'list systemStatus', allowed: NOBODY, run: (db) => getDocs(collection(db, 'systemStatus')) },
    { document: 'systemStatus/reconciliation', operation: 'create or replace', allowed: NOBODY, run: (db) => setDoc(doc(db, 'systemStatus/reconciliation'), { recovered: 0 }) },
    { document: 'systemStatus/reconciliation', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, 'systemStatus/reconciliation')) },
  ],
};
