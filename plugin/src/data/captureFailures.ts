import { collection, limit, onSnapshot, orderBy, query, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS, type CaptureFailureDocument } from '@interaction-history/model';
import { captureFailureConverter } from './converters.js';
import { readAll, type Decoded } from './readAll.js';

/** Listens to the newest capture failures, resolved or not (a resolved one is kept and marked until it expires, 90 days after filing). */
export function subscribeToCaptureFailures(
  db: Firestore,
  count: number,
  onData: (failures: Decoded<CaptureFailureDocument>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const newestFirst = query(collection(db, COLLECTIONS.captureFailures).withConverter(captureFailureConverter), orderBy('receivedAt', 'desc'), limit(count));
  return onSnapshot(newestFirst, (snapshot) => onData(readAll(snapshot, 'a capture failure')), onError);
}
