import { Timestamp } from 'firebase-admin/firestore';
import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { COLLECTIONS } from '@interaction-history/model';
import { countInteractionOnce } from '../adapters/statsStore.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type InteractionCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string; taskSid: string }>;

/** Keeps `customerStats/{phone}` in step with the interactions stored for that phone. */
export async function handleInteractionCreated(event: InteractionCreatedEvent): Promise<void> {
  const data = event.data?.data();
  if (!data) return;
  const completedAt: unknown = data['completedAt'];
  const { phone, taskSid } = event.params;
  const result = await countInteractionOnce(firestore(), {
    customerPhone: phone,
    taskSid,
    completedAt: completedAt instanceof Timestamp ? completedAt.toDate() : new Date(0),
    outcome: typeof data['outcome'] === 'string' ? data['outcome'] : null,
  });
  if (result.counted) logs.statsUpdated(phone, taskSid, result.stats.interactionCount);
  else logs.statsAlreadyCounted(phone, taskSid);
}

export const updateCustomerStats = onDocumentCreated(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    // A failed run is delivered again; counting is idempotent per TaskSid, so a retry never counts twice.
    retry: true,
  },
  handleInteractionCreated,
);
