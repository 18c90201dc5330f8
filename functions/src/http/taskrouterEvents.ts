/**
 * TaskRouter's workspace event callback. Order of work: verify the signature
 * against the configured public URL, then parse, then filter on event type,
 * then write idempotently on the TaskSid, then answer with a truthful status.
 */
import type { Request, Response } from 'firebase-functions/v2/https';
import { onRequest } from 'firebase-functions/v2/https';
import { firestoreCaptureStore, type CaptureStore } from '../adapters/captureStore.js';
import { isSignedByTwilio, parseFormBody } from '../adapters/twilioSignature.js';
import { firestoreErasureRegistry, type ErasureRegistry } from '../adapters/erasureRegistry.js';
import { ERASURE_HASH_KEY, readErasureHashKey, readRetentionDays, readWebhookSettings, TWILIO_AUTH_TOKEN, type WebhookSettings } from '../config.js';
import { AppError, withDeadline } from '../errors.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';
import { captureTaskrouterEvent, type CaptureResult } from '../use-cases/captureTaskrouterEvent.js';
import { sendError } from './sendError.js';

export interface TaskrouterEventsDependencies {
  readonly settings: () => WebhookSettings;
  readonly store: () => CaptureStore;
  readonly erasures: () => ErasureRegistry;
  readonly now: () => Date;
  /** How long storage may take before the sender is told to retry; TaskRouter gives up after 15 s. */
  readonly storageDeadlineMs: number;
}

const STATUS_BY_RESULT: Record<CaptureResult['result'], number> = {
  stored: 201,
  duplicate: 200,
  unattributable: 202,
  workerRecorded: 200,
  ignored: 200,
  withheld: 200,
};

function singleValued(parameters: Record<string, string | string[]>): Record<string, string> {
  const entries = Object.entries(parameters).map(([key, value]) => {
    if (Array.isArray(value)) throw new AppError('malformedRequest', `Parameter ${key} appears more than once.`, 400);
    return [key, value] as const;
  });
  // fromEntries defines own properties, so a parameter named `__proto__` cannot reach the prototype.
  return Object.fromEntries(entries);
}

export function createTaskrouterEventsHandler(dependencies: TaskrouterEventsDependencies) {
  return async (request: Request, response: Response): Promise<void> => {
    try {
      if (request.method !== 'POST') throw new AppError('methodNotAllowed', 'Use POST.', 405);
      const settings = dependencies.settings();
      const isForm = request.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded';
      const signed = isForm ? parseFormBody((request as Request & { rawBody?: Buffer }).rawBody) : {};
      if (!isSignedByTwilio(settings.authToken, request.header('X-Twilio-Signature'), settings.publicUrl, signed)) {
        logs.signatureRejected(request.header('X-Twilio-Signature') ? 'mismatch' : 'missing');
        throw new AppError('badSignature', 'X-Twilio-Signature is missing or does not match this request.', 403);
      }
      if (!isForm) throw new AppError('malformedRequest', 'Expected a form-encoded TaskRouter callback.', 400);
      const capture = captureTaskrouterEvent(singleValued(signed), {
        store: dependencies.store(),
        erasures: dependencies.erasures(),
        defaultRegion: settings.defaultRegion,
        receivedAt: dependencies.now(),
      });
      const result = await withDeadline(capture, dependencies.storageDeadlineMs);
      response.status(STATUS_BY_RESULT[result.result]).json(result);
    } catch (error) {
      sendError(response, 'taskrouterEvents', error);
    }
  };
}

export const handleTaskrouterEvent = createTaskrouterEventsHandler({
  settings: readWebhookSettings,
  store: () => firestoreCaptureStore(firestore(), { retentionDays: readRetentionDays() }),
  erasures: () => firestoreErasureRegistry(firestore(), readErasureHashKey()),
  now: () => new Date(),
  storageDeadlineMs: 10_000,
});

export const taskrouterEvents = onRequest({ secrets: [TWILIO_AUTH_TOKEN, ERASURE_HASH_KEY], concurrency: 80 }, handleTaskrouterEvent);
