import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, interactionSchema, tryDecode } from '@interaction-history/model';
import * as z from 'zod/mini';
import { countInDashboardOnce } from '../adapters/dashboardStore.js';
import { readCentreTimeZone } from '../config.js';
import { dashboardContributionOf } from '../domain/dashboardCounts.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type InteractionEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string; taskSid: string }>;

/** An interaction as the dashboard reads it: the stored schema, plus what capture records when it can (older documents lack them). */
export const dashboardInteractionSchema = z.extend(interactionSchema, {
  queueSid: z.optional(z.nullable(z.string())),
  taskCompletedReason: z.optional(z.nullable(z.string())),
});

export interface AddToDashboardDependencies {
  /** The centre's time zone (CENTRE_TIME_ZONE), read per event. */
  readonly timeZone: () => string;
}

/** Counts a newly stored interaction into its centre-day's shard, once per TaskSid. */
export const createAddToDashboardHandler = (dependencies: AddToDashboardDependencies) => async (event: InteractionEvent): Promise<void> => {
  if (!event.data) return;
  const decoded = tryDecode(dashboardInteractionSchema, event.data.data());
  if (!decoded.ok) {
    // Retrying cannot mend a malformed document: say which one and why, and count nothing rather than a guess.
    logs.documentUnreadable(event.data.ref.path, decoded.problems);
    return;
  }
  const interaction = { ...decoded.value, taskSid: event.params.taskSid };
  const timeZone = dependencies.timeZone();
  const contribution = dashboardContributionOf(interaction, timeZone);
  const result = await countInDashboardOnce(
    firestore(),
    interaction.taskSid,
    contribution,
    { queueName: interaction.queue, agentName: interaction.workerName },
    timeZone,
  );
  logs.dashboardCounted(interaction.taskSid, contribution.day, contribution.shard, result);
};

export const handleInteractionCreatedForDashboard = createAddToDashboardHandler({ timeZone: readCentreTimeZone });

export const addToDashboard = onDocumentCreated(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    // A failed run is delivered again; the marker makes counting idempotent per TaskSid.
    retry: true,
  },
  handleInteractionCreatedForDashboard,
);
