import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';

/** What ran a reconciliation: the schedule, the backfill command, or the local stack's timer. */
export const RECONCILIATION_TRIGGERS = ['schedule', 'backfill', 'localStack'] as const;

const count = z.int().check(z.nonnegative());

/**
 * `systemStatus/reconciliation`: the last reconciliation of TaskRouter's Events
 * API against what the webhook stored. Written only by the functions (and the
 * backfill command, with the Admin SDK); supervisors and admins read it.
 */
export const reconciliationStatusSchema = z.object({
  trigger: z.enum(RECONCILIATION_TRIGGERS),
  startedAt: storedTime,
  finishedAt: storedTime,
  /** The period read from the Events API (inclusive start, exclusive end). */
  windowStart: storedTime,
  windowEnd: storedTime,
  /**
   * Everything before this time has been read without an error: the next
   * scheduled run starts here, less the overlap. A run with errors (not
   * counting unreadable events) leaves it where it was, so the period is read again.
   */
  coveredUntil: storedTime,
  /** Events listed by the API in the window, of any type. */
  eventsSeen: count,
  /** `task.completed` events among them. */
  tasksSeen: count,
  /** Tasks the webhook had already stored (an interaction or a capture failure). */
  alreadyStored: count,
  /** Tasks stored by this run: the webhook had missed them. */
  recovered: count,
  /** Tasks recorded as capture failures by this run (no customer could be found, …). */
  notAttributable: count,
  /** Reservation events passed to capture (who handled each task). */
  reservationEvents: count,
  /** What went wrong, at most a few, in words (an event that failed is read again by the next run). */
  errors: z.array(z.string()),
  /** Failures that may pass (Twilio or Firestore unreachable, a timeout): they hold `coveredUntil`. */
  errorCount: count,
  /**
   * Events that can never be captured (the Events API's record does not
   * decode, or capture refuses the event as malformed): listed in `errors`
   * and logged, but they do not hold `coveredUntil`, or one bad event would
   * keep every later run reading from it for 30 days.
   */
  unreadableCount: z._default(count, 0),
  durationMs: count,
});

export type ReconciliationStatus = z.output<typeof reconciliationStatusSchema>;
