import type { Firestore } from 'firebase-admin/firestore';
import {
  countedInteractionPath,
  customerStatsPath,
  customerStatsSchema,
  decode,
  interactionPath,
  interactionSchema,
  interactionsPath,
  tryDecode,
  type CustomerStats,
  type Interaction,
} from '@interaction-history/model';
import { addInteractionToStats, EMPTY_STATS, removeInteractionFromStats } from '../domain/customerStats.js';

export type CountResult = { readonly counted: true; readonly stats: CustomerStats } | { readonly counted: false };

/**
 * Counts an interaction into its customer's stats once: a marker document
 * per TaskSid, written in the same transaction as the stats, makes a
 * redelivered trigger event a no-op. Concurrent counts for one customer
 * serialise on the stats document, so none is lost.
 */
export async function countInteractionOnce(
  db: Firestore,
  interaction: Pick<Interaction, 'customerPhone' | 'taskSid' | 'completedAt' | 'outcome'>,
): Promise<CountResult> {
  const statsRef = db.doc(customerStatsPath(interaction.customerPhone));
  const markerRef = db.doc(countedInteractionPath(interaction.customerPhone, interaction.taskSid));
  return db.runTransaction(
    async (transaction) => {
      const marker = await transaction.get(markerRef);
      if (marker.exists) return { counted: false } as const;
      // Erased or expired before this ran: counting it now would bring back stats that the deletion emptied.
      const stored = await transaction.get(db.doc(interactionPath(interaction.customerPhone, interaction.taskSid)));
      if (!stored.exists) return { counted: false } as const;
      const stats = await transaction.get(statsRef);
      // A stats document that does not decode fails the run (and is retried) rather than being counted over.
      const previous = stats.exists ? decode(customerStatsSchema, stats.data(), statsRef.path) : EMPTY_STATS;
      const next = addInteractionToStats(previous, interaction);
      transaction.set(statsRef, next);
      transaction.create(markerRef, { countedAt: new Date() });
      return { counted: true, stats: next } as const;
    },
    // A hot customer gets many completions at once; each retry waits on the lock, so allow plenty.
    { maxAttempts: 50 },
  );
}

export type UncountResult = { readonly uncounted: true; readonly stats: CustomerStats | null } | { readonly uncounted: false };

/**
 * Counts a deleted interaction (erased, or expired by the TTL policy) out of
 * its customer's stats once: its marker goes in the same transaction, so a
 * redelivered event finds none and changes nothing. The markers therefore
 * last only as long as their interactions. Stats that reach zero are deleted.
 */
export async function uncountInteractionOnce(
  db: Firestore,
  interaction: Pick<Interaction, 'customerPhone' | 'taskSid' | 'completedAt' | 'outcome'>,
): Promise<UncountResult> {
  const statsRef = db.doc(customerStatsPath(interaction.customerPhone));
  const markerRef = db.doc(countedInteractionPath(interaction.customerPhone, interaction.taskSid));
  const newestQuery = db.collection(interactionsPath(interaction.customerPhone)).orderBy('completedAt', 'desc').limit(1);
  return db.runTransaction(
    async (transaction) => {
      const marker = await transaction.get(markerRef);
      if (!marker.exists) return { uncounted: false } as const;
      const stats = await transaction.get(statsRef);
      const newest = await transaction.get(newestQuery);
      transaction.delete(markerRef);
      // An erase removes the stats first: never write them back.
      if (!stats.exists) return { uncounted: true, stats: null } as const;
      const previous = decode(customerStatsSchema, stats.data(), statsRef.path);
      const newestDocument = newest.docs[0];
      const remaining = newestDocument ? tryDecode(interactionSchema, newestDocument.data()) : null;
      const next = removeInteractionFromStats(previous, interaction, remaining?.ok ? remaining.value : null);
      if (next === null) transaction.delete(statsRef);
      else transaction.set(statsRef, next);
      return { uncounted: true, stats: next } as const;
    },
    { maxAttempts: 50 },
  );
}
