/**
 * POST { taskSid, customerPhone } with an admin's Firebase ID token →
 * { result, taskSid, customerPhone, interactionPath }: 201 when it filed the
 * interaction, 200 when it had been filed before. Files an unattributable
 * interaction under a customer; clients never write interactions themselves.
 * The same admin endpoint as erase and export (CORS, origin, token, body).
 */
import { onRequest } from 'firebase-functions/v2/https';
import type { Firestore } from 'firebase-admin/firestore';
import { fileCaptureFailureRequestSchema, type CountryCode } from '@interaction-history/model';
import { firestoreCaptureStore } from '../adapters/captureStore.js';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { ERASURE_HASH_KEY, readErasureHashKey, readPhoneRegion, readRetentionDays } from '../config.js';
import { firestore } from '../firebase.js';
import { fileCaptureFailure } from '../use-cases/fileCaptureFailure.js';
import { createAdminEndpoint, productionAdminEndpoint, type AdminEndpointDependencies } from './adminEndpoint.js';

export interface FileCaptureFailureDependencies extends AdminEndpointDependencies {
  readonly db: () => Firestore;
  readonly defaultRegion: () => CountryCode;
}

export function createFileCaptureFailureHandler(dependencies: FileCaptureFailureDependencies) {
  return createAdminEndpoint(
    'fileCaptureFailure',
    fileCaptureFailureRequestSchema,
    (body, actor) => {
      const db = dependencies.db();
      return fileCaptureFailure(body, actor, {
        db,
        store: firestoreCaptureStore(db, { retentionDays: readRetentionDays() }),
        erasures: firestoreErasureRegistry(db, readErasureHashKey()),
        defaultRegion: dependencies.defaultRegion(),
      });
    },
    dependencies,
    (answer) => (answer.result === 'filed' ? 201 : 200),
  );
}

export const handleFileCaptureFailure = createFileCaptureFailureHandler({ ...productionAdminEndpoint, db: firestore, defaultRegion: readPhoneRegion });

export const fileCaptureFailureFunction = onRequest({ secrets: [ERASURE_HASH_KEY], concurrency: 80 }, handleFileCaptureFailure);
