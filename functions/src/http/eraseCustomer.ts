/** POST { phone, suppress?, dryRun? } (admin) → what was erased, by kind. */
import { onRequest } from 'firebase-functions/v2/https';
import { eraseRequestSchema } from '@interaction-history/model';
import { ERASURE_HASH_KEY } from '../config.js';
import { eraseCustomer } from '../use-cases/dataRights.js';
import { createAdminEndpoint, productionAdminEndpoint } from './adminEndpoint.js';
import { productionDataRightsContext } from './dataRightsContext.js';

export const handleEraseCustomer = createAdminEndpoint(
  'eraseCustomer',
  eraseRequestSchema,
  (body, actor) => eraseCustomer(body.phone, { suppress: body.suppress, dryRun: body.dryRun, actor }, productionDataRightsContext()),
  productionAdminEndpoint,
);

// A long history takes a while to delete; erasing is rare, so one request at a time per instance.
export const eraseCustomerFunction = onRequest({ secrets: [ERASURE_HASH_KEY], timeoutSeconds: 540 }, handleEraseCustomer);
