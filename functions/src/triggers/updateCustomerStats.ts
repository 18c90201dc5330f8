import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, interactionSchema, tryDecode } from '@interaction-history/model';
import { countInteractionOnce } from '../adapters/statsStore.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type InteractionCreatedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string; taskSid: string }>;

/** Keeps `customerStats/{phone}` in step with the interactions stored for that phone. */
export async function handleInteractionCreated(event: InteractionCreatedEvent): Promise<void> {
  if (!event.data) return;
  const decoded = tryDecode(interactionSchema, event.data.data());
  if (!decoded.ok) {
    // Retrying cannot mend a malformed document: say which one and why, and count nothing rather than a guess.
    logs.documentUnreadable(event.data.ref.path, decoded.problems);
    return;
  }
  const { phone, taskSid } = event.params;
  const result = await countInteractionOnce(firestore(), { ...decoded.value, customerPhone: phone, taskSid });
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
