/** The dashboard's live data, each through one subscription in `data/`. */
import type { Firestore } from 'firebase/firestore';
import type { CaptureFailureDocument, DashboardShard, Interaction, ReconciliationStatus } from '@interaction-history/model';
import { subscribeToCaptureFailures } from '../../data/captureFailures.js';
import { subscribeToDashboard, type DayRange } from '../../data/dashboard.js';
import { useLive, type Live } from '../../data/live.js';
import { subscribeToMissingOutcomes } from '../../data/missingOutcomes.js';
import type { Decoded } from '../../data/readAll.js';
import { subscribeToReconciliationStatus } from '../../data/reconciliationStatus.js';

export function useDashboardShards(db: Firestore, range: DayRange, sessionEpoch: number): Live<Decoded<DashboardShard>> {
  return useLive<Decoded<DashboardShard>>(
    (onData, onError) => subscribeToDashboard(db, range, onData, onError),
    `${range.first}|${range.last}`,
    // Keep the last period's chart on screen while the next one arrives.
    { sessionEpoch, continuity: 'dashboard' },
  );
}

export interface MissingOutcomeFilter {
  readonly since: Date;
  readonly queue: string | null;
  readonly workerSid: string | null;
}

export function useMissingOutcomes(db: Firestore, filter: MissingOutcomeFilter, count: number, sessionEpoch: number): Live<Decoded<Interaction>> {
  return useLive<Decoded<Interaction>>(
    (onData, onError) => subscribeToMissingOutcomes({ db, ...filter, count }, onData, onError),
    `${filter.since.getTime()}|${filter.queue ?? ''}|${filter.workerSid ?? ''}|${count}`,
    { sessionEpoch, continuity: 'missing' },
  );
}

export function useCaptureFailures(db: Firestore, count: number, sessionEpoch: number): Live<Decoded<CaptureFailureDocument>> {
  return useLive<Decoded<CaptureFailureDocument>>((onData, onError) => subscribeToCaptureFailures(db, count, onData, onError), String(count), {
    sessionEpoch,
  });
}

/** The last reconciliation with TaskRouter's Events API; `null` until one has run. */
export function useReconciliationStatus(db: Firestore, sessionEpoch: number): Live<ReconciliationStatus | null> {
  return useLive<ReconciliationStatus | null>((onData, onError) => subscribeToReconciliationStatus(db, onData, onError), 'reconciliation', {
    sessionEpoch,
  });
}
