/**
 * Pure: turns a verified `task.completed` callback into the interaction to
 * store, or into the reason it cannot be attributed. No Firebase, no I/O.
 */
import {
  callerAddressCandidates,
  COMMENT_ATTRIBUTE,
  CUSTOMER_PHONE_ATTRIBUTE,
  fitComment,
  INTERACTION_SOURCE,
  normalizePhone,
  OUTCOME_ATTRIBUTE,
  readAttribute,
  REASON_CODE_MAX_LENGTH,
  type CaptureFailureReason,
  type CountryCode,
  type E164,
  type Interaction,
  type TaskAttributes,
} from '@interaction-history/model';
import type { CompletedTaskEvent } from './taskrouterEvent.js';

export interface CaptureFailure {
  readonly reason: CaptureFailureReason;
  /** Extra facts for the supervisor, e.g. the full comment when it had to be cut. */
  readonly details?: Readonly<Record<string, string | number>>;
  /** Further reasons recorded with the first, when one event had several problems. */
  readonly otherReasons?: readonly CaptureFailureReason[];
}

export type CompletedTaskOutcome =
  | {
      readonly kind: 'interaction';
      readonly interaction: Interaction;
      /** What a supervisor should know about how the event was read, e.g. a comment that had to be cut. */
      readonly warnings: readonly CaptureFailure[];
    }
  | ({ readonly kind: 'unattributable' } & CaptureFailure);

export interface InterpretOptions {
  readonly defaultRegion: CountryCode;
  /** When the callback arrived; stands in for missing timestamps. */
  readonly receivedAt: Date;
}

function parseAttributes(raw: string): TaskAttributes | null {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as TaskAttributes) : null;
  } catch {
    return null;
  }
}

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

interface TaskTimes {
  readonly completedAt: Date;
  readonly startedAt: Date;
  readonly durationSeconds: number | null;
  /** The raw values that could not be used, for the supervisor's record. */
  readonly rejected: Readonly<Record<string, string>>;
}

function readTaskTimes(event: CompletedTaskEvent, receivedAt: Date): TaskTimes {
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

function textOrNull(value: unknown): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string') return undefined;
  return value.trim() === '' ? null : value;
}

function firstAddress(candidates: readonly unknown[]): string | null {
  const found = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
  return typeof found === 'string' ? found : null;
}

function chooseCustomer(attributes: TaskAttributes, region: CountryCode): E164 | CaptureFailure {
  const chosen = readAttribute(attributes, CUSTOMER_PHONE_ATTRIBUTE);
  if (chosen !== undefined && chosen !== null && chosen !== '') {
    return normalizePhone(chosen, region) ?? { reason: 'invalidChosenCustomer' };
  }
  for (const candidate of callerAddressCandidates(attributes)) {
    const phone = normalizePhone(candidate, region);
    if (phone) return phone;
  }
  return { reason: 'noValidPhone' };
}

/** Far above what Flex writes; beyond it the payload is kept for a person to look at, not parsed. */
export const MAX_ATTRIBUTES_BYTES = 256 * 1024;

export function interpretCompletedTask(event: CompletedTaskEvent, options: InterpretOptions): CompletedTaskOutcome {
  if (Buffer.byteLength(event.TaskAttributes) > MAX_ATTRIBUTES_BYTES) return { kind: 'unattributable', reason: 'attributesTooLarge' };
  const attributes = parseAttributes(event.TaskAttributes);
  if (!attributes) return { kind: 'unattributable', reason: 'attributesNotJson' };

  const customer = chooseCustomer(attributes, options.defaultRegion);
  if (typeof customer !== 'string') return { kind: 'unattributable', ...customer };

  const outcome = textOrNull(readAttribute(attributes, OUTCOME_ATTRIBUTE));
  if (outcome === undefined || (outcome !== null && outcome.length > REASON_CODE_MAX_LENGTH)) {
    return { kind: 'unattributable', reason: 'invalidOutcome' };
  }
  const rawComment = textOrNull(readAttribute(attributes, COMMENT_ATTRIBUTE));
  if (rawComment === undefined) return { kind: 'unattributable', reason: 'invalidComment' };
  const comment = rawComment === null ? null : fitComment(rawComment);

  const times = readTaskTimes(event, options.receivedAt);
  const { completedAt, startedAt, durationSeconds } = times;

  const interaction: Interaction = {
    taskSid: event.TaskSid,
    customerPhone: customer,
    from: firstAddress(callerAddressCandidates(attributes)),
    channel: event.TaskChannelUniqueName ?? null,
    queue: event.TaskQueueName ?? null,
    workerSid: event.WorkerSid ?? null,
    workerName: event.WorkerName ?? null,
    outcome,
    comment: comment?.text ?? null,
    startedAt,
    completedAt,
    durationSeconds,
    capturedAt: options.receivedAt,
    source: INTERACTION_SOURCE,
  };
  const warnings: CaptureFailure[] = [];
  if (comment?.truncated && rawComment !== null) {
    warnings.push({ reason: 'commentTooLong', details: { fullComment: rawComment, originalCharacters: comment.originalCharacters } });
  }
  if (Object.keys(times.rejected).length > 0) warnings.push({ reason: 'implausibleTimes', details: times.rejected });
  if (event.rejectedFields && event.rejectedFields.length > 0) {
    warnings.push({ reason: 'invalidFields', details: { fields: event.rejectedFields.join(', ') } });
  }
  return { kind: 'interaction', interaction, warnings };
}
