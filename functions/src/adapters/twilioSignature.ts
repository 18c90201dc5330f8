// Only the webhook module: loading all of `twilio` would add ~0.2 s to every cold start.
import { validateRequest } from 'twilio/lib/webhooks/webhooks';

/** Form parameters as signed: a repeated key keeps every value, in order, as Twilio's algorithm expects. */
export type SignedParameters = Record<string, string | string[]>;

/** Parses an `application/x-www-form-urlencoded` body exactly as it was sent. */
export function parseFormBody(rawBody: Buffer | undefined): SignedParameters {
  const parameters: SignedParameters = {};
  if (!rawBody || rawBody.length === 0) return parameters;
  for (const [key, value] of new URLSearchParams(rawBody.toString('utf8'))) {
    const existing = parameters[key];
    if (existing === undefined) parameters[key] = value;
    else parameters[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return parameters;
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
