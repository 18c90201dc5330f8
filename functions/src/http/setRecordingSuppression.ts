/** POST { phone, suppressed? } (admin) → whether recording of the number is suppressed; sets or lifts it when `suppressed` is given. */
import { onRequest } from 'firebase-functions/v2/https';
import { suppressionRequestSchema } from '@interaction-history/model';
import { ERASURE_HASH_KEY } from '../config.js';
import { setRecordingSuppression } from '../use-cases/dataRights.js';
import { createAdminEndpoint, productionAdminEndpoint } from './adminEndpoint.js';
import { productionDataRightsContext } from './dataRightsContext.js';

export const handleSetRecordingSuppression = createAdminEndpoint(
  'setRecordingSuppression',
  suppressionRequestSchema,
  (body, actor) => setRecordingSuppression(body.phone, body.suppressed, actor, productionDataRightsContext()),
  productionAdminEndpoint,
);

export const setRecordingSuppressionFunction = onRequest({ secrets: [ERASURE_HASH_KEY] }, handleSetRecordingSuppression);
