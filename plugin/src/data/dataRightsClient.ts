/**
 * The admin data-rights endpoints as the plugin calls them: the session's
 * Firebase ID token as a Bearer, a body and an answer that follow the
 * model's wire schemas, and an Error in the admin's words when refused.
 */
import {
  customerExportSchema,
  eraseResponseSchema,
  suppressionResponseSchema,
  tryDecode,
  type CustomerExport,
  type EraseRequest,
  type EraseResponse,
  type ExportRequest,
  type Schema,
  type SuppressionRequest,
  type SuppressionResponse,
} from '@interaction-history/model';
import { strings } from '../strings/index.js';
import { callFunction } from './callFunction.js';

export interface DataRightsClient {
  erase(request: EraseRequest): Promise<EraseResponse>;
  exportData(request: ExportRequest): Promise<CustomerExport>;
  suppression(request: SuppressionRequest): Promise<SuppressionResponse>;
}

/** Longer than the longest data-rights function may run (eraseCustomer: 540 s), so the panel never gives up before it. */
export const DATA_RIGHTS_TIMEOUT_MS = 10 * 60_000;

type DataRightsFunction = 'eraseCustomer' | 'exportCustomer' | 'setRecordingSuppression';

export function createDataRightsClient(
  urlOf: (name: DataRightsFunction) => string,
  idToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): DataRightsClient {
  async function call<T>(name: DataRightsFunction, body: unknown, schema: Schema<T>): Promise<T> {
    const decoded = tryDecode(schema, await callFunction(urlOf(name), body, idToken, { fetchImpl, timeoutMs: DATA_RIGHTS_TIMEOUT_MS }));
    if (decoded.ok) return decoded.value;
    throw new Error(strings.dataRights.unreadableAnswer);
  }
  return {
    erase: (request) => call('eraseCustomer', request, eraseResponseSchema),
    exportData: (request) => call('exportCustomer', request, customerExportSchema),
    suppression: (request) => call('setRecordingSuppression', request, suppressionResponseSchema),
  };
}
