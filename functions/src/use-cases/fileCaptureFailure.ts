/**
 * The story of filing: an admin chooses the customer an unattributable event
 * belongs to; the event is rebuilt by capture's own interpretation, stored
 * under that customer (so history, stats and the dashboard pick it up as any
 * other), and the failure is marked resolved with an audit entry.
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
import { fileCaptureFailureOnce } from '../adapters/filingStore.js';
import { interactionForFiling } from '../domain/filing.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

export interface FilingContext {
  readonly db: Firestore;
  readonly defaultRegion: CountryCode;
}

export async function fileCaptureFailure(
  request: FileCaptureFailureRequest,
  actor: { readonly uid: string; readonly role: StaffRole },
  context: FilingContext,
): Promise<FileCaptureFailureResponse> {
  const customerPhone = normalizePhone(request.customerPhone, context.defaultRegion);
  if (!customerPhone) throw new AppError('malformedRequest', `"${request.customerPhone}" is not a valid phone number.`, 400);
  const result = await fileCaptureFailureOnce(context.db, {
    taskSid: request.taskSid,
    customerPhone,
    actor,
    build: (failure) => {
      if (!isUnattributableReason(failure.reason)) {
        throw new AppError('conflict', `Capture failure ${request.taskSid} (${failure.reason}) is a note beside a stored interaction; there is nothing to file.`, 409);
      }
      const built = interactionForFiling(failure.parametersJson, customerPhone, { defaultRegion: context.defaultRegion, receivedAt: failure.receivedAt });
      if (!built.ok) throw new AppError('conflict', built.problem, 409);
      return built.interaction;
    },
  });
  logs.captureFailureFiled(request.taskSid, customerPhone, actor.uid, result);
  return { result, taskSid: request.taskSid, customerPhone, interactionPath: interactionPath(customerPhone, request.taskSid) };
}
