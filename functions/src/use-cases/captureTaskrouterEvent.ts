/**
 * The story of automatic capture: a verified TaskRouter callback becomes,
 * exactly once, either a customer's interaction or a capture failure a
 * supervisor can read. Nothing signed is dropped.
 */
import {
  completedTaskEventSchema,
  isReservationCaptureEvent,
  readCompletedTaskDetails,
  reservationEventSchema,
  taskSid as taskSidSchema,
  TASK_COMPLETED,
  taskrouterEventSchema,
  tryDecode,
  type CountryCode,
} from '@interaction-history/model';
import type { CaptureStore, CompletedTaskWrite } from '../adapters/captureStore.js';
import { interpretCompletedTask, type CaptureFailure } from '../domain/completedTask.js';
import { phoneIndexOf } from '../domain/erasure.js';
import { isPlausibleTime, parseEventTime } from '../domain/taskTimes.js';
import { AppError, isPermanentStorageError } from '../errors.js';
import * as logs from '../logs.js';
import { withheldByErasure, type ErasureGateContext } from './erasureGate.js';

export type CaptureResult =
  | { readonly result: 'stored' | 'duplicate'; readonly taskSid: string; readonly customerPhone: string }
  | { readonly result: 'unattributable'; readonly taskSid: string; readonly reason: string }
  /** A reservation event gathered: who handled the task, as far as its reservation events tell so far. */
  | { readonly result: 'workerRecorded'; readonly taskSid: string; readonly workerSid: string | null; readonly interactionUpdated: boolean }
  | { readonly result: 'ignored'; readonly eventType: string }
  /** The event names an erased or suppressed number: answered 2xx, nothing stored. */
  | { readonly result: 'withheld'; readonly taskSid: string };

export interface CaptureContext extends ErasureGateContext {
  readonly store: CaptureStore;
  readonly defaultRegion: CountryCode;
  readonly receivedAt: Date;
}

/**
 * The single entry for one TaskRouter event of any type, in the callback's
 * PascalCase parameters: the webhook calls it for each callback, the
 * reconciliation for each event it reads back. `task.completed` stores the
 * interaction; `reservation.accepted`, `.wrapup` and `.completed` say who
 * handled the task, before or after it is stored; anything else is ignored.
 */
export async function captureTaskrouterEvent(
  parameters: Readonly<Record<string, string>>,
  context: CaptureContext,
): Promise<CaptureResult> {
  const envelope = tryDecode(taskrouterEventSchema, parameters);
  if (!envelope.ok) {
    throw new AppError('malformedRequest', `Not a TaskRouter event: ${envelope.problems.join('; ')}`, 400);
  }
  const { EventType } = envelope.value;
  if (EventType !== TASK_COMPLETED && !isReservationCaptureEvent(EventType)) {
    logs.eventIgnored(EventType);
    return { result: 'ignored', eventType: EventType };
  }
  // Data rights: nothing about an erased (or suppressed) number is stored again.
  if (await withheldByErasure(parameters, context)) return { result: 'withheld', taskSid: parameters['TaskSid'] ?? '' };
  const indexed = { ...context, store: withPhoneIndex(context) };
  return EventType === TASK_COMPLETED ? captureCompletedTask(parameters, indexed) : captureReservation(parameters, indexed);
}

/** The store, with every capture-failure record listing the numbers it names by keyed hash (for erase and export). */
function withPhoneIndex(context: CaptureContext): CaptureStore {
  const { store, erasures, defaultRegion } = context;
  return {
    storeCompletedTask: (interaction) => store.storeCompletedTask(interaction),
    recordReservationStep: (taskSid, step) => store.recordReservationStep(taskSid, step),
    recordCaptureFailure: (record) =>
      store.recordCaptureFailure({ ...record, phoneIndex: phoneIndexOf(JSON.stringify(record.parameters), defaultRegion, (phone) => erasures.hashOf(phone)) }),
  };
}

