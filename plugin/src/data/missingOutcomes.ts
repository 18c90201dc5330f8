import { collectionGroup, limit, onSnapshot, orderBy, query, where, type Firestore, type QueryConstraint, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS, type Interaction } from '@interaction-history/model';
import { interactionConverter } from './converters.js';
import { readAll, type Decoded } from './readAll.js';

export interface MissingOutcomesQuery {
  readonly db: Firestore;
  /** Completed at or after this instant. */
  readonly since: Date;
  /** Only this queue (by name, as interactions hold it), or every queue. */
  readonly queue: string | null;
  /** Only this agent (worker SID), or every agent. */
  readonly workerSid: string | null;
  readonly count: number;
}

/**
 * Listens to the newest interactions stored without a reason code: a page of
 * them (`count`), never all interactions. Indexed in firestore.indexes.json.
 */
export function subscribeToMissingOutcomes(
  { db, since, queue, workerSid, count }: MissingOutcomesQuery,
  onData: (interactions: Decoded<Interaction>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const filters: QueryConstraint[] = [where('outcome', '==', null)];
  if (queue !== null) filters.push(where('queue', '==', queue));
  if (workerSid !== null) filters.push(where('workerSid', '==', workerSid));
  const newestFirst = query(
    collectionGroup(db, COLLECTIONS.interactions).withConverter(interactionConverter),
    ...filters,
    where('completedAt', '>=', since),
    orderBy('completedAt', 'desc'),
    limit(count),
  );
  return onSnapshot(newestFirst, (snapshot) => onData(readAll(snapshot, 'an interaction without outcome')), onError);
}
