import type { QuerySnapshot } from 'firebase/firestore';

/** The decoded documents of a snapshot, and the paths of those that did not decode (left out and said, never a blank view). */
export interface Decoded<T> {
  readonly items: readonly T[];
  readonly unreadable: readonly string[];
}

export function readAll<T>(snapshot: QuerySnapshot<T>, what: string): Decoded<T> {
  const items: T[] = [];
  const unreadable: string[] = [];
  for (const document of snapshot.docs) {
    try {
      items.push(document.data());
    } catch (error) {
      console.error(`[interaction-history] ${what} could not be read`, error);
      unreadable.push(document.ref.path);
    }
  }
  return { items, unreadable };
}
