/**
 * The story of signing in: a Flex token, checked by Twilio (or remembered
 * from a recent check), becomes a Firebase custom token whose claims say who
 * the worker is, what role they have and until when.
 */
import type { ValidationCache } from '../adapters/validationCache.js';
import type { FlexTokenValidator } from '../adapters/flexTokenValidator.js';
import { decideSession, type FlexTokenResult } from '../domain/flexSession.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

/** However long a Flex token still lives, a validation is trusted for at most this long. */
export const VALIDATION_CACHE_MS = 5 * 60 * 1000;

export interface MintContext {
  readonly validate: FlexTokenValidator;
  readonly cache: ValidationCache<FlexTokenResult>;
  readonly createCustomToken: (uid: string, claims: object) => Promise<string>;
  readonly now: () => Date;
}

export async function mintFirebaseToken(flexToken: string, context: MintContext): Promise<string> {
  const now = context.now();
  const cached = context.cache.get(flexToken, now.getTime());
  const result = cached ?? (await context.validate(flexToken));
  const decision = decideSession(result, now);
  if (!decision.allowed) {
    throw new AppError('unauthenticated', `This Flex session may not open the history (${decision.reason}).`, 401);
  }
  if (!cached) {
    context.cache.set(flexToken, result, Math.min(decision.expiresAt.getTime(), now.getTime() + VALIDATION_CACHE_MS));
  }
  const firebaseToken = await context.createCustomToken(decision.uid, decision.claims);
  logs.tokenMinted(decision.uid, decision.claims.role, cached !== undefined);
  return firebaseToken;
}
