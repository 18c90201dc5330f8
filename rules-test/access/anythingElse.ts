import { collection, doc, getDoc, getDocs, setDoc } from 'firebase/firestore';
import { NOBODY, type AccessModule } from '../accessTable.js';

/** Paths no rule names: denied to everyone, admins included. */
export const anythingElse: AccessModule = {
  cases: [
    { document: 'any other path', operation: 'get', allowed: NOBODY, run: (db) => getDoc(doc(db, 'settings/global')) },
    { document: 'any other path', operation: 'list', allowed: NOBODY, run: (db) => getDocs(collection(db, 'workers')) },
    { document: 'any other path', operation: 'create', allowed: NOBODY, run: (db) => setDoc(doc(db, 'settings/global'), { a: 1 }) },
  ],
};
