import {
  deleteField,
  doc,
  getDoc,
  onSnapshot,
  runTransaction,
  serverTimestamp,
  updateDoc,
  writeBatch,
  type DocumentReference,
  type Firestore,
  type Unsubscribe,
} from 'firebase/firestore';
import {
  customerPath,
  customerStatsPath,
  profileDeletionPath,
  type Author,
  type Customer,
  type CustomerProfileInput,
  type CustomerStats,
} from '@interaction-history/model';
import { customerConverter, customerStatsConverter } from './converters.js';

export class DuplicateCustomerError extends Error {
  constructor(readonly phone: string) {
    super(`A customer with ${phone} already exists.`);
    this.name = 'DuplicateCustomerError';
  }
}

/** Listens to one document; `null` while it does not exist. Returns the unsubscribe. */
export function subscribeToDocument<T>(
  ref: DocumentReference<T>,
  onData: (value: T | null) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return onSnapshot(
    ref,
    (snapshot) => {
      let value: T | null;
      try {
        value = snapshot.exists() ? snapshot.data() : null;
      } catch (error) {
        // A document that does not match its schema is an error the tab shows, never a half-read value.
        console.error('[interaction-history] a document could not be read', error);
        onError(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      onData(value);
    },
    onError,
  );
}

/** Live profile of one phone; `null` while no customer is saved for it. */
export const subscribeToCustomer = (
  db: Firestore,
  phone: string,
  onData: (customer: Customer | null) => void,
  onError: (error: Error) => void,
): Unsubscribe => subscribeToDocument(doc(db, customerPath(phone)).withConverter(customerConverter), onData, onError);

/** Live summary kept by the stats trigger; `null` before the first interaction. */
export const subscribeToCustomerStats = (
  db: Firestore,
  phone: string,
  onData: (stats: CustomerStats | null) => void,
  onError: (error: Error) => void,
): Unsubscribe => subscribeToDocument(doc(db, customerStatsPath(phone)).withConverter(customerStatsConverter), onData, onError);

const isPermissionDenied = (error: unknown) => (error as { code?: string } | null)?.code === 'permission-denied';

/**
 * Creates the profile only if the phone has none. The rules refuse a second
 * profile too (a write over an existing one counts as an update), so a
 * refusal is double-checked and reported as the duplicate it is.
 */
export async function createCustomer(db: Firestore, phone: string, profile: CustomerProfileInput, author: Author): Promise<void> {
  const ref = doc(db, customerPath(phone));
  try {
    await runTransaction(db, async (transaction) => {
      if ((await transaction.get(ref)).exists()) throw new DuplicateCustomerError(phone);
      transaction.set(ref, { ...profile, phone, createdAt: serverTimestamp(), createdBy: author.uid, createdByRole: author.role });
    });
  } catch (error) {
    if (isPermissionDenied(error)) {
      const existing = await getDoc(ref).catch(() => null);
      if (existing?.exists()) throw new DuplicateCustomerError(phone);
    }
    throw error;
  }
}

/** Changes profile fields; a blank optional field is removed. Stamps who and when, as the rules require (the audit trail reads the stamp). */
export async function updateCustomer(db: Firestore, phone: string, profile: CustomerProfileInput, author: Author): Promise<void> {
  await updateDoc(doc(db, customerPath(phone)), {
    firstName: profile.firstName,
    lastName: profile.lastName,
    email: profile.email ?? deleteField(),
    accountId: profile.accountId ?? deleteField(),
    updatedAt: serverTimestamp(),
    updatedBy: author.uid,
    updatedByRole: author.role,
  });
}

/**
 * Deletes the profile (admins only, by the rules); interactions stay on
 * record. The deletion's stamp (who, in what role) goes in the same batch:
 * the rules refuse a delete without it, and the audit trigger reads it.
 */
export async function deleteCustomer(db: Firestore, phone: string, author: Author): Promise<void> {
  const batch = writeBatch(db);
  batch.set(doc(db, profileDeletionPath(phone)), { deletedBy: author.uid, deletedByRole: author.role, deletedAt: serverTimestamp() });
  batch.delete(doc(db, customerPath(phone)));
  await batch.commit();
}
