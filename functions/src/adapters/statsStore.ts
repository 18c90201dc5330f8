import { Timestamp, type DocumentData, type Firestore } from 'firebase-admin/firestore';
import { countedInteractionPath, customerStatsPath, type CustomerStats, type Interaction } from '@interaction-history/model';
import { addInteractionToStats, EMPTY_STATS } from '../domain/customerStats.js';

export type CountResult = { readonly counted: true; readonly stats: CustomerStats } | { readonly counted: false };

function fromStored(data: DocumentData | undefined): CustomerStats {
  if (!data) return EMPTY_STATS;
  const last: unknown = data['lastInteractionAt'];
  return {
    interactionCount: Number(data['interactionCount'] ?? 0),
    missingOutcomeCount: Number(data['missingOutcomeCount'] ?? 0),
    lastInteractionAt: last instanceof Timestamp ? last.toDate() : null,
    lastOutcome: typeof data['lastOutcome'] === 'string' ? data['lastOutcome'] : null,
  };
}

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
      const next = addInteractionToStats(fromStored(stats.data()), interaction);
      transaction.set(statsRef, next);
      transaction.create(markerRef, { countedAt: new Date() });
      return { counted: true, stats: next } as const;
    },
    // A hot customer gets many completions at once; each retry waits on the lock, so allow plenty.
    { maxAttempts: 50 },
  );
}
