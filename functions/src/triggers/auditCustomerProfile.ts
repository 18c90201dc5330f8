import { onDocumentWritten, type Change, type DocumentSnapshot, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { COLLECTIONS } from '@interaction-history/model';
import { recordProfileWrite } from '../adapters/profileAuditStore.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type ProfileWrittenEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { phone: string }>;

/** Records every create, update and delete of `customers/{phone}` in `auditLog`: who, when, which fields, old and new values. */
export async function handleProfileWritten(event: ProfileWrittenEvent): Promise<void> {
  if (!event.data) return;
  const { phone } = event.params;
  const result = await recordProfileWrite(firestore(), {
    phone,
    eventId: event.id,
    eventTime: new Date(event.time),
    before: event.data.before.exists ? event.data.before.data() : undefined,
    after: event.data.after.exists ? event.data.after.data() : undefined,
  });
  if (result.recorded) logs.profileAudited(phone, result.recorded.action, result.recorded.actor.uid);
  else logs.profileAuditSkipped(phone, result.reason);
}

export const auditCustomerProfile = onDocumentWritten(
  {
    document: `${COLLECTIONS.customers}/{phone}`,
    // A failed run is delivered again; the entry's id is the event's, so a retry records it once.
    retry: true,
  },
  handleProfileWritten,
);
