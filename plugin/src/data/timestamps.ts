/**
 * The one place where Firestore timestamps become Dates, so components only
 * ever see plain values.
 */
import { Timestamp, type FirestoreDataConverter, type QueryDocumentSnapshot } from 'firebase/firestore';
import type { Customer, CustomerStats, Interaction } from '@interaction-history/model';

export function toDate(value: unknown): Date | null {
  return value instanceof Timestamp ? value.toDate() : null;
}

const readOnly = <T>(fromFirestore: (snapshot: QueryDocumentSnapshot) => T): FirestoreDataConverter<T> => ({
  toFirestore: () => {
    throw new Error('These documents are written by the functions, not the plugin.');
  },
  fromFirestore: (snapshot) => fromFirestore(snapshot),
});

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

export const interactionConverter = readOnly<Interaction>((snapshot) => {
  const data = snapshot.data();
  // A pending server timestamp reads as null for a moment; fall back to the completion time.
  const completedAt = toDate(data['completedAt']) ?? new Date(0);
  return {
    taskSid: snapshot.id,
    customerPhone: String(data['customerPhone'] ?? ''),
    from: text(data['from']),
    channel: text(data['channel']),
    queue: text(data['queue']),
    workerSid: text(data['workerSid']),
    workerName: text(data['workerName']),
    outcome: text(data['outcome']),
    comment: text(data['comment']),
    startedAt: toDate(data['startedAt']) ?? completedAt,
    completedAt,
    durationSeconds: typeof data['durationSeconds'] === 'number' ? data['durationSeconds'] : null,
    capturedAt: toDate(data['capturedAt']) ?? completedAt,
    source: 'taskrouter',
  };
});

export const customerConverter = readOnly<Customer>((snapshot) => {
  const data = snapshot.data({ serverTimestamps: 'estimate' });
  const optional = (key: 'email' | 'accountId') => (typeof data[key] === 'string' ? { [key]: data[key] } : {});
  return {
    phone: snapshot.id,
    firstName: String(data['firstName'] ?? ''),
    lastName: String(data['lastName'] ?? ''),
    ...optional('email'),
    ...optional('accountId'),
    createdAt: toDate(data['createdAt']) ?? new Date(),
    createdBy: String(data['createdBy'] ?? ''),
    ...(toDate(data['updatedAt']) ? { updatedAt: toDate(data['updatedAt']) as Date } : {}),
    ...(typeof data['updatedBy'] === 'string' ? { updatedBy: data['updatedBy'] } : {}),
  };
});

export const customerStatsConverter = readOnly<CustomerStats>((snapshot) => {
  const data = snapshot.data();
  return {
    interactionCount: Number(data['interactionCount'] ?? 0),
    missingOutcomeCount: Number(data['missingOutcomeCount'] ?? 0),
    lastInteractionAt: toDate(data['lastInteractionAt']),
    lastOutcome: text(data['lastOutcome']),
  };
});
