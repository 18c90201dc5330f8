/**
 * The Firestore functions the agent bundle lends the views bundle. A Firestore
 * instance only works with the functions of the SDK copy that made it, and a
 * second copy would add Firebase's ~95 KB gzip again: so the views bundle is
 * built with `firebase/firestore` pointing at the lent functions
 * (vite.views.config.ts, src/views-host/firestoreFromHost.ts). Which functions
 * are lent is listed once, in lentFirestore.ts.
 */
import * as lentFirestore from './lentFirestore.js';

/** A plain object of the lent functions (not the module namespace itself). */
export const hostFirestore = { ...lentFirestore };

export type HostFirestore = typeof hostFirestore;

export interface HostKit {
  readonly firestore: HostFirestore;
}
