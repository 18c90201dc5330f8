/**
 * Every few minutes (RECONCILIATION_SCHEDULE), read the workspace's events back
 * from TaskRouter's Events API and store whatever the webhook missed, through
 * the webhook's own capture code. TaskRouter documents no retry for workspace
 * callbacks: this is what makes a lost callback a late interaction, not a
 * missing one.
 */
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { firestoreCaptureStore } from '../adapters/captureStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { firestoreReconciliationStatusStore } from '../adapters/reconciliationStatusStore.js';
import { twilioEventsSource } from '../adapters/taskrouterEventsApi.js';
import {
  ERASURE_HASH_KEY,
  readErasureHashKey,
  readEventsApiConfiguration,
  readRetentionDays,
  readPhoneRegion,
  RECONCILIATION_FIRST_LOOKBACK_MINUTES,
  RECONCILIATION_OVERLAP_MINUTES,
  RECONCILIATION_SCHEDULE,
  RECONCILIATION_TIMEOUT_SECONDS,
  TWILIO_ACCOUNT_SID,
  TWILIO_AUTH_TOKEN,
} from '../config.js';
import { firestore } from '../firebase.js';
import { runScheduledReconciliation } from '../use-cases/reconcileTaskrouterEvents.js';

export async function handleScheduledReconciliation(): Promise<void> {
  const db = firestore();
  await runScheduledReconciliation({
    events: twilioEventsSource(readEventsApiConfiguration()),
    // The webhook's own capture context: same retention, same erasure registry (an erased number stays erased).
    capture: {
      store: firestoreCaptureStore(db, { retentionDays: readRetentionDays() }),
      erasures: firestoreErasureRegistry(db, readErasureHashKey()),
      defaultRegion: readPhoneRegion(),
    },
    status: firestoreReconciliationStatusStore(db),
    settings: { overlapMinutes: RECONCILIATION_OVERLAP_MINUTES, firstLookbackMinutes: RECONCILIATION_FIRST_LOOKBACK_MINUTES },
    now: () => new Date(),
  });
}

export const reconcileTaskrouterEvents = onSchedule(
  {
    schedule: RECONCILIATION_SCHEDULE,
    timeoutSeconds: RECONCILIATION_TIMEOUT_SECONDS,
    secrets: [TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, ERASURE_HASH_KEY],
    // Cloud Scheduler need not retry: the next run reads the same period again when this one had errors.
    retryCount: 0,
  },
  handleScheduledReconciliation,
);
