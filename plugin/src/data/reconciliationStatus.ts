import { doc, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { RECONCILIATION_STATUS_PATH, type ReconciliationStatus } from '@interaction-history/model';
import { reconciliationStatusConverter } from './converters.js';
import { subscribeToDocument } from './customers.js';

/** Listens to the last reconciliation run (`systemStatus/reconciliation`); `null` until one has run. */
export const subscribeToReconciliationStatus = (
  db: Firestore,
  onData: (status: ReconciliationStatus | null) => void,
  onError: (error: Error) => void,
): Unsubscribe => subscribeToDocument(doc(db, RECONCILIATION_STATUS_PATH).withConverter(reconciliationStatusConverter), onData, onError);
