/**
 * The story of filing: an admin chooses the customer an unattributable event
 * belongs to; the event is rebuilt by capture's own interpretation and
 * stored by capture's own store (one interaction per TaskSid, the worker
 * joined from the task's reservation events), so history, stats and the
 * dashboard pick it up as any other; then the failure is marked resolved
 * with an audit entry. Each step is idempotent, so a retried request ends
 * in the same place.
 */
import {
  interactionPath,
  isUnattributableReason,
  normalizePhone,
  type CountryCode,
  type FileCaptureFailureRequest,
  type FileCaptureFailureResponse,
  type StaffRole,
} from '@interaction-history/model';
import type { Firestore } from 'firebase-admin/firestore';
import type { CaptureStore } from '../adapters/captureStore.js';
import type { ErasureRegistry } from '../adapters/erasureRegistry.js';
import { MAX_PHONES_CHECKED, mustWithhold, phonesMentioned } from '../domain/erasure.js';
import { markCaptureFailureFiled, readCaptureFailure, refuseIfFiledElsewhere } from '../adapters/filingStore.js';
import { interactionForFiling } from '../domain/filing.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

/** As capture's gate: the recorded parameters are read for numbers up to this length. */
const MAX_TEXT_SCANNED = 256 * 1024;

export interface FilingContext {
  readonly db: Firestore;
  readonly store: CaptureStore;
  readonly erasures: ErasureRegistry;
  readonly defaultRegion: CountryCode;
}

export async function fileCaptureFailure(
  request: FileCaptureFailureRequest,
  actor: { readonly uid: string; readonly role: StaffRole },
  context: FilingContext,
): Promise<FileCaptureFailureResponse> {
  const customerPhone = normalizePhone(request.customerPhone, context.defaultRegion);
  if (!customerPhone) throw new AppError('malformedRequest', `"${request.customerPhone}" is not a valid phone number.`, 400);
  const failure = await readCaptureFailure(context.db, request.taskSid);
  refuseIfFiledElsewhere(failure, customerPhone);
  if (!isUnattributableReason(failure.reason)) {
    throw new AppError('conflict', `Capture failure ${request.taskSid} (${failure.reason}) is a note beside a stored interaction; there is nothing to file.`, 409);
  }
  const built = interactionForFiling(failure.parametersJson, customerPhone, { defaultRegion: context.defaultRegion, receivedAt: failure.receivedAt });
  if (!built.ok) throw new AppError('conflict', built.problem, 409);
  // Filing is capture by another door: it must not bring back a number that was erased, or record a suppressed one:
  // the chosen customer's, or any the recorded event names (the caller), as capture's own gate reads them.
  const named = phonesMentioned(failure.parametersJson.slice(0, MAX_TEXT_SCANNED), context.defaultRegion);
  const phones = [...new Set([customerPhone, ...named])].slice(0, MAX_PHONES_CHECKED);
  if (mustWithhold(await context.erasures.entriesFor(phones), built.interaction.startedAt)) {
    throw new AppError(
      'conflict',
      `A number of task ${request.taskSid} (the chosen customer's or one the event names) was erased or its recording is suppressed; the task is not filed.`,
      409,
    );
  }

  const stored = await context.store.storeCompletedTask(built.interaction);
  if (stored.result === 'otherCustomer') {
    throw new AppError('conflict', `Task ${request.taskSid} is already stored under ${stored.customerPhone}.`, 409);
  }
  const result = await markCaptureFailureFiled(context.db, { taskSid: request.taskSid, customerPhone, actor });
  logs.captureFailureFiled(request.taskSid, customerPhone, actor.uid, result);
  return { result, taskSid: request.taskSid, customerPhone, interactionPath: interactionPath(customerPhone, request.taskSid) };
}
