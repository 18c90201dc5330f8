/**
 * The admin data-rights endpoints as the plugin calls them: the session's
 * Firebase ID token as a Bearer, a body and an answer that follow the
 * model's wire schemas, and an Error in the admin's words when refused.
 */
import {
  customerExportSchema,
  eraseResponseSchema,
  errorResponseSchema,
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

export interface DataRightsClient {
  erase(request: EraseRequest): Promise<EraseResponse>;
  exportData(request: ExportRequest): Promise<CustomerExport>;
  suppression(request: SuppressionRequest): Promise<SuppressionResponse>;
}

/** An erase of a long history takes a while; the function itself may run for minutes. */
export const DATA_RIGHTS_TIMEOUT_MS = 5 * 60_000;

export function createDataRightsClient(
  urlOf: (name: 'eraseCustomer' | 'exportCustomer' | 'setRecordingSuppression') => string,
  idToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): DataRightsClient {
  async function call<T>(name: 'eraseCustomer' | 'exportCustomer' | 'setRecordingSuppression', body: unknown, schema: Schema<T>): Promise<T> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), DATA_RIGHTS_TIMEOUT_MS);
    try {
      const response = await fetchImpl(urlOf(name), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await idToken()}` },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const answer: unknown = await response.json().catch(() => undefined);
      const decoded = tryDecode(schema, answer);
      if (response.ok && decoded.ok) return decoded.value;
      const refusal = tryDecode(errorResponseSchema, answer);
      throw new Error(refusal.ok ? refusal.value.error.message : strings.dataRights.serviceAnswered(response.status));
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    erase: (request) => call('eraseCustomer', request, eraseResponseSchema),
    exportData: (request) => call('exportCustomer', request, customerExportSchema),
    suppression: (request) => call('setRecordingSuppression', request, suppressionResponseSchema),
  };
}
