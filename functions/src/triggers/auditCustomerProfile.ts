import { onDocumentWritten, type Change, type DocumentSnapshot, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { COLLECTIONS } from '@interaction-history/model';
import { recordProfileWrite } from '../adapters/profileAuditStore.js';
import { ERASURE_HASH_KEY, readErasureHashKey } from '../config.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type ProfileWrittenEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { phone: string }>;

/** Records every create, update and delete of `customers/{phone}` in `auditLog`: who, when, which fields, old and new values. */
export async function handleProfileWritten(event: ProfileWrittenEvent): Promise<void> {
  if (!event.data) return;
  const { phone } = event.params;
  const write = {
    phone,
    eventId: event.id,
    eventTime: new Date(event.time),
    before: event.data.before.exists ? event.data.before.data() : undefined,
    after: event.data.after.exists ? event.data.after.data() : undefined,
  };
  const result = await recordProfileWrite(firestore(), write, readErasureHashKey());
  // The number of an erased customer is not written to the logs either.
  if (result.recorded) logs.profileAudited(result.redacted ? '(erased)' : phone, result.recorded.action, result.recorded.actor.uid);
  else logs.profileAuditSkipped(phone, result.reason);
}

export const auditCustomerProfile = onDocumentWritten(
  {
    document: `${COLLECTIONS.customers}/{phone}`,
    // A failed run is delivered again; the entry's id is the event's, so a retry records it once.
    retry: true,
    // To ask the erasure registry whether the number was erased since the change (its entry is then redacted).
    secrets: [ERASURE_HASH_KEY],
  },
  handleProfileWritten,
);
