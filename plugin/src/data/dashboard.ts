/**
 * The supervisors' dashboard reads the counters the dashboard trigger keeps,
 * never the interactions: a day costs at most DASHBOARD_SHARD_COUNT document
 * reads, a range that many per day, whatever the number of interactions.
 */
import { collectionGroup, limit, onSnapshot, orderBy, query, where, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS, DASHBOARD_SHARD_COUNT, type DashboardShard } from '@interaction-history/model';
import { dashboardShardConverter } from './converters.js';
import { readAll, type Decoded } from './readAll.js';

export interface DayRange {
  /** First and last centre-day, `YYYY-MM-DD`, both included. */
  readonly first: string;
  readonly last: string;
  readonly days: number;
}

/** Listens to every shard of every day in the range (a collection-group query on the days' `day` field). */
export function subscribeToDashboard(
  db: Firestore,
  range: DayRange,
  onData: (shards: Decoded<DashboardShard>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const shards = query(
    collectionGroup(db, COLLECTIONS.dashboardShards).withConverter(dashboardShardConverter),
    where('day', '>=', range.first),
    where('day', '<=', range.last),
    orderBy('day'),
    // The most there can be; a bound all the same, so a mistake can never read without end.
    limit(range.days * DASHBOARD_SHARD_COUNT),
  );
  return onSnapshot(shards, (snapshot) => onData(readAll(snapshot, 'a dashboard shard')), onError);
}
