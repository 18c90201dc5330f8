/**
 * Every document the plugin reads is decoded through its schema in the model,
 * so components only ever see checked, plain values (Dates, not Timestamps).
 * A document that does not match throws a DecodeError naming its path.
 */
import type { FirestoreDataConverter, SnapshotOptions } from 'firebase/firestore';
import {
  captureFailureSchema,
  auditEntrySchema,
  customerSchema,
  customerStatsSchema,
  dashboardShardSchema,
  decode,
  interactionSchema,
  reasonCodeListSchema,
  reconciliationStatusSchema,
  type CaptureFailureDocument,
  type AuditEntry,
  type Customer,
  type CustomerStats,
  type DashboardShard,
  type Interaction,
  type ReasonCodeList,
  type ReconciliationStatus,
  type Schema,
} from '@interaction-history/model';

function decodingConverter<T>(schema: Schema<T>, options?: SnapshotOptions): FirestoreDataConverter<T> {
  return {
    toFirestore: () => {
      throw new Error('The plugin writes these documents through its data functions, not through a converter.');
    },
    fromFirestore: (snapshot) => decode(schema, snapshot.data(options), snapshot.ref.path),
  };
}

export const interactionConverter = decodingConverter<Interaction>(interactionSchema);

// A profile just saved from this browser holds a pending server timestamp; show the local estimate meanwhile.
export const customerConverter = decodingConverter<Customer>(customerSchema, { serverTimestamps: 'estimate' });

export const customerStatsConverter = decodingConverter<CustomerStats>(customerStatsSchema);

export const dashboardShardConverter = decodingConverter<DashboardShard>(dashboardShardSchema);

export const captureFailureConverter = decodingConverter<CaptureFailureDocument>(captureFailureSchema);

export const reconciliationStatusConverter = decodingConverter<ReconciliationStatus>(reconciliationStatusSchema);

// A list an admin just saved holds a pending server timestamp until Firestore confirms it.
export const reasonCodeListConverter = decodingConverter<ReasonCodeList>(reasonCodeListSchema, { serverTimestamps: 'estimate' });
// An entry just written holds a pending server time only in the functions; the estimate keeps decoding safe anyway.
export const auditEntryConverter = decodingConverter<AuditEntry>(auditEntrySchema, { serverTimestamps: 'estimate' });
