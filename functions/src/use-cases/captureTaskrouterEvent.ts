/**
 * The story of automatic capture: a verified TaskRouter callback becomes,
 * exactly once, either a customer's interaction or a capture failure a
 * supervisor can read. Nothing signed is dropped.
 */
import type { CountryCode } from '@interaction-history/model';
import type { CaptureStore } from '../adapters/captureStore.js';
import { interpretCompletedTask } from '../domain/completedTask.js';
import { completedTaskEventSchema, TASK_COMPLETED, taskrouterEventSchema } from '../domain/taskrouterEvent.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

export type CaptureResult =
  | { readonly result: 'stored' | 'duplicate'; readonly taskSid: string; readonly customerPhone: string }
  | { readonly result: 'unattributable'; readonly taskSid: string; readonly reason: string }
  | { readonly result: 'ignored'; readonly eventType: string };

export interface CaptureContext {
  readonly store: CaptureStore;
  readonly defaultRegion: CountryCode;
  readonly receivedAt: Date;
}

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`).join('; ');
}

export async function captureTaskrouterEvent(
  parameters: Readonly<Record<string, string>>,
  context: CaptureContext,
): Promise<CaptureResult> {
  const envelope = taskrouterEventSchema.safeParse(parameters);
  if (!envelope.success) {
    throw new AppError('malformedRequest', `Not a TaskRouter event: ${describeIssues(envelope.error)}`, 400);
  }
  if (envelope.data.EventType !== TASK_COMPLETED) {
    logs.eventIgnored(envelope.data.EventType);
    return { result: 'ignored', eventType: envelope.data.EventType };
  }
  const parsed = completedTaskEventSchema.safeParse(parameters);
  if (!parsed.success) {
    throw new AppError('malformedRequest', `Not a usable task.completed event: ${describeIssues(parsed.error)}`, 400);
  }
  const event = parsed.data;
  const outcome = interpretCompletedTask(event, { defaultRegion: context.defaultRegion, receivedAt: context.receivedAt });
  const failureBase = { taskSid: event.TaskSid, eventType: event.EventType, receivedAt: context.receivedAt, parameters };

  if (outcome.kind === 'unattributable') {
    await context.store.recordCaptureFailure({ ...failureBase, reason: outcome.reason });
    logs.captureFailed(event.TaskSid, outcome.reason);
    return { result: 'unattributable', taskSid: event.TaskSid, reason: outcome.reason };
  }

  const written = await context.store.storeInteraction(outcome.interaction);
  if (outcome.warning) {
    await context.store.recordCaptureFailure({ ...failureBase, ...outcome.warning });
    logs.captureFailed(event.TaskSid, outcome.warning.reason);
  }
  const { customerPhone, taskSid } = outcome.interaction;
  if (written === 'created') {
    logs.interactionStored(taskSid, customerPhone);
    return { result: 'stored', taskSid, customerPhone };
  }
  logs.duplicateIgnored(taskSid);
  return { result: 'duplicate', taskSid, customerPhone };
}
