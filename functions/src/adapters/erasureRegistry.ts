import { FieldValue, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import { decode, erasurePath, erasureSchema, type Actor, type E164, type Erasure } from '@interaction-history/model';
import { phoneHash, registryExpiry } from '../domain/erasure.js';

/**
 * The erasure registry, `erasures/{keyed hash}`: what capture asks before
 * storing, and what erase and suppression change. It never holds a number.
 */
export interface ErasureRegistry {
  hashOf(phone: E164): string;
  /** The entries of those numbers that have one. */
  entriesFor(phones: readonly E164[]): Promise<Erasure[]>;
  entryFor(phone: E164): Promise<Erasure | null>;
  /** Records an erase now (and a suppression when asked; an existing suppression is kept). Answers whether suppression changed. */
  recordErasure(phone: E164, actor: Actor, suppress: boolean, now: Date): Promise<{ suppressionChanged: boolean }>;
  /** Records that the erase registered last has deleted and redacted everything. */
  recordErasureFinished(phone: E164): Promise<void>;
  /** Sets or lifts suppression; answers whether it changed. */
  setSuppression(phone: E164, suppressed: boolean, actor: Actor, now: Date): Promise<{ changed: boolean }>;
}

export function firestoreErasureRegistry(db: Firestore, hashKey: string): ErasureRegistry {
  const hashOf = (phone: E164) => phoneHash(phone, hashKey);
  const refOf = (phone: E164) => db.doc(erasurePath(hashOf(phone)));
  const read = (snapshot: DocumentSnapshot): Erasure | null =>
    snapshot.exists ? decode(erasureSchema, snapshot.data(), snapshot.ref.path) : null;
  const EMPTY: Erasure = { erasedAt: null, erasureFinishedAt: null, erasedBy: null, suppressed: false, suppressionChangedAt: null, suppressionChangedBy: null, expireAt: null };

  return {
    hashOf,
    async entriesFor(phones) {
      if (phones.length === 0) return [];
      const snapshots = await db.getAll(...phones.map(refOf));
      return snapshots.map(read).filter((entry): entry is Erasure => entry !== null);
    },
    async entryFor(phone) {
      return read(await refOf(phone).get());
    },
    recordErasure(phone, actor, suppress, now) {
      const ref = refOf(phone);
      return db.runTransaction(async (transaction) => {
        const previous = read(await transaction.get(ref)) ?? EMPTY;
        const suppressed = previous.suppressed || suppress;
        const suppressionChanged = suppressed !== previous.suppressed;
        const next: Erasure = {
          ...previous,
          erasedAt: now,
          erasureFinishedAt: null,
          erasedBy: actor,
          suppressed,
          ...(suppressionChanged ? { suppressionChangedAt: now, suppressionChangedBy: actor } : {}),
          expireAt: null,
        };
        // erasedAt is the commit time, Firestore's clock: the audit trigger compares it with the time a profile change committed.
        transaction.set(ref, { ...next, erasedAt: FieldValue.serverTimestamp(), expireAt: registryExpiry(next, now) });
        return { suppressionChanged };
      });
    },
    async recordErasureFinished(phone) {
      await refOf(phone).update({ erasureFinishedAt: FieldValue.serverTimestamp() });
    },
    setSuppression(phone, suppressed, actor, now) {
      const ref = refOf(phone);
      return db.runTransaction(async (transaction) => {
        const previous = read(await transaction.get(ref)) ?? EMPTY;
        if (previous.suppressed === suppressed) return { changed: false };
        const next: Erasure = { ...previous, suppressed, suppressionChangedAt: now, suppressionChangedBy: actor, expireAt: null };
        transaction.set(ref, { ...next, expireAt: registryExpiry(next, now) });
        return { changed: true };
      });
    },
  };
}
