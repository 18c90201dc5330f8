/**
 * The supervisors' dashboard reads counters kept by a Firestore trigger
 * (functions/src/triggers/updateDashboard.ts), never the interactions
 * themselves. Counters are kept per centre-day (a day in the centre's time
 * zone) and split over DASHBOARD_SHARD_COUNT shard documents so that a peak
 * of completions stays within Firestore's guidance of about one sustained
 * write per second per document. A day is the sum of its shards: opening a
 * day reads DASHBOARD_SHARD_COUNT documents however many interactions it
 * held; a range reads that many per day.
 */
import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';
import { taskSid } from './ids.js';

/**
 * Shards per centre-day. 64 shards take 60 completions per second at under one
 * write per second each; see the README's operations section for the choice.
 */
export const DASHBOARD_SHARD_COUNT = 64;

/** A day in the centre's time zone, as `YYYY-MM-DD`. */
export const dayKey = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a day as YYYY-MM-DD'));

/** Counts may be any integer in a shard: a shard's share of a day is only meaningful summed with the others. */
const counter = z.int();

/**
 * Count per key; keys are written through `toCounterKey` (Firestore refuses
 * some field names). A map appears with its first key, so an absent map reads
 * as empty.
 */
const counts = z._default(z.record(z.string(), counter), () => ({}));

/** Interactions and those without an outcome, and the outcomes, for one queue or one agent. */
export const dashboardTallySchema = z.object({
  /** The queue's or agent's name as last seen, for display; null when the events never named it. */
  name: z._default(z.nullable(z.string()), null),
  interactions: counter,
  missingOutcome: counter,
  /** Interactions per reason code (counter keys). */
  byReason: counts,
});

export type DashboardTally = z.output<typeof dashboardTallySchema>;

/**
 * `dashboardDays/{day}/dashboardShards/{shard}`: one shard's share of one
 * centre-day. Written only by the dashboard trigger, with increments.
 */
export const dashboardShardSchema = z.object({
  day: dayKey,
  /** 0 to DASHBOARD_SHARD_COUNT - 1. */
  shard: z.int(),
  /** The IANA time zone the day was counted in (the centre's setting when it was counted). */
  timeZone: z.string(),
  interactions: counter,
  /** Interactions stored with no reason code (completed outside the plugin, wrap-up timeouts, supervisor completions). */
  missingOutcome: counter,
  /** Interactions per reason code (counter keys). */
  byReason: counts,
  /** Interactions without an outcome per TaskCompletedReason (counter keys; `(not given)` when TaskRouter gave none). */
  missingByCompletedReason: counts,
  /** Per queue: counter key of the queue SID when known, else of its name, else NO_QUEUE_KEY. */
  byQueue: z._default(z.record(z.string(), dashboardTallySchema), () => ({})),
  /** Per agent: counter key of the worker SID, else NO_AGENT_KEY. */
  byAgent: z._default(z.record(z.string(), dashboardTallySchema), () => ({})),
  updatedAt: storedTime,
});

export type DashboardShard = z.output<typeof dashboardShardSchema>;

/** The queue key of interactions that name no queue. */
export const NO_QUEUE_KEY = '(no queue)';
/** The agent key of interactions that name no worker. */
export const NO_AGENT_KEY = '(no agent)';
/** The completed-reason key when TaskRouter gave no TaskCompletedReason. */
export const NO_COMPLETED_REASON_KEY = '(not given)';

/** Where an interaction was counted, kept so that its removal takes back exactly what was added. */
export const dashboardContributionSchema = z.object({
  day: dayKey,
  shard: z.int(),
  /** Counter key of the reason code, or null when the interaction had none. */
  reasonKey: z.nullable(z.string()),
  queueKey: z.string(),
  agentKey: z.string(),
  /** Counter key of TaskCompletedReason; only for interactions without an outcome. */
  completedReasonKey: z.nullable(z.string()),
});

export type DashboardContribution = z.output<typeof dashboardContributionSchema>;

/**
 * `dashboardCounted/{taskSid}`: the trigger's marker, written in the same
 * transaction as the counters: where the interaction is counted now
 * (`counted`, with its contribution). When the interaction is deleted the
 * counters are taken back and the marker is deleted in that transaction, so
 * markers last exactly as long as their interactions. Each event compares
 * the marker with the interaction as stored now, so a redelivered or stale
 * event changes nothing.
 */
export const dashboardCountedSchema = z.object({
  taskSid,
  state: z.literal('counted'),
  contribution: dashboardContributionSchema,
  countedAt: storedTime,
});

export type DashboardCounted = z.output<typeof dashboardCountedSchema>;

/** Reserved by Firestore (`__…__`), empty, or our escape character: such texts are escaped. */
const NEEDS_ESCAPE = /^(~|__.*__$)|^$/;

/**
 * A text (reason code, queue, worker SID) as a map key Firestore accepts:
 * `~` is prefixed to an empty text, a `__…__` name, or one already starting
 * with `~`. `fromCounterKey` undoes it.
 */
export function toCounterKey(text: string): string {
  return NEEDS_ESCAPE.test(text) ? `~${text}` : text;
}

export function fromCounterKey(key: string): string {
  return key.startsWith('~') ? key.slice(1) : key;
}

/**
 * The shard an interaction is counted in: a hash of the worker SID (so one
 * agent's counts live in one shard and the agent breakdown is not repeated
 * in every shard), or of the TaskSid when no worker is known. FNV-1a, 32-bit.
 */
export function dashboardShardFor(shardingKey: string, shardCount: number = DASHBOARD_SHARD_COUNT): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < shardingKey.length; index += 1) {
    hash ^= shardingKey.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % shardCount;
}

/** A shard's document id: its number, two digits, so that ids sort. */
export const dashboardShardId = (shard: number): string => String(shard).padStart(2, '0');
