import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  dashboardCountedPath,
  dashboardCountedSchema,
  dashboardShardId,
  dashboardShardPath,
  decode,
  type DashboardContribution,
} from '@interaction-history/model';
import { shardChangeFor, type ShardChange, type TallyChange } from '../domain/dashboardCounts.js';

export type DashboardCountResult = 'counted' | 'alreadyCounted';
export type DashboardRemoveResult = 'removed' | 'alreadyRemoved' | 'removedBeforeCounted';

const increment = (by: number) => FieldValue.increment(by);

function tallyFields(change: TallyChange) {
  return {
    ...(change.name !== null ? { name: change.name } : {}),
    interactions: increment(change.interactions),
    missingOutcome: increment(change.missingOutcome),
    ...(change.reasonKey !== null ? { byReason: { [change.reasonKey]: increment(change.interactions) } } : {}),
  };
}

/**
 * The merge-write for one shard. Maps are written only with a key in them:
 * a merge with an empty map would replace the stored map.
 */
export function shardWrite(change: ShardChange, timeZone: string | null) {
  return {
    day: change.day,
    shard: change.shard,
    // Stamped when counting in; a removal leaves the zone the day was counted in.
    ...(timeZone !== null ? { timeZone } : {}),
    interactions: increment(change.interactions),
    missingOutcome: increment(change.missingOutcome),
    ...(change.reasonKey !== null ? { byReason: { [change.reasonKey]: increment(change.interactions) } } : {}),
    ...(change.completedReasonKey !== null
      ? { missingByCompletedReason: { [change.completedReasonKey]: increment(change.interactions) } }
      : {}),
    byQueue: { [change.queue.key]: tallyFields(change.queue) },
    byAgent: { [change.agent.key]: tallyFields(change.agent) },
    updatedAt: FieldValue.serverTimestamp(),
  };
}

const shardRef = (db: Firestore, change: ShardChange) => db.doc(dashboardShardPath(change.day, dashboardShardId(change.shard)));

/**
 * Adds an interaction to its shard once. The transaction reads only the
 * marker and writes the shard with increments, so concurrent completions
 * never contend on reading a shard; the marker makes a redelivered event a
 * no-op.
 */
export async function countInDashboardOnce(
  db: Firestore,
  taskSid: string,
  contribution: DashboardContribution,
  names: { readonly queueName: string | null; readonly agentName: string | null },
  timeZone: string,
): Promise<DashboardCountResult> {
  const markerRef = db.doc(dashboardCountedPath(taskSid));
  return db.runTransaction(async (transaction) => {
    const marker = await transaction.get(markerRef);
    // Counted before, or its deletion was seen first: either way nothing to add.
    if (marker.exists) return 'alreadyCounted';
    const change = shardChangeFor(contribution, 1, names);
    transaction.set(shardRef(db, change), shardWrite(change, timeZone), { merge: true });
    transaction.create(markerRef, { taskSid, state: 'counted', contribution, countedAt: FieldValue.serverTimestamp(), removedAt: null });
    return 'counted';
  });
}

/**
 * Takes a deleted interaction back out exactly once, using what its marker
 * says was added (not the current time zone setting). A deletion seen before
 * the creation leaves a `removed` marker so the late creation counts nothing.
 */
export async function removeFromDashboardOnce(db: Firestore, taskSid: string): Promise<DashboardRemoveResult> {
  const markerRef = db.doc(dashboardCountedPath(taskSid));
  return db.runTransaction(async (transaction) => {
    const marker = await transaction.get(markerRef);
    if (!marker.exists) {
      transaction.create(markerRef, { taskSid, state: 'removed', contribution: null, countedAt: null, removedAt: FieldValue.serverTimestamp() });
      return 'removedBeforeCounted';
    }
    // A marker that does not decode fails the run (and is retried) rather than being guessed at.
    const counted = decode(dashboardCountedSchema, marker.data(), markerRef.path);
    if (counted.state === 'removed' || counted.contribution === null) return 'alreadyRemoved';
    const change = shardChangeFor(counted.contribution, -1);
    transaction.set(shardRef(db, change), shardWrite(change, null), { merge: true });
    transaction.update(markerRef, { state: 'removed', removedAt: FieldValue.serverTimestamp() });
    return 'removed';
  });
}
