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
