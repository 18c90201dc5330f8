/**
 * Pure: turns a verified `task.completed` callback into the interaction to
 * store, or into the reason it cannot be attributed. No Firebase, no I/O.
 */
import {
  callerAddressCandidates,
  fitComment,
  INTERACTION_SOURCE,
  normalizePhone,
  readOutcomeAttributes,
  type CaptureFailureReason,
  type CompletedTaskEvent,
  type CountryCode,
  type E164,
  type Interaction,
  type OutcomeReading,
  type TaskAttributes,
} from '@interaction-history/model';
import { readTaskTimes } from './taskTimes.js';

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

function firstAddress(candidates: readonly unknown[]): string | null {
  const found = candidates.find((candidate) => typeof candidate === 'string' && candidate.trim() !== '');
  return typeof found === 'string' ? found : null;
}

function chooseCustomer(attributes: TaskAttributes, reading: OutcomeReading, region: CountryCode): E164 | CaptureFailure {
  if (reading.malformed.includes('customerPhone')) return { reason: 'invalidChosenCustomer' };
  if (reading.customerPhone !== null) {
    return normalizePhone(reading.customerPhone, region) ?? { reason: 'invalidChosenCustomer' };
  }
  for (const candidate of callerAddressCandidates(attributes)) {
    const phone = normalizePhone(candidate, region);
    if (phone) return phone;
  }
  return { reason: 'noValidPhone' };
}

/** Flex's `channelType` attribute (`voice`, `sms`, `whatsapp`, `web`…): the channel when the event names none, as task events documentedly do not. */
function channelTypeOf(attributes: TaskAttributes): string | null {
  const value = attributes['channelType'];
  return typeof value === 'string' && value.trim() !== '' && value.length <= 100 ? value : null;
}

/** Far above what Flex writes; beyond it the payload is kept for a person to look at, not parsed. */
export const MAX_ATTRIBUTES_BYTES = 256 * 1024;

export function interpretCompletedTask(event: CompletedTaskEvent, options: InterpretOptions): CompletedTaskOutcome {
  if (Buffer.byteLength(event.TaskAttributes) > MAX_ATTRIBUTES_BYTES) return { kind: 'unattributable', reason: 'attributesTooLarge' };
  const attributes = parseAttributes(event.TaskAttributes);
  if (!attributes) return { kind: 'unattributable', reason: 'attributesNotJson' };

  const reading = readOutcomeAttributes(attributes, event.TaskSid);
  const customer = chooseCustomer(attributes, reading, options.defaultRegion);
  if (typeof customer !== 'string') return { kind: 'unattributable', ...customer };

  if (reading.malformed.includes('outcome')) return { kind: 'unattributable', reason: 'invalidOutcome' };
  if (reading.malformed.includes('comment')) return { kind: 'unattributable', reason: 'invalidComment' };
  const { outcome, comment: rawComment } = reading;
  const comment = rawComment === null ? null : fitComment(rawComment);

  const times = readTaskTimes(event, options.receivedAt);
  const { completedAt, startedAt, durationSeconds } = times;

  const interaction: Interaction = {
    taskSid: event.TaskSid,
    customerPhone: customer,
    from: firstAddress(callerAddressCandidates(attributes)),
    channel: event.TaskChannelUniqueName ?? channelTypeOf(attributes),
    queue: event.TaskQueueName ?? event.TaskQueueSid ?? null,
    queueSid: event.TaskQueueSid ?? null,
    // task.completed names no worker: the reservation events of the task do, and are joined in by the store.
    workerSid: null,
    workerName: null,
    acceptedWorkers: [],
    outcome,
    outcomeMissing: outcome === null,
    comment: comment?.text ?? null,
    completedReason: event.TaskCompletedReason ?? null,
    startedAt,
    completedAt,
    durationSeconds,
    capturedAt: options.receivedAt,
    source: INTERACTION_SOURCE,
  };
  const warnings: CaptureFailure[] = [];
  if (reading.inherited) {
    const { outcomeTaskSid, outcome: inheritedOutcome, comment: inheritedComment } = reading.inherited;
    warnings.push({
      reason: 'outcomeForAnotherTask',
      details: { outcomeTaskSid, inheritedOutcome: inheritedOutcome ?? '', inheritedComment: inheritedComment ?? '' },
    });
  }
  if (comment?.truncated && rawComment !== null) {
    warnings.push({ reason: 'commentTooLong', details: { fullComment: rawComment, originalCharacters: comment.originalCharacters } });
  }
  if (Object.keys(times.rejected).length > 0) warnings.push({ reason: 'implausibleTimes', details: times.rejected });
  if (event.rejectedFields && event.rejectedFields.length > 0) {
    warnings.push({ reason: 'invalidFields', details: { fields: event.rejectedFields.join(', ') } });
  }
  return { kind: 'interaction', interaction, warnings };
}
