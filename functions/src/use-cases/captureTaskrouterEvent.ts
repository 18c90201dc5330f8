/**
 * The story of automatic capture: a verified TaskRouter callback becomes,
 * exactly once, either a customer's interaction or a capture failure a
 * supervisor can read. Nothing signed is dropped.
 */
import {
  completedTaskEventSchema,
  readCompletedTaskDetails,
  TASK_COMPLETED,
  taskrouterEventSchema,
  tryDecode,
  type CountryCode,
} from '@interaction-history/model';
import type { CaptureStore, WriteResult } from '../adapters/captureStore.js';
import { interpretCompletedTask, type CaptureFailure } from '../domain/completedTask.js';
import { AppError, isPermanentStorageError } from '../errors.js';
import * as logs from '../logs.js';
import { withheldByErasure, type ErasureGateContext } from './erasureGate.js';

export type CaptureResult =
  | { readonly result: 'stored' | 'duplicate'; readonly taskSid: string; readonly customerPhone: string }
  | { readonly result: 'unattributable'; readonly taskSid: string; readonly reason: string }
  | { readonly result: 'ignored'; readonly eventType: string }
  | { readonly result: 'withheld'; readonly taskSid: string };

export interface CaptureContext extends ErasureGateContext {
  readonly store: CaptureStore;
  readonly defaultRegion: CountryCode;
  readonly receivedAt: Date;
}

export async function captureTaskrouterEvent(
  parameters: Readonly<Record<string, string>>,
  context: CaptureContext,
): Promise<CaptureResult> {
  const envelope = tryDecode(taskrouterEventSchema, parameters);
  if (!envelope.ok) {
    throw new AppError('malformedRequest', `Not a TaskRouter event: ${envelope.problems.join('; ')}`, 400);
  }
  if (envelope.value.EventType !== TASK_COMPLETED) {
    logs.eventIgnored(envelope.value.EventType);
    return { result: 'ignored', eventType: envelope.value.EventType };
  }
  // Data rights: nothing about an erased (or suppressed) number is stored again.
  if (await withheldByErasure(parameters, context)) return { result: 'withheld', taskSid: parameters['TaskSid'] ?? '' };
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

  let written: WriteResult;
  try {
    written = await context.store.storeInteraction(outcome.interaction);
  } catch (error) {
    // A write Firestore will refuse every time must not be retried for ever and then lost: keep it for a person.
    if (!isPermanentStorageError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await context.store.recordCaptureFailure({ ...failureBase, reason: 'storageRefused', details: { error: message.slice(0, 1000) } });
    logs.captureFailed(event.TaskSid, 'storageRefused');
    return { result: 'unattributable', taskSid: event.TaskSid, reason: 'storageRefused' };
  }
  // Recorded on the duplicate path too: a retry after a failed warning write restores it (create keeps it once).
  const warning = combineWarnings(outcome.warnings);
  if (warning) {
    await context.store.recordCaptureFailure({ ...failureBase, ...warning });
    logs.captureFailed(event.TaskSid, warning.reason);
  }
  const { customerPhone, taskSid } = outcome.interaction;
  if (written === 'created') {
    logs.interactionStored(taskSid, customerPhone);
    return { result: 'stored', taskSid, customerPhone };
  }
  logs.duplicateIgnored(taskSid);
  return { result: 'duplicate', taskSid, customerPhone };
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
