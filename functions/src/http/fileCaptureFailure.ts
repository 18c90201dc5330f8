/**
 * POST { taskSid, customerPhone } with an admin's Firebase ID token →
 * { result, taskSid, customerPhone, interactionPath }. Files an
 * unattributable interaction under a customer; clients never write
 * interactions themselves.
 */
import type { Request, Response } from 'firebase-functions/v2/https';
import { onRequest } from 'firebase-functions/v2/https';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { fileCaptureFailureRequestSchema, tryDecode, type CountryCode } from '@interaction-history/model';
import { firestoreCaptureStore } from '../adapters/captureStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { verifyStaffSession } from '../adapters/staffSession.js';
import { ERASURE_HASH_KEY, readAllowedOrigins, readErasureHashKey, readPhoneRegion, readRetentionDays } from '../config.js';
import { AppError } from '../errors.js';
import { auth, firestore } from '../firebase.js';
import { fileCaptureFailure } from '../use-cases/fileCaptureFailure.js';
import { runCors } from './cors.js';
import { sendError } from './sendError.js';

export interface FileCaptureFailureDependencies {
  readonly allowedOrigins: () => readonly string[];
  readonly auth: () => Auth;
  readonly db: () => Firestore;
  readonly defaultRegion: () => CountryCode;
  readonly now: () => Date;
}

export function createFileCaptureFailureHandler(dependencies: FileCaptureFailureDependencies) {
  return async (request: Request, response: Response): Promise<void> => {
    try {
      await runCors(request, response, dependencies.allowedOrigins(), ['Content-Type', 'Authorization']);
      if (request.method === 'OPTIONS') {
        response.status(204).end();
        return;
      }
      if (request.method !== 'POST') throw new AppError('methodNotAllowed', 'Use POST.', 405);
      const session = await verifyStaffSession(dependencies.auth(), request.header('Authorization'), 'admin', dependencies.now());
      const body = tryDecode(fileCaptureFailureRequestSchema, request.is('application/json') ? request.body : undefined);
      if (!body.ok) {
        throw new AppError('malformedRequest', `Send a JSON body {"taskSid": "WT…", "customerPhone": "+1…"}: ${body.problems.join('; ')}`, 400);
      }
      const db = dependencies.db();
      const answer = await fileCaptureFailure(body.value, session, {
        db,
        store: firestoreCaptureStore(db, { retentionDays: readRetentionDays() }),
        erasures: firestoreErasureRegistry(db, readErasureHashKey()),
        defaultRegion: dependencies.defaultRegion(),
      });
      response.set('Cache-Control', 'no-store').status(answer.result === 'filed' ? 201 : 200).json(answer);
    } catch (error) {
      sendError(response, 'fileCaptureFailure', error);
    }
  };
}

export const handleFileCaptureFailure = createFileCaptureFailureHandler({
  allowedOrigins: readAllowedOrigins,
  auth,
  db: firestore,
  defaultRegion: readPhoneRegion,
  now: () => new Date(),
});

export const fileCaptureFailureFunction = onRequest({ secrets: [ERASURE_HASH_KEY], concurrency: 80 }, handleFileCaptureFailure);
