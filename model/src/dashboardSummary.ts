/**
 * A centre-day (or a range of days) as the dashboard shows it: the sum of
 * its shard documents. The plugin, the tests and the benchmark sum through
 * this one function.
 */
import { fromCounterKey, type DashboardShard, type DashboardTally } from './documents/dashboard.js';

export interface DashboardTotals {
  readonly interactions: number;
  readonly missingOutcome: number;
  /** Reason code (as agents chose it) → interactions. */
  readonly byReason: Readonly<Record<string, number>>;
  /** TaskCompletedReason → interactions without an outcome. */
  readonly missingByCompletedReason: Readonly<Record<string, number>>;
  /** Queue key (SID or name) → its tally, reason codes decoded. */
  readonly byQueue: Readonly<Record<string, DashboardTally>>;
  /** Worker SID (or the no-agent key) → its tally, reason codes decoded. */
  readonly byAgent: Readonly<Record<string, DashboardTally>>;
  /** The days that had at least one shard. */
  readonly days: readonly string[];
}

function addCounts(into: Record<string, number>, counts: Readonly<Record<string, number>>): void {
  for (const [key, value] of Object.entries(counts)) {
    const text = fromCounterKey(key);
    into[text] = (into[text] ?? 0) + value;
  }
}

function addTallies(into: Record<string, DashboardTally>, tallies: Readonly<Record<string, DashboardTally>>): void {
  for (const [key, tally] of Object.entries(tallies)) {
    const text = fromCounterKey(key);
    const previous = into[text] ?? { name: null, interactions: 0, missingOutcome: 0, byReason: {} };
    const byReason = { ...previous.byReason };
    addCounts(byReason, tally.byReason);
    into[text] = {
      name: tally.name ?? previous.name,
      interactions: previous.interactions + tally.interactions,
      missingOutcome: previous.missingOutcome + tally.missingOutcome,
      byReason,
    };
  }
}

/** Drops keys whose count is back to zero (everything counted there was taken out again). */
function withoutZeros(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).filter(([, value]) => value !== 0));
}

export function sumDashboardShards(shards: readonly DashboardShard[]): DashboardTotals {
  const byReason: Record<string, number> = {};
  const missingByCompletedReason: Record<string, number> = {};
  const byQueue: Record<string, DashboardTally> = {};
  const byAgent: Record<string, DashboardTally> = {};
  const days = new Set<string>();
  let interactions = 0;
  let missingOutcome = 0;
  for (const shard of shards) {
    days.add(shard.day);
    interactions += shard.interactions;
    missingOutcome += shard.missingOutcome;
    addCounts(byReason, shard.byReason);
    addCounts(missingByCompletedReason, shard.missingByCompletedReason);
    addTallies(byQueue, shard.byQueue);
    addTallies(byAgent, shard.byAgent);
  }
  const tidy = (tallies: Record<string, DashboardTally>) =>
    Object.fromEntries(
      Object.entries(tallies)
        .filter(([, tally]) => tally.interactions !== 0)
        .map(([key, tally]) => [key, { ...tally, byReason: withoutZeros({ ...tally.byReason }) }]),
    );
  return {
    interactions,
    missingOutcome,
    byReason: withoutZeros(byReason),
    missingByCompletedReason: withoutZeros(missingByCompletedReason),
    byQueue: tidy(byQueue),
    byAgent: tidy(byAgent),
    days: [...days].sort(),
  };
}
