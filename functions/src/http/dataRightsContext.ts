/** The production wiring the data-rights use cases share: Firestore, the registry under the configured key, the audit trail. */
import type { Firestore } from 'firebase-admin/firestore';
import type { CountryCode } from '@interaction-history/model';
import { appendAuditEntry } from '../adapters/auditLog.js';
import { firestoreCustomerDataStore } from '../adapters/customerDataStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { readErasureHashKey, readPhoneRegion } from '../config.js';
import { firestore } from '../firebase.js';
import type { DataRightsContext } from '../use-cases/dataRights.js';

/** The data-rights use cases over one Firestore: the deployed functions' and the command line's (`scripts/lib/dataRightsContext.ts`). */
export function dataRightsContextFor(db: Firestore, region: CountryCode, erasureHashKey: string): DataRightsContext {
  const registry = firestoreErasureRegistry(db, erasureHashKey);
  return {
    data: firestoreCustomerDataStore(db, region, (phone) => registry.hashOf(phone)),
    registry,
    appendAudit: (entry) => appendAuditEntry(db, entry),
    defaultRegion: region,
    now: () => new Date(),
  };
}

export const productionDataRightsContext = (): DataRightsContext => dataRightsContextFor(firestore(), readPhoneRegion(), readErasureHashKey());
