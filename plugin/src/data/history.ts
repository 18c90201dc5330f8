import { collection, limit, onSnapshot, orderBy, query, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { interactionsPath, type Interaction } from '@interaction-history/model';
import { interactionConverter } from './converters.js';

export interface HistoryWindow {
  /** Newest first, at most `count` of them. */
  readonly interactions: readonly Interaction[];
  /** True when older interactions exist beyond the window. */
  readonly hasMore: boolean;
  /** Paths of documents in the window that do not match the interaction schema: left out, and said. */
  readonly unreadable: readonly string[];
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
      const interactions: Interaction[] = [];
      const unreadable: string[] = [];
      for (const document of snapshot.docs.slice(0, count)) {
        try {
          interactions.push(document.data());
        } catch (error) {
          // One malformed record must not hide a customer's whole history: leave it out and say which.
          console.error('[interaction-history] an interaction could not be read', error);
          unreadable.push(document.ref.path);
        }
      }
      onData({ interactions, hasMore: snapshot.docs.length > count, unreadable });
    },
    onError,
  );
}
