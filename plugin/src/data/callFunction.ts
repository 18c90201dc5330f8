/**
 * Calls one of the project's HTTPS functions as the signed-in user: POST the
 * request as JSON with `Authorization: Bearer <Firebase ID token>`; a refusal
 * answers `{ error: { code, message } }` (the model's errorResponseSchema).
 * Plain fetch: the plugin needs no Functions SDK. The data-rights panel and
 * the staff views both call through here.
 */
import { errorResponseSchema, tryDecode } from '@interaction-history/model';

export class FunctionCallError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer came. */
    readonly status: number,
  ) {
    super(message);
    this.name = 'FunctionCallError';
  }
}

export const FUNCTION_CALL_TIMEOUT_MS = 20_000;

export interface FunctionCallOptions {
  readonly fetchImpl?: typeof fetch;
  /** How long to wait for the answer: at least as long as the function may run. */
  readonly timeoutMs?: number;
}

/** The function's name, for messages: the last segment of its URL. */
const nameOf = (url: string): string => url.replace(/\/+$/, '').split('/').pop() ?? url;

export async function callFunction(url: string, request: unknown, idToken: () => Promise<string>, options: FunctionCallOptions = {}): Promise<unknown> {
  const { fetchImpl = fetch, timeoutMs = FUNCTION_CALL_TIMEOUT_MS } = options;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await idToken()}` },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const refusal = tryDecode(errorResponseSchema, body);
    throw new FunctionCallError(refusal.ok ? refusal.value.error.message : `${nameOf(url)} answered with HTTP status ${response.status}.`, response.status);
  } catch (error) {
    if (error instanceof FunctionCallError) throw error;
    if (controller.signal.aborted) throw new FunctionCallError(`${nameOf(url)} did not answer in time.`, 0);
    throw new FunctionCallError(error instanceof Error ? error.message : String(error), 0);
  } finally {
    clearTimeout(timer);
  }
}
