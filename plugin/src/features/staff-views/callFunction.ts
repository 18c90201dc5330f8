/**
 * Calls one of the project's HTTPS functions as the signed-in user: POST the
 * request as JSON with `Authorization: Bearer <Firebase ID token>`; a refusal
 * answers `{ error: { code, message } }` (the model's errorResponseSchema).
 * Plain fetch: the views need no Functions SDK, and agents never carry one.
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

/** The functions' base URL: the setting if given, else the folder of the mint function's URL (the functions are deployed together). */
export function functionsBaseUrl(mintTokenUrl: string, functionsUrl?: string): string {
  return (functionsUrl ?? mintTokenUrl.slice(0, mintTokenUrl.lastIndexOf('/'))).replace(/\/+$/, '');
}

export async function callFunction(
  baseUrl: string,
  name: string,
  request: unknown,
  idToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FUNCTION_CALL_TIMEOUT_MS);
  try {
    const response = await fetchImpl(`${baseUrl}/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await idToken()}` },
      body: JSON.stringify(request),
      signal: controller.signal,
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return body;
    const refusal = tryDecode(errorResponseSchema, body);
    throw new FunctionCallError(refusal.ok ? refusal.value.error.message : `${name} answered with HTTP status ${response.status}.`, response.status);
  } catch (error) {
    if (error instanceof FunctionCallError) throw error;
    if (controller.signal.aborted) throw new FunctionCallError(`${name} did not answer in time.`, 0);
    throw new FunctionCallError(error instanceof Error ? error.message : String(error), 0);
  } finally {
    clearTimeout(timer);
  }
}
