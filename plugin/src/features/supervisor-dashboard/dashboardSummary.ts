/**
 * A period's dashboard as the view shows it: the model's sum of the shards
 * (`sumDashboardShards`, the one summing function), put in reading order.
 */
import { NO_AGENT_KEY, NO_QUEUE_KEY, sumDashboardShards, type DashboardShard, type DashboardTally } from '@interaction-history/model';

export interface Count {
  readonly label: string;
  readonly count: number;
}

export interface TallySummary {
  /** The counter key: a queue SID or name, a worker SID, or NO_QUEUE_KEY / NO_AGENT_KEY. */
  readonly key: string;
  readonly name: string | null;
  readonly interactions: number;
  readonly missingOutcome: number;
  /** Reason codes, most frequent first. */
  readonly byReason: readonly Count[];
}

export interface DashboardSummary {
  readonly interactions: number;
  readonly missingOutcome: number;
  /** Most frequent first; ties by label. */
  readonly byReason: readonly Count[];
  readonly missingByCompletedReason: readonly Count[];
  /** Busiest first. */
  readonly byQueue: readonly TallySummary[];
  readonly byAgent: readonly TallySummary[];
}

const sorted = (counts: Readonly<Record<string, number>>): Count[] =>
  Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

const tallies = (from: Readonly<Record<string, DashboardTally>>): TallySummary[] =>
  Object.entries(from)
    .filter(([, tally]) => tally.interactions > 0)
    .map(([key, tally]) => ({ key, name: tally.name, interactions: tally.interactions, missingOutcome: tally.missingOutcome, byReason: sorted(tally.byReason) }))
    .sort((a, b) => b.interactions - a.interactions || (a.name ?? a.key).localeCompare(b.name ?? b.key));

export function summarize(shards: readonly DashboardShard[]): DashboardSummary {
  const totals = sumDashboardShards(shards);
  return {
    interactions: totals.interactions,
    missingOutcome: totals.missingOutcome,
    byReason: sorted(totals.byReason),
    missingByCompletedReason: sorted(totals.missingByCompletedReason),
    byQueue: tallies(totals.byQueue),
    byAgent: tallies(totals.byAgent),
  };
}

/** The name to show for a queue or agent: its last known name, else the key (a SID), or the words for none. */
export function tallyName(tally: TallySummary, none: { readonly noQueue: string; readonly noAgent: string }): string {
  if (tally.key === NO_QUEUE_KEY) return none.noQueue;
  if (tally.key === NO_AGENT_KEY) return none.noAgent;
  return tally.name ?? tally.key;
}
