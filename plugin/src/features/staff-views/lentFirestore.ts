/**
 * The one list of Firestore functions the agent bundle lends the views bundle.
 * hostKit.ts lends what this module exports; inside the views bundle,
 * `firebase/firestore` is this module (vite.views.config.ts), so a name missing
 * here fails that build. Every name adds only its own code to the agent bundle,
 * most of it already there.
 */
export {
  collection,
  collectionGroup,
  deleteDoc,
  deleteField,
  doc,
  documentId,
  getDoc,
  limit,
  onSnapshot,
  orderBy,
  query,
  runTransaction,
  serverTimestamp,
  setDoc,
  startAfter,
  updateDoc,
  where,
  writeBatch,
} from 'firebase/firestore';
