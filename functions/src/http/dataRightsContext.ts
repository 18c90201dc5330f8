/** The production wiring the data-rights endpoints share: Firestore, the registry under the configured key, the audit trail. */
import { appendAuditEntry } from '../adapters/auditLog.js';
import { firestoreCustomerDataStore } from '../adapters/customerDataStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { readAllowedOrigins, readErasureHashKey, readPhoneRegion } from '../config.js';
import { auth, firestore } from '../firebase.js';
import type { DataRightsContext } from '../use-cases/dataRights.js';
import type { AdminEndpointDependencies } from './adminEndpoint.js';

export function productionDataRightsContext(): DataRightsContext {
  const db = firestore();
  const region = readPhoneRegion();
  return {
    data: firestoreCustomerDataStore(db, region),
    registry: firestoreErasureRegistry(db, readErasureHashKey()),
    appendAudit: (entry) => appendAuditEntry(db, entry),
    defaultRegion: region,
    now: () => new Date(),
  };
}

export const productionAdminEndpoint: AdminEndpointDependencies = {
  allowedOrigins: readAllowedOrigins,
  verifyIdToken: async (idToken) => {
    const decoded = await auth().verifyIdToken(idToken);
    return { uid: decoded.uid, claims: decoded };
  },
  now: () => new Date(),
};
