import {
  collection,
  limit,
  onSnapshot,
  orderBy,
  query,
  startAfter,
  type Firestore,
  type QueryDocumentSnapshot,
  type Unsubscribe,
} from 'firebase/firestore';
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
  /** The size of one query; `count` is read a page at a time. Defaults to `count` (one page). */
  readonly pageSize?: number;
}

type InteractionSnapshot = QueryDocumentSnapshot<Interaction>;

/**
 * Listens to a customer's newest interactions, a page at a time: each page
 * is its own live query of `pageSize + 1` documents starting after the last
 * document of the page before (the extra one only tells whether there is
 * more). The rules refuse any larger query, so a long history is never read
 * whole, and opening one costs the same as opening a short one. When a page
 * shifts (a new interaction arrives at the top), the pages after it follow
 * from its new last document. Returns the unsubscribe function.
 */
export function subscribeToHistory(
  { db, phone, count, pageSize = count }: HistoryQuery,
  onData: (window: HistoryWindow) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  const pagesWanted = Math.max(1, Math.ceil(count / pageSize));
  const history = collection(db, interactionsPath(phone)).withConverter(interactionConverter);
  /** Per page: its documents once heard, and the id of the document it starts after. */
  const pages: { docs?: readonly InteractionSnapshot[]; fromCache?: boolean; after: string | null; stop: Unsubscribe }[] = [];
  let closed = false;

  const stopFrom = (index: number) => {
    for (const page of pages.splice(index)) page.stop();
  };

  const emit = () => {
    const heard = pages.map((page) => page.docs);
    if (heard.some((docs) => docs === undefined)) return;
    // A page may first answer from what the browser already holds (say, the documents of the page before),
    // which can be a partial page: with older pages open, wait until every page has the server's answer.
    if (pages.length > 1 && pages.some((page) => page.fromCache !== false)) return;
    const last = heard.at(-1) ?? [];
    const shown = heard.flatMap((docs = []) => docs.slice(0, pageSize)).slice(0, count);
    const interactions: Interaction[] = [];
    const unreadable: string[] = [];
    for (const document of shown) {
      try {
        interactions.push(document.data());
      } catch (error) {
        // One malformed record must not hide a customer's whole history: leave it out and say which.
        console.error('[interaction-history] an interaction could not be read', error);
        unreadable.push(document.ref.path);
      }
    }
    onData({ interactions, hasMore: last.length > pageSize, unreadable });
  };

  const listen = (index: number, after: InteractionSnapshot | null) => {
    stopFrom(index);
    const page = query(history, orderBy('completedAt', 'desc'), ...(after ? [startAfter(after)] : []), limit(pageSize + 1));
    const entry: (typeof pages)[number] = { after: after?.id ?? null, stop: () => undefined };
    pages[index] = entry;
    entry.stop = onSnapshot(
      page,
      // Metadata changes too: the server's answer may hold the same documents as the cached one and still has to be heard.
      { includeMetadataChanges: true },
      (snapshot) => {
        if (closed || pages[index] !== entry) return;
        entry.docs = snapshot.docs;
        entry.fromCache = snapshot.metadata.fromCache;
        const boundary = snapshot.docs[pageSize - 1];
        const next = pages[index + 1];
        if (index + 1 < pagesWanted && snapshot.docs.length > pageSize && boundary) {
          // The next page follows this one's last document; it is read again only when that document changed.
          if (next?.after !== boundary.id) listen(index + 1, boundary);
        } else {
          stopFrom(index + 1);
        }
        emit();
      },
      onError,
    );
  };

  listen(0, null);
  return () => {
    closed = true;
    stopFrom(0);
  };
}
