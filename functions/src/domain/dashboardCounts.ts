/**
 * Pure: where an interaction counts in the supervisors' dashboard (its
 * centre-day, shard and keys), and the counter changes that add or take it
 * back. No Firebase here: the adapter turns `ShardChange` into increments.
 */
import {
  centreDayOf,
  dashboardShardFor,
  NO_AGENT_KEY,
  NO_COMPLETED_REASON_KEY,
  NO_QUEUE_KEY,
  REASON_CODE_MAX_LENGTH,
  toCounterKey,
  type DashboardContribution,
  type Interaction,
} from '@interaction-history/model';

/** What the dashboard reads of an interaction. */
export type DashboardInteraction = Pick<
  Interaction,
  'taskSid' | 'completedAt' | 'outcome' | 'outcomeMissing' | 'queue' | 'queueSid' | 'workerSid' | 'workerName' | 'completedReason'
>;

/** Where `interaction` counts: the day in the centre's time zone, the shard, and each breakdown's key. */
export function dashboardContributionOf(interaction: DashboardInteraction, timeZone: string): DashboardContribution {
  // An outcome inherited from another task (a transfer) is not this task's: counted as missing, as capture marks it.
  const outcome = interaction.outcomeMissing ? null : interaction.outcome;
  const completedReason = interaction.completedReason?.trim() ? interaction.completedReason.slice(0, REASON_CODE_MAX_LENGTH) : NO_COMPLETED_REASON_KEY;
  return {
    day: centreDayOf(interaction.completedAt, timeZone),
    // One agent's counts in one shard; a task without a worker is spread by its own SID.
    shard: dashboardShardFor(interaction.workerSid ?? interaction.taskSid),
    reasonKey: outcome === null ? null : toCounterKey(outcome),
    queueKey: toCounterKey(interaction.queueSid ?? interaction.queue ?? NO_QUEUE_KEY),
    agentKey: toCounterKey(interaction.workerSid ?? NO_AGENT_KEY),
    completedReasonKey: outcome === null ? toCounterKey(completedReason) : null,
  };
}

/** +1 to count an interaction in, -1 to take it back out. */
export type Direction = 1 | -1;

export interface TallyChange {
  readonly key: string;
  /** Set only when counting in, and only when the event named it: a removal never renames. */
  readonly name: string | null;
  readonly interactions: Direction;
  readonly missingOutcome: 0 | Direction;
  readonly reasonKey: string | null;
}

/** The changes to one shard document; every count is a relative change (an increment), never a value read and rewritten. */
export interface ShardChange {
  readonly day: string;
  readonly shard: number;
  readonly interactions: Direction;
  readonly missingOutcome: 0 | Direction;
  readonly reasonKey: string | null;
  readonly completedReasonKey: string | null;
  readonly queue: TallyChange;
  readonly agent: TallyChange;
}

export function shardChangeFor(
  contribution: DashboardContribution,
  direction: Direction,
  names: { readonly queueName: string | null; readonly agentName: string | null } = { queueName: null, agentName: null },
): ShardChange {
  const missingOutcome = contribution.reasonKey === null ? direction : 0;
  const tally = (key: string, name: string | null): TallyChange => ({
    key,
    name: direction === 1 ? name : null,
    interactions: direction,
    missingOutcome,
    reasonKey: contribution.reasonKey,
  });
  return {
    day: contribution.day,
    shard: contribution.shard,
    interactions: direction,
    missingOutcome,
    reasonKey: contribution.reasonKey,
    completedReasonKey: contribution.completedReasonKey,
    queue: tally(contribution.queueKey, names.queueName),
    agent: tally(contribution.agentKey, names.agentName),
  };
}

/** Whether two contributions count in exactly the same place. */
export function sameContribution(a: DashboardContribution | null, b: DashboardContribution | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
