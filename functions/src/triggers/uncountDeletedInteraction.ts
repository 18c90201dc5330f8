import { onDocumentDeleted, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, interactionSchema, tryDecode } from '@interaction-history/model';
import { uncountInteractionOnce } from '../adapters/statsStore.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type InteractionDeletedEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string; taskSid: string }>;

/**
 * Keeps `customerStats/{phone}` in step when an interaction goes: expired by
 * the retention TTL policy, or erased. Decrements rather than recounting the
 * whole history (a recount reads every interaction at each deletion); only
 * when the latest interaction goes is the newest remaining one read.
 */
export async function handleInteractionDeleted(event: InteractionDeletedEvent): Promise<void> {
  if (!event.data) return;
  const decoded = tryDecode(interactionSchema, event.data.data());
  if (!decoded.ok) {
    logs.documentUnreadable(event.data.ref.path, decoded.problems);
    return;
  }
  const { phone, taskSid } = event.params;
  const result = await uncountInteractionOnce(firestore(), { ...decoded.value, customerPhone: phone, taskSid });
  if (result.uncounted) logs.statsUncounted(phone, taskSid, result.stats?.interactionCount ?? 0);
}

export const uncountDeletedInteraction = onDocumentDeleted(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    // Uncounting is idempotent per TaskSid (its marker goes with it), so a retried run never counts out twice.
    retry: true,
  },
  handleInteractionDeleted,
);
