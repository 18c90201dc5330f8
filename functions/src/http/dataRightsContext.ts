/** The production wiring the data-rights use cases share: Firestore, the registry under the configured key, the audit trail. */
import { appendAuditEntry } from '../adapters/auditLog.js';
import { firestoreCustomerDataStore } from '../adapters/customerDataStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { readErasureHashKey, readPhoneRegion } from '../config.js';
import { firestore } from '../firebase.js';
import type { DataRightsContext } from '../use-cases/dataRights.js';

export function productionDataRightsContext(): DataRightsContext {
  const db = firestore();
  const region = readPhoneRegion();
  const registry = firestoreErasureRegistry(db, readErasureHashKey());
  return {
    data: firestoreCustomerDataStore(db, region, (phone) => registry.hashOf(phone)),
    registry,
    appendAudit: (entry) => appendAuditEntry(db, entry),
    defaultRegion: region,
    now: () => new Date(),
  };
}
