import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import { COLLECTIONS, type AuditEntry } from '@interaction-history/model';

/** An entry as the functions write it; the time is the server's. */
export type NewAuditEntry = Omit<AuditEntry, 'at'>;

/** `entryId`, when given, makes the entry idempotent (a redelivered trigger writes it once); otherwise Firestore picks one. */
function newEntry(db: Firestore, entry: NewAuditEntry, entryId?: string) {
  const collection = db.collection(COLLECTIONS.auditLog);
  return { ref: entryId ? collection.doc(entryId) : collection.doc(), document: { ...entry, at: FieldValue.serverTimestamp() } };
}

/** Appends an entry to `auditLog` on its own. */
export async function appendAuditEntry(db: Firestore, entry: NewAuditEntry): Promise<void> {
  const { ref, document } = newEntry(db, entry);
  await ref.create(document);
}

/** Appends an entry inside the caller's transaction, so that a change and its record land together or not at all. */
export function appendAuditEntryIn(transaction: Transaction, db: Firestore, entry: NewAuditEntry, entryId?: string): void {
  const { ref, document } = newEntry(db, entry, entryId);
  transaction.create(ref, document);
}

/**
 * Appends an entry under a given id, once: a trigger passes its event id, so
 * that a redelivered event finds the entry there and adds no second one.
 * Answers false when the entry already existed.
 */
export async function appendAuditEntryOnce(db: Firestore, entryId: string, entry: NewAuditEntry): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.auditLog).doc(entryId).create({ ...entry, at: FieldValue.serverTimestamp() });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 6) return false; // ALREADY_EXISTS
    throw error;
  }
}
