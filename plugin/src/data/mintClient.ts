/**
 * The HTTP client of the mintFirebaseToken function: a Flex token in, a
 * Firebase custom token out, or a MintError that says whether trying again
 * later may help. Request and answer follow the model's mint contract.
 */
import { errorResponseSchema, mintResponseSchema, tryDecode, type MintRequest } from '@interaction-history/model';
import { strings } from '../strings/index.js';

/** Long enough for a cold start of the function, short enough that "Connecting…" never hangs. */
export const MINT_TIMEOUT_MS = 15_000;

/** A refused or failed mint; `passing` when trying again later may work (an outage, a timeout), not for a refused token. */
export class MintError extends Error {
  constructor(
    message: string,
    readonly passing: boolean,
    /** When the service said how long to wait (a 429's `retryAfterSeconds`), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'MintError';
  }
}

/** Asks the mintFirebaseToken function for a Firebase custom token. */
export async function mintFirebaseToken(
  mintTokenUrl: string,
  flexToken: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = MINT_TIMEOUT_MS,
): Promise<string> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchImpl(mintTokenUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: flexToken } satisfies MintRequest),
      signal: controller.signal,
    });
    const body: unknown = await response.json().catch(() => undefined);
    const minted = tryDecode(mintResponseSchema, body);
    if (!response.ok || !minted.ok) {
      const refusal = tryDecode(errorResponseSchema, body);
      const reason = refusal.ok ? refusal.value.error.message : strings.signInServiceAnswered(response.status);
      const retryAfterSeconds = refusal.ok ? refusal.value.error.retryAfterSeconds : undefined;
      throw new MintError(reason, response.status === 429 || response.status >= 500, retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000);
    }
    return minted.value.firebaseToken;
  } catch (error) {
    if (error instanceof MintError) throw error;
    if (controller.signal.aborted) throw new MintError(strings.signInTimedOut, true);
    // fetch rejects only when no answer came at all (network down, CORS): worth another try.
    throw new MintError(error instanceof Error ? error.message : String(error), true);
  } finally {
    clearTimeout(timer);
  }
}