/** Who handled the task: gathered on the task's capture, and copied onto its interaction once that is stored. */
async function captureReservation(parameters: Readonly<Record<string, string>>, context: CaptureContext): Promise<CaptureResult> {
  const taskSid = tryDecode(taskSidSchema, parameters['TaskSid']);
  if (!taskSid.ok) throw new AppError('malformedRequest', `Not a usable reservation event: TaskSid: ${taskSid.problems.join('; ')}`, 400);
  const parsed = tryDecode(reservationEventSchema, parameters);
  if (!parsed.ok) {
    // Signed but unusable: kept for a person, answered 2xx (TaskRouter documents no retry, and a retry could not mend it).
    const suffix = `${parameters['EventType'] ?? 'reservation'}-${parameters['ReservationSid'] ?? parameters['Timestamp'] ?? 'unknown'}`;
    await context.store.recordCaptureFailure({
      taskSid: taskSid.value,
      documentSuffix: suffix.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 200),
      eventType: parameters['EventType'] ?? '',
      receivedAt: context.receivedAt,
      parameters,
      reason: 'invalidReservationEvent',
      details: { problems: parsed.problems.join('; ').slice(0, 1000) },
    });
    logs.captureFailed(taskSid.value, 'invalidReservationEvent');
    return { result: 'unattributable', taskSid: taskSid.value, reason: 'invalidReservationEvent' };
  }
  const event = parsed.value;
  const eventTime = [event.TimestampMs, event.Timestamp].map(parseEventTime).find((time) => isPlausibleTime(time, context.receivedAt));
  const written = await context.store.recordReservationStep(event.TaskSid, {
    eventType: event.EventType,
    reservationSid: event.ReservationSid,
    workerSid: event.WorkerSid,
    workerName: event.WorkerName?.trim() ? event.WorkerName : null,
    atMs: (eventTime ?? context.receivedAt).getTime(),
  });
  logs.reservationRecorded(event.TaskSid, event.EventType, event.WorkerSid, written.result);
  return {
    result: 'workerRecorded',
    taskSid: event.TaskSid,
    workerSid: written.handledBy.workerSid,
    interactionUpdated: written.result === 'interactionUpdated',
  };
}

async function captureCompletedTask(parameters: Readonly<Record<string, string>>, context: CaptureContext): Promise<CaptureResult> {
  const parsed = tryDecode(completedTaskEventSchema, parameters);
  if (!parsed.ok) {
    throw new AppError('malformedRequest', `Not a usable task.completed event: ${parsed.problems.join('; ')}`, 400);
  }
  const { details, rejectedFields } = readCompletedTaskDetails(parameters);
  const event = { ...parsed.value, ...details, rejectedFields };
  const outcome = interpretCompletedTask(event, { defaultRegion: context.defaultRegion, receivedAt: context.receivedAt });
  const failureBase = { taskSid: event.TaskSid, eventType: event.EventType, receivedAt: context.receivedAt, parameters };

  if (outcome.kind === 'unattributable') {
    await context.store.recordCaptureFailure({ ...failureBase, reason: outcome.reason });
    logs.captureFailed(event.TaskSid, outcome.reason);
    return { result: 'unattributable', taskSid: event.TaskSid, reason: outcome.reason };
  }

  let written: CompletedTaskWrite;
  try {
    written = await context.store.storeCompletedTask(outcome.interaction);
  } catch (error) {
    // A write Firestore will refuse every time must not be retried for ever and then lost: keep it for a person.
    if (!isPermanentStorageError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await context.store.recordCaptureFailure({ ...failureBase, reason: 'storageRefused', details: { error: message.slice(0, 1000) } });
    logs.captureFailed(event.TaskSid, 'storageRefused');
    return { result: 'unattributable', taskSid: event.TaskSid, reason: 'storageRefused' };
  }
  const { customerPhone, taskSid } = outcome.interaction;
  if (written.result === 'otherCustomer') {
    // Exactly once per TaskSid: the first customer keeps the interaction, the second is shown to a supervisor.
    await context.store.recordCaptureFailure({
      ...failureBase,
      documentSuffix: `duplicate-${customerPhone}`,
      reason: 'duplicateTaskSid',
      details: { storedCustomerPhone: written.customerPhone, duplicateCustomerPhone: customerPhone },
    });
    logs.captureFailed(taskSid, 'duplicateTaskSid');
    return { result: 'duplicate', taskSid, customerPhone: written.customerPhone };
  }
  // Recorded on the duplicate path too: a retry after a failed warning write restores it (create keeps it once).
  const warning = combineWarnings(outcome.warnings);
  if (warning) {
    await context.store.recordCaptureFailure({ ...failureBase, ...warning });
    logs.captureFailed(event.TaskSid, warning.reason);
  }
  if (written.result === 'created') {
    logs.interactionStored(taskSid, customerPhone);
    return { result: 'stored', taskSid, customerPhone };
  }
  logs.duplicateIgnored(taskSid);
  return { result: 'duplicate', taskSid, customerPhone: written.customerPhone };
}

/** One record per TaskSid: several warnings become one, the first reason leading, every detail kept. */
function combineWarnings(warnings: readonly CaptureFailure[]): CaptureFailure | null {
  const [first, ...others] = warnings;
  if (!first) return null;
  if (others.length === 0) return first;
  return {
    reason: first.reason,
    otherReasons: others.map((warning) => warning.reason),
    details: Object.assign({}, ...warnings.map((warning) => warning.details ?? {})) as Record<string, string | number>,
  };
}
