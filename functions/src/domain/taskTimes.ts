/**
 * Pure: when a task started and completed, read from a TaskRouter event's
 * times. A sender's clock can be wrong and a field can be garbage; a time is
 * used only when it is plausible, and the raw value is kept otherwise.
 */
import type { CompletedTaskDetails } from '@interaction-history/model';

/** The time fields an event may carry, as TaskRouter sends them (strings). */
export type TimedEvent = Pick<CompletedTaskDetails, 'TimestampMs' | 'Timestamp' | 'TaskDateCreated' | 'TaskAge'>;

/** TaskRouter writes epoch seconds; ISO-8601 dates and epoch milliseconds are accepted too. Anything else is not a time. */
export function parseEventTime(value: string | undefined): Date | null {
  if (value === undefined || value.trim() === '') return null;
  if (/^\d{1,16}$/.test(value)) {
    const number = Number(value);
    const millis = number > 1e11 ? number : number * 1000;
    return new Date(millis);
  }
  // Date.parse alone reads "foo 1" as 2001: only the ISO-8601 form TaskRouter uses is taken.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return null;
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) ? null : new Date(parsed);
}

/** Before this, no TaskRouter task existed; an earlier time is a sender's mistake. */
export const EARLIEST_PLAUSIBLE_TIME = new Date('2000-01-01T00:00:00Z');
/** Allowance for a sender's clock running ahead of ours. */
export const CLOCK_SKEW_ALLOWANCE_MS = 24 * 60 * 60 * 1000;

/**
 * True when `time` can be stored and ordered sensibly: a far-future time
 * would be "the latest interaction" for ever, and one outside Firestore's
 * range would make the write itself fail.
 */
export function isPlausibleTime(time: Date | null, receivedAt: Date): time is Date {
  if (time === null || Number.isNaN(time.getTime())) return false;
  return time >= EARLIEST_PLAUSIBLE_TIME && time.getTime() <= receivedAt.getTime() + CLOCK_SKEW_ALLOWANCE_MS;
}

export interface TaskTimes {
  readonly completedAt: Date;
  readonly startedAt: Date;
  readonly durationSeconds: number | null;
  /** The raw values that could not be used, for the supervisor's record. */
  readonly rejected: Readonly<Record<string, string>>;
}

export function readTaskTimes(event: TimedEvent, receivedAt: Date): TaskTimes {
  const rejected: Record<string, string> = {};
  const plausible = (field: 'TimestampMs' | 'Timestamp' | 'TaskDateCreated'): Date | null => {
    const raw = event[field];
    if (raw === undefined) return null;
    const time = parseEventTime(raw);
    if (isPlausibleTime(time, receivedAt)) return time;
    rejected[field] = raw;
    return null;
  };
  const completedAt = plausible('TimestampMs') ?? plausible('Timestamp') ?? receivedAt;

  let durationSeconds = event.TaskAge === undefined ? null : Number(event.TaskAge);
  if (durationSeconds !== null && completedAt.getTime() - durationSeconds * 1000 < EARLIEST_PLAUSIBLE_TIME.getTime()) {
    rejected['TaskAge'] = String(event.TaskAge);
    durationSeconds = null;
  }
  const created = plausible('TaskDateCreated');
  if (created !== null && created > completedAt) rejected['TaskDateCreated'] = String(event.TaskDateCreated);
  const startedAt =
    created !== null && created <= completedAt
      ? created
      : durationSeconds === null
        ? completedAt
        : new Date(completedAt.getTime() - durationSeconds * 1000);
  return { completedAt, startedAt, durationSeconds, rejected };
}
