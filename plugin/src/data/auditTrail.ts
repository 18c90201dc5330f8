import { collection, limit, onSnapshot, orderBy, query, where, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS, customerPath, type AuditEntry } from '@interaction-history/model';
import { auditEntryConverter } from './converters.js';

export interface ProfileChanges {
  /** Newest first. */
  readonly entries: readonly AuditEntry[];
  /** Paths of entries that do not match the audit schema: left out, and said. */
  readonly unreadable: readonly string[];
}

/** How many of a profile's last changes the tab shows: a bounded page, as the rules require. */
export const PROFILE_CHANGES_SHOWN = 10;

/**
 * Listens to the last changes recorded for one profile (admins only, by the
 * rules). Returns the unsubscribe function.
 */
export function subscribeToProfileChanges(
  db: Firestore,
  phone: string,
  onData: (changes: ProfileChanges) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const lastChanges = query(
    collection(db, COLLECTIONS.auditLog).withConverter(auditEntryConverter),
    where('subject', '==', customerPath(phone)),
    orderBy('at', 'desc'),
    limit(PROFILE_CHANGES_SHOWN),
  );
  return onSnapshot(
    lastChanges,
    (snapshot) => {
      const entries: AuditEntry[] = [];
      const unreadable: string[] = [];
      for (const document of snapshot.docs) {
        try {
          entries.push(document.data());
        } catch (error) {
          console.error('[interaction-history] an audit entry could not be read', error);
          unreadable.push(document.ref.path);
        }
      }
      onData({ entries, unreadable });
    },
    onError,
  );
}
