import type { Firestore } from 'firebase-admin/firestore';
import {
  countedInteractionPath,
  customerStatsPath,
  customerStatsSchema,
  decode,
  type CustomerStats,
  type Interaction,
} from '@interaction-history/model';
import { addInteractionToStats, EMPTY_STATS } from '../domain/customerStats.js';

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
