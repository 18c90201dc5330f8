/** POST { phone } (admin) → everything stored about the number, as one JSON document. */
import { onRequest } from 'firebase-functions/v2/https';
import { exportRequestSchema } from '@interaction-history/model';
import { ERASURE_HASH_KEY } from '../config.js';
import { exportCustomer } from '../use-cases/dataRights.js';
import { createAdminEndpoint, productionAdminEndpoint } from './adminEndpoint.js';
import { productionDataRightsContext } from './dataRightsContext.js';

export const handleExportCustomer = createAdminEndpoint(
  'exportCustomer',
  exportRequestSchema,
  (body, actor) => exportCustomer(body.phone, actor, productionDataRightsContext()),
  productionAdminEndpoint,
);

export const exportCustomerFunction = onRequest({ secrets: [ERASURE_HASH_KEY], timeoutSeconds: 300, memory: '1GiB' }, handleExportCustomer);
