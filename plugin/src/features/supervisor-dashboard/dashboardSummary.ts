/**
 * A period's dashboard: the sum of its shards (each shard holds part of one
 * centre-day's counts). Pure arithmetic, so that what the chart says is tested
 * without Firestore.
 */
import { fromCounterKey, NO_AGENT_KEY, NO_QUEUE_KEY, type DashboardShard, type DashboardTally } from '@interaction-history/model';

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

type Counts = Map<string, number>;

const add = (into: Counts, from: Record<string, number>) => {
  for (const [key, count] of Object.entries(from)) into.set(fromCounterKey(key), (into.get(fromCounterKey(key)) ?? 0) + count);
};

/** Counts above zero, most first, then by label (a shard may hold a negative share; only sums mean anything). */
const sorted = (counts: Counts): Count[] =>
  [...counts]
    .filter(([, count]) => count > 0)
    .map(([label, count]) => ({ label, count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

interface TallyAccumulator {
  name: string | null;
  interactions: number;
  missingOutcome: number;
  byReason: Counts;
}

const addTallies = (into: Map<string, TallyAccumulator>, from: Record<string, DashboardTally>) => {
  for (const [key, tally] of Object.entries(from)) {
    const accumulator = into.get(key) ?? { name: null, interactions: 0, missingOutcome: 0, byReason: new Map() };
    accumulator.name = tally.name ?? accumulator.name;
    accumulator.interactions += tally.interactions;
    accumulator.missingOutcome += tally.missingOutcome;
    add(accumulator.byReason, tally.byReason);
    into.set(key, accumulator);
  }
};

const tallies = (from: Map<string, TallyAccumulator>): TallySummary[] =>
  [...from]
    .filter(([, tally]) => tally.interactions > 0)
    .map(([key, tally]) => ({
      key: fromCounterKey(key),
      name: tally.name,
      interactions: tally.interactions,
      missingOutcome: tally.missingOutcome,
      byReason: sorted(tally.byReason),
    }))
    .sort((a, b) => b.interactions - a.interactions || (a.name ?? a.key).localeCompare(b.name ?? b.key));

export function summarize(shards: readonly DashboardShard[]): DashboardSummary {
  let interactions = 0;
  let missingOutcome = 0;
  const byReason: Counts = new Map();
  const missingByCompletedReason: Counts = new Map();
  const byQueue = new Map<string, TallyAccumulator>();
  const byAgent = new Map<string, TallyAccumulator>();
  for (const shard of shards) {
    interactions += shard.interactions;
    missingOutcome += shard.missingOutcome;
    add(byReason, shard.byReason);
    add(missingByCompletedReason, shard.missingByCompletedReason);
    addTallies(byQueue, shard.byQueue);
    addTallies(byAgent, shard.byAgent);
  }
  return {
    interactions,
    missingOutcome,
    byReason: sorted(byReason),
    missingByCompletedReason: sorted(missingByCompletedReason),
    byQueue: tallies(byQueue),
    byAgent: tallies(byAgent),
  };
}

/** The name to show for a queue or agent: its last known name, else the key (a SID), or the words for none. */
export function tallyName(tally: TallySummary, none: { readonly noQueue: string; readonly noAgent: string }): string {
  if (tally.key === NO_QUEUE_KEY) return none.noQueue;
  if (tally.key === NO_AGENT_KEY) return none.noAgent;
  return tally.name ?? tally.key;
}
