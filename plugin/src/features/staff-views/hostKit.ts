/**
 * The Firestore functions the agent bundle lends the views bundle. A Firestore
 * instance only works with the functions of the SDK copy that made it, and a
 * second copy would add Firebase's ~95 KB gzip again: so the views bundle is
 * built with `firebase/firestore` pointing at this object (vite.views.config.ts,
 * src/views-host/firestoreFromHost.ts), and a name missing here fails that build.
 * Every name adds only its own code to the agent bundle, most of it already there.
 */
import {
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

export const hostFirestore = {
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
};

export type HostFirestore = typeof hostFirestore;

export interface HostKit {
  readonly firestore: HostFirestore;
}
