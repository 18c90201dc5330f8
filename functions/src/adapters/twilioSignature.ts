// Only the webhook module: loading all of `twilio` would add ~0.2 s to every cold start.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';

/** Form parameters as signed: a repeated key keeps every value, in order, as Twilio's algorithm expects. */
export type SignedParameters = Record<string, string | string[]>;

/** Parses an `application/x-www-form-urlencoded` body exactly as it was sent. */
export function parseFormBody(rawBody: Buffer | undefined): SignedParameters {
  // A Map, then own properties only: a parameter named `constructor` or `__proto__` is just a parameter.
  const parameters = new Map<string, string | string[]>();
  if (rawBody && rawBody.length > 0) {
    for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
      const existing = parameters.get(key);
      if (existing === undefined) parameters.set(key, value);
      else parameters.set(key, Array.isArray(existing) ? [...existing, value] : [existing, value]);
    }
  }
  return Object.fromEntries(parameters);
}

/**
 * True when `signature` is Twilio's signature of these parameters posted to
 * `publicUrl`, the URL configured in TaskRouter, never one rebuilt from the
 * request's own headers (which a caller controls).
 */
export function isSignedByTwilio(
  authToken: string,
  signature: string | undefined,
  publicUrl: string,
  parameters: SignedParameters,
): boolean {
  if (!signature) return false;
  return validateRequest(authToken, signature, publicUrl, parameters);
}
