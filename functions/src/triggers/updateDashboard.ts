import { onDocumentWritten, type Change, type DocumentSnapshot, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, interactionPath } from '@interaction-history/model';
import { syncDashboard } from '../adapters/dashboardStore.js';
import { readCentreTimeZone } from '../config.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type InteractionWrittenEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { phone: string; taskSid: string }>;

export interface UpdateDashboardDependencies {
  /** The centre's time zone (CENTRE_TIME_ZONE), read per event. */
  readonly timeZone: () => string;
}

/**
 * Keeps the supervisors' dashboard counters in line with an interaction on
 * every write: stored (counted), updated (moved when the worker becomes
 * known), deleted by an erase or a TTL expiry (taken back out). The event's
 * snapshots are not trusted for order: the current document is read.
 */
export const createUpdateDashboardHandler =
  (dependencies: UpdateDashboardDependencies) =>
  async (event: InteractionWrittenEvent): Promise<void> => {
    const { phone, taskSid } = event.params;
    const path = interactionPath(phone, taskSid);
    const result = await syncDashboard(firestore(), path, taskSid, dependencies.timeZone());
    if (result === 'unreadable') logs.documentUnreadable(path, ['the dashboard left its counters as they were']);
    else logs.dashboardSynced(taskSid, result);
  };

export const handleInteractionWrittenForDashboard = createUpdateDashboardHandler({ timeZone: readCentreTimeZone });

export const updateDashboard = onDocumentWritten(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    // A failed run is delivered again; syncing is idempotent, so a retry never counts twice.
    retry: true,
  },
  handleInteractionWrittenForDashboard,
);
