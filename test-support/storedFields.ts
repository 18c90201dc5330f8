/** Reads fields of stored documents in tests through a check, rather than as Firestore's `any`. */
import { Timestamp, type DocumentSnapshot } from 'firebase-admin/firestore';

/** A Timestamp field as a Date; fails the test when the field holds anything else. */
export function dateField(snapshot: DocumentSnapshot, field: string): Date {
  const value: unknown = snapshot.get(field);
  if (!(value instanceof Timestamp)) throw new Error(`${field} of ${snapshot.ref.path} is not a Timestamp: ${JSON.stringify(value)}`);
  return value.toDate();
}

/** A text field; fails the test when the field holds anything else. */
export function textField(snapshot: DocumentSnapshot, field: string): string {
  const value: unknown = snapshot.get(field);
  if (typeof value !== 'string') throw new Error(`${field} of ${snapshot.ref.path} is not text: ${JSON.stringify(value)}`);
  return value;
}
