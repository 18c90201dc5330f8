/** The reason-code lists in Firestore: read live by agents, edited by admins (the rules let only admins write). */
import { collection, doc, onSnapshot, serverTimestamp, setDoc, type Firestore, type Unsubscribe } from 'firebase/firestore';
import { COLLECTIONS, reasonCodeListPath, type ReasonCode, type ReasonCodeList } from '@interaction-history/model';
import { reasonCodeListConverter } from './converters.js';
import type { Decoded } from './readAll.js';

export interface StoredReasonCodeList {
  /** `global` or the queue's SID. */
  readonly id: string;
  readonly list: ReasonCodeList;
}

/** One list (`global` or a queue SID), or null while none is stored. */
export function subscribeToReasonCodeList(
  db: Firestore,
  listId: string,
  onData: (list: ReasonCodeList | null) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return onSnapshot(
    doc(db, reasonCodeListPath(listId)).withConverter(reasonCodeListConverter),
    (snapshot) => {
      try {
        onData(snapshot.exists() ? snapshot.data() : null);
      } catch (error) {
        onError(error instanceof Error ? error : new Error(String(error)));
      }
    },
    onError,
  );
}

/** Every stored list, for the editor (a handful of small documents). */
export function subscribeToReasonCodeLists(
  db: Firestore,
  onData: (lists: Decoded<StoredReasonCodeList>) => void,
  onError: (error: Error) => void,
): Unsubscribe {
  return onSnapshot(
    collection(db, COLLECTIONS.reasonCodeLists).withConverter(reasonCodeListConverter),
    (snapshot) => {
      const items: StoredReasonCodeList[] = [];
      const unreadable: string[] = [];
      for (const document of snapshot.docs) {
        try {
          items.push({ id: document.id, list: document.data() });
        } catch (error) {
          console.error('[interaction-history] a reason-code list could not be read', error);
          unreadable.push(document.ref.path);
        }
      }
      onData({ items, unreadable });
    },
    onError,
  );
}

export interface ReasonCodeListWrite {
  readonly scope: 'global' | 'queue';
  readonly queueName?: string | null;
  readonly codes: readonly ReasonCode[] | null;
  readonly reasonCodeRequired?: boolean;
}

/** Saves a whole list as the admin sees it; stamped with who and when. */
export function saveReasonCodeList(db: Firestore, listId: string, uid: string, list: ReasonCodeListWrite): Promise<void> {
  return setDoc(doc(db, reasonCodeListPath(listId)), {
    scope: list.scope,
    ...(list.scope === 'queue' ? { queueName: list.queueName ?? null, reasonCodeRequired: list.reasonCodeRequired ?? true } : {}),
    codes: list.codes ? list.codes.map(({ id, label, active }) => ({ id, label, active })) : null,
    updatedAt: serverTimestamp(),
    updatedBy: uid,
  });
}
