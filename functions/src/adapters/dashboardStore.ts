import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  dashboardCountedPath,
  dashboardCountedSchema,
  dashboardShardId,
  dashboardShardPath,
  decode,
  interactionSchema,
  tryDecode,
  type DashboardContribution,
} from '@interaction-history/model';
import { dashboardContributionOf, sameContribution, shardChangeFor, type ShardChange, type TallyChange } from '../domain/dashboardCounts.js';

export type DashboardSyncResult =
  /** Counted for the first time, or again after it had been taken out. */
  | 'counted'
  /** Moved: counted elsewhere before (the worker became known, the outcome changed). */
  | 'moved'
  /** Taken out: the interaction is gone. */
  | 'removed'
  /** Already counted where it belongs (a redelivered or stale event). */
  | 'unchanged'
  /** The interaction does not decode: counters left as they are, and said so. */
  | 'unreadable';

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
 * Brings the dashboard in line with the interaction at `interactionPath` as
 * it is now, whatever event woke us: the marker `dashboardCounted/{taskSid}`
 * records where the interaction is counted; the transaction reads it and the
 * interaction, takes back the old contribution and adds the new one when
 * they differ, and rewrites the marker. A redelivered, late or reordered
 * event therefore finds nothing to do; a deletion takes back exactly what
 * was added (and removes the marker: an absent marker and an absent
 * interaction agree, so a stale event after it finds nothing to do, and
 * markers never outnumber interactions); an interaction updated later (the
 * worker became known) moves.
 * Shards are only ever incremented, never read, so concurrent completions do
 * not contend on them.
 */
export async function syncDashboard(db: Firestore, interactionPath: string, taskSid: string, timeZone: string): Promise<DashboardSyncResult> {
  const markerRef = db.doc(dashboardCountedPath(taskSid));
  const interactionRef = db.doc(interactionPath);
  return db.runTransaction(async (transaction) => {
    const [marker, current] = await Promise.all([transaction.get(markerRef), transaction.get(interactionRef)]);
    const counted = marker.exists ? decode(dashboardCountedSchema, marker.data(), markerRef.path) : null;
    let wanted: DashboardContribution | null = null;
    let names = { queueName: null as string | null, agentName: null as string | null };
    if (current.exists) {
      const decoded = tryDecode(interactionSchema, current.data());
      if (!decoded.ok) return 'unreadable';
      wanted = dashboardContributionOf(decoded.value, timeZone);
      names = { queueName: decoded.value.queue, agentName: decoded.value.workerName };
    }
    const had = counted?.contribution ?? null;
    if (sameContribution(had, wanted)) return 'unchanged';

    if (had) {
      const takeBack = shardChangeFor(had, -1);
      transaction.set(shardRef(db, takeBack), shardWrite(takeBack, null), { merge: true });
    }
    if (wanted) {
      const add = shardChangeFor(wanted, 1, names);
      transaction.set(shardRef(db, add), shardWrite(add, timeZone), { merge: true });
    }
    if (!wanted) {
      // Counted nowhere now: the marker goes too, so that markers last exactly as long as their interactions.
      transaction.delete(markerRef);
      return 'removed';
    }
    transaction.set(markerRef, { taskSid, state: 'counted', contribution: wanted, countedAt: FieldValue.serverTimestamp() });
    return had ? 'moved' : 'counted';
  });
}
