/**
 * What `firebase/firestore` means inside the views bundle (vite.views.config.ts
 * points the import here): the functions the agent bundle lent on the page,
 * so that the views work on the agent bundle's Firestore instance and do not
 * ship a second copy of the SDK. Importing a name not lent fails the build.
 */
import type { HostKit } from '../features/staff-views/hostKit.js';
import { HOST_KIT_GLOBAL } from '../features/staff-views/staffViews.js';

const kit = (globalThis as unknown as Record<string, HostKit | undefined>)[HOST_KIT_GLOBAL];
if (!kit) throw new Error(`${HOST_KIT_GLOBAL} is not on the page: the views bundle must be loaded by the interaction history plugin.`);

export const {
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
} = kit.firestore;
