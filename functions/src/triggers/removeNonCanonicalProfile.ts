import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, customerPath, normalizePhone } from '@interaction-history/model';
import { appendAuditEntryIn } from '../adapters/auditLog.js';
import { SYSTEM_ACTOR } from '../domain/profileAudit.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type ProfileCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string }>;

/**
 * A profile lives only under the canonical E.164 form of its number: no
 * interaction is ever stored under any other id, so a profile elsewhere
 * would be an orphan. The rules refuse the forms they can recognise; this
 * removes whatever else gets through (and anything an admin tool wrote),
 * with an audit entry naming who created it and the canonical form.
 */
export async function handleProfileCreated(event: ProfileCreatedEvent): Promise<void> {
  const { phone } = event.params;
  const canonical = normalizePhone(phone);
  if (canonical === phone || !event.data) return;
  const db = firestore();
  const ref = db.doc(customerPath(phone));
  const removed = await db.runTransaction(async (transaction) => {
    const profile = await transaction.get(ref);
    // Already removed (a redelivered event): its entry was written with the removal.
    if (!profile.exists) return false;
    const createdBy = profile.get('createdBy') as unknown;
    const createdByRole = profile.get('createdByRole') as unknown;
    transaction.delete(ref);
    appendAuditEntryIn(
      transaction,
      db,
      {
        action: 'profileRemovedNonCanonical',
        actor: SYSTEM_ACTOR,
        subject: customerPath(phone),
        changes: [
          { field: 'createdBy', before: typeof createdBy === 'string' ? createdBy : null, after: null },
          { field: 'createdByRole', before: typeof createdByRole === 'string' ? createdByRole : null, after: null },
        ],
        note: canonical ? `not the canonical form of ${canonical}` : 'not a valid phone number',
      },
      `noncanonical-${event.id}`,
    );
    return true;
  });
  if (removed) logs.nonCanonicalProfileRemoved(phone, canonical);
}

export const removeNonCanonicalProfile = onDocumentCreated(
  { document: `${COLLECTIONS.customers}/{phone}`, retry: true },
  handleProfileCreated,
);
