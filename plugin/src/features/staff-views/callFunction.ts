/**
 * Calls a callable Cloud Function (`onCall`) over its documented HTTP
 * protocol: POST `{ data }` with the user's Firebase ID token; the answer is
 * `{ result }` or `{ error: { status, message } }`. Done with fetch rather than
 * the `firebase/functions` SDK, which would add its weight to every agent's
 * bundle for a call only admins make.
 */
export class FunctionCallError extends Error {
  constructor(
    message: string,
    /** The callable error status, e.g. `INVALID_ARGUMENT`, `PERMISSION_DENIED`; `UNAVAILABLE` when no answer came. */
    readonly status: string,
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
  data: unknown,
  idToken: () => Promise<string>,
  fetchImpl: typeof fetch = fetch,
): Promise<unknown> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FUNCTION_CALL_TIMEOUT_MS);
  try {
    const response = await fetchImpl(`${baseUrl}/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${await idToken()}` },
      body: JSON.stringify({ data: data ?? null }),
      signal: controller.signal,
    });
    const body = (await response.json().catch(() => undefined)) as
      | { result?: unknown; error?: { status?: unknown; message?: unknown } }
      | undefined;
    if (response.ok && body && 'result' in body) return body.result;
    const status = typeof body?.error?.status === 'string' ? body.error.status : `HTTP ${response.status}`;
    const message = typeof body?.error?.message === 'string' ? body.error.message : `The function ${name} answered with HTTP status ${response.status}.`;
    throw new FunctionCallError(message, status);
  } catch (error) {
    if (error instanceof FunctionCallError) throw error;
    if (controller.signal.aborted) throw new FunctionCallError(`The function ${name} did not answer in time.`, 'UNAVAILABLE');
    throw new FunctionCallError(error instanceof Error ? error.message : String(error), 'UNAVAILABLE');
  } finally {
    clearTimeout(timer);
  }
}
