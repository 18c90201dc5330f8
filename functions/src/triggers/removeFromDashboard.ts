import { onDocumentDeleted } from 'firebase-functions/v2/firestore';
import { COLLECTIONS } from '@interaction-history/model';
import { removeFromDashboardOnce } from '../adapters/dashboardStore.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';
import type { InteractionEvent } from './addToDashboard.js';

/**
 * Takes a deleted interaction (an erase, a retention TTL expiry, an admin's
 * deletion) back out of the dashboard exactly once. What was added is read
 * from the TaskSid's marker, so the deleted document's content is not needed.
 */
export async function handleInteractionDeletedForDashboard(event: InteractionEvent): Promise<void> {
  const result = await removeFromDashboardOnce(firestore(), event.params.taskSid);
  logs.dashboardRemoved(event.params.taskSid, result);
}

export const removeFromDashboard = onDocumentDeleted(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    retry: true,
  },
  handleInteractionDeletedForDashboard,
);
