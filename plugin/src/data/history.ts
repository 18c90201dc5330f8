import { collection, limit, onSnapshot, orderBy, query, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { interactionsPath, type Interaction } from '@interaction-history/model';
import { interactionConverter } from './timestamps.js';

export interface HistoryWindow {
  /** Newest first, at most `count` of them. */
  readonly interactions: readonly Interaction[];
  /** True when older interactions exist beyond the window. */
  readonly hasMore: boolean;
}

export interface HistoryQuery {
  readonly db: Firestore;
  readonly phone: string;
  /** How many of the newest interactions to keep live; grows by a page when the agent loads older ones. */
  readonly count: number;
}

/**
 * Listens to a customer's newest interactions. Reads `count + 1` documents
 * whatever the history's size, so opening a long history costs the same as a
 * short one; the extra document only tells whether there is more.
 * Returns the unsubscribe function.
 */
export function subscribeToHistory(
  { db, phone, count }: HistoryQuery,
  onData: (window: HistoryWindow) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const newestFirst = query(
    collection(db, interactionsPath(phone)).withConverter(interactionConverter),
    orderBy('completedAt', 'desc'),
    limit(count + 1),
  );
  return onSnapshot(
    newestFirst,
    (snapshot) => {
      const interactions = snapshot.docs.map((document) => document.data());
      onData({ interactions: interactions.slice(0, count), hasMore: interactions.length > count });
    },
    onError,
  );
}
