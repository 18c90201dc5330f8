import type { CustomerStats, Interaction } from '@interaction-history/model';

export const EMPTY_STATS: CustomerStats = {
  interactionCount: 0,
  lastInteractionAt: null,
  lastOutcome: null,
  missingOutcomeCount: 0,
};

/**
 * Pure: the customer's summary once one more interaction is counted. The
 * latest interaction is the one completed last, whatever order events arrive in.
 */
export function addInteractionToStats(
  previous: CustomerStats,
  interaction: Pick<Interaction, 'completedAt' | 'outcome'>,
): CustomerStats {
  const isNewest = previous.lastInteractionAt === null || interaction.completedAt >= previous.lastInteractionAt;
  return {
    interactionCount: previous.interactionCount + 1,
    missingOutcomeCount: previous.missingOutcomeCount + (interaction.outcome === null ? 1 : 0),
    lastInteractionAt: isNewest ? interaction.completedAt : previous.lastInteractionAt,
    lastOutcome: isNewest ? interaction.outcome : previous.lastOutcome,
  };
}

/**
 * Pure: the customer's summary once a counted interaction is gone (erased or
 * expired), or null when none is left. When the removed one was the latest,
 * `newestRemaining` (the newest interaction still stored) takes its place.
 */
export function removeInteractionFromStats(
  previous: CustomerStats,
  removed: Pick<Interaction, 'completedAt' | 'outcome'>,
  newestRemaining: Pick<Interaction, 'completedAt' | 'outcome'> | null,
): CustomerStats | null {
  const interactionCount = previous.interactionCount - 1;
  if (interactionCount <= 0) return null;
  const wasLatest = previous.lastInteractionAt === null || removed.completedAt.getTime() >= previous.lastInteractionAt.getTime();
  return {
    interactionCount,
    missingOutcomeCount: Math.max(0, previous.missingOutcomeCount - (removed.outcome === null ? 1 : 0)),
    lastInteractionAt: wasLatest ? (newestRemaining?.completedAt ?? null) : previous.lastInteractionAt,
    lastOutcome: wasLatest ? (newestRemaining?.outcome ?? null) : previous.lastOutcome,
  };
}
