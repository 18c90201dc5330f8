import type { Firestore } from 'firebase-admin/firestore';
import { decode, RECONCILIATION_STATUS_PATH, reconciliationStatusSchema, type ReconciliationStatus } from '@interaction-history/model';

/** Where reconciliation keeps its last run (`systemStatus/reconciliation`). */
export interface ReconciliationStatusStore {
  read(): Promise<ReconciliationStatus | null>;
  write(status: ReconciliationStatus): Promise<void>;
}

export function firestoreReconciliationStatusStore(db: Firestore): ReconciliationStatusStore {
  const ref = db.doc(RECONCILIATION_STATUS_PATH);
  return {
    async read() {
      const snapshot = await ref.get();
      return snapshot.exists ? decode(reconciliationStatusSchema, snapshot.data(), RECONCILIATION_STATUS_PATH) : null;
    },
    async write(status) {
      // Checked before writing: a status readers cannot decode would hide the very problem it reports.
      await ref.set(decode(reconciliationStatusSchema, status, RECONCILIATION_STATUS_PATH));
    },
  };
}
