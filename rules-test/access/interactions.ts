import { collection, collectionGroup, deleteDoc, doc, getDoc, getDocs, limit, orderBy, query, setDoc, Timestamp, updateDoc, where } from 'firebase/firestore';
import { NOBODY, STAFF, SUPERVISOR_OR_ADMIN, type AccessModule, type ClientFirestore } from '../accessTable.js';
import { LARGEST_PAGE, OTHER_TASK_SID, PHONE, PLUGIN_PAGE, TASK_SID } from './fixtures.js';

const history = (db: ClientFirestore) => collection(db, `customers/${PHONE}/interactions`);

export const interactions: AccessModule = {
  seed: async (db) => {
    await setDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`), {
      taskSid: TASK_SID,
      customerPhone: PHONE,
      outcome: null,
      completedAt: Timestamp.now(),
      source: 'taskrouter',
    });
  },
  cases: [
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: 'get one',
      allowed: STAFF,
      run: (db) => getDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`)),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: `list: one customer's page, newest first (limit ${PLUGIN_PAGE})`,
      allowed: STAFF,
      run: (db) => getDocs(query(history(db), orderBy('completedAt', 'desc'), limit(PLUGIN_PAGE))),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: `list: one customer's largest page (limit ${LARGEST_PAGE})`,
      allowed: STAFF,
      run: (db) => getDocs(query(history(db), orderBy('completedAt', 'desc'), limit(LARGEST_PAGE))),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: `list: a page beyond the largest (limit ${LARGEST_PAGE + 1})`,
      allowed: NOBODY,
      run: (db) => getDocs(query(history(db), limit(LARGEST_PAGE + 1))),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: "list: one customer's whole history (no limit)",
      allowed: NOBODY,
      run: (db) => getDocs(history(db)),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: 'create',
      allowed: NOBODY,
      run: (db) => setDoc(doc(db, `customers/${PHONE}/interactions/${OTHER_TASK_SID}`), { taskSid: OTHER_TASK_SID, outcome: 'Forged' }),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: 'update',
      allowed: NOBODY,
      run: (db) => updateDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`), { outcome: 'Changed' }),
    },
    {
      document: 'customers/{phone}/interactions/{taskSid}',
      operation: 'delete',
      allowed: NOBODY,
      run: (db) => deleteDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`)),
    },
    {
      document: '{path=**}/interactions/{taskSid}',
      operation: `list (collection group): a page without an outcome (limit ${LARGEST_PAGE})`,
      allowed: SUPERVISOR_OR_ADMIN,
      run: (db) => getDocs(query(collectionGroup(db, 'interactions'), where('outcome', '==', null), limit(LARGEST_PAGE))),
    },
    {
      document: '{path=**}/interactions/{taskSid}',
      operation: 'list (collection group): a page of every interaction (limit 10)',
      allowed: NOBODY,
      run: (db) => getDocs(query(collectionGroup(db, 'interactions'), limit(10))),
    },
    {
      document: '{path=**}/interactions/{taskSid}',
      operation: 'list (collection group): every interaction without an outcome (no limit)',
      allowed: NOBODY,
      run: (db) => getDocs(query(collectionGroup(db, 'interactions'), where('outcome', '==', null))),
    },
  ],
};
