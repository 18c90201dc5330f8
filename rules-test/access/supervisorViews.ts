/** What the supervisors' and admins' views read: the dashboard's shards and markers, the reason-code lists. */
import { collection, collectionGroup, deleteDoc, doc, getDoc, getDocs, query, serverTimestamp, setDoc, Timestamp, where } from 'firebase/firestore';
import { ADMIN, NOBODY, STAFF, SUPERVISOR_OR_ADMIN, type AccessModule } from '../accessTable.js';
import { TASK_SID } from './fixtures.js';

const DAY = '2026-12-06';
const SHARD = `dashboardDays/${DAY}/dashboardShards/07`;

export const dashboard: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, SHARD), { day: DAY, shard: 7, interactions: 3, missingOutcome: 1, byReason: { Billing: 2 } });
    await setDoc(doc(db, `dashboardCounted/${TASK_SID}`), { taskSid: TASK_SID, state: 'counted' });
  },
  cases: [
    { document: 'dashboardDays/{day}/dashboardShards/{shard}', operation: 'get one', allowed: SUPERVISOR_OR_ADMIN, run: (db) => getDoc(doc(db, SHARD)) },
    {
      document: 'dashboardDays/{day}/dashboardShards/{shard}',
      operation: "list: a day's shards",
      allowed: SUPERVISOR_OR_ADMIN,
      run: (db) => getDocs(collection(db, `dashboardDays/${DAY}/dashboardShards`)),
    },
    {
      document: 'dashboardDays/{day}/dashboardShards/{shard}',
      operation: 'list: a range of days (collection group)',
      allowed: SUPERVISOR_OR_ADMIN,
      run: (db) => getDocs(query(collectionGroup(db, 'dashboardShards'), where('day', '>=', '2026-11-07'), where('day', '<=', DAY))),
    },
    { document: 'dashboardDays/{day}/dashboardShards/{shard}', operation: 'create', allowed: NOBODY, run: (db) => setDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/08`), { day: DAY }) },
    { document: 'dashboardDays/{day}/dashboardShards/{shard}', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, SHARD)) },
    { document: 'dashboardCounted/{taskSid}', operation: 'get', allowed: NOBODY, run: (db) => getDoc(doc(db, `dashboardCounted/${TASK_SID}`)) },
  ],
};

const GLOBAL_LIST = 'reasonCodeLists/global';

export const reasonCodeLists: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, GLOBAL_LIST), { scope: 'global', codes: [{ id: 'billing', label: 'Billing', active: true }], updatedAt: Timestamp.now(), updatedBy: 'WKseed' });
  },
  cases: [
    { document: 'reasonCodeLists/{listId}', operation: 'get one', allowed: STAFF, run: (db) => getDoc(doc(db, GLOBAL_LIST)) },
    { document: 'reasonCodeLists/{listId}', operation: 'list', allowed: STAFF, run: (db) => getDocs(collection(db, 'reasonCodeLists')) },
    {
      document: 'reasonCodeLists/{listId}',
      operation: 'save a valid list, stamped with the caller',
      allowed: ADMIN,
      run: (db, caller) =>
        setDoc(doc(db, GLOBAL_LIST), { scope: 'global', codes: [{ id: 'other', label: 'Other', active: true }], updatedAt: serverTimestamp(), updatedBy: caller.uid }),
    },
    { document: 'reasonCodeLists/{listId}', operation: 'delete', allowed: NOBODY, run: (db) => deleteDoc(doc(db, GLOBAL_LIST)) },
  ],
};
