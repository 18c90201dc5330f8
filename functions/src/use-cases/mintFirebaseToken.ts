/**
 * The story of signing in: a Flex token, checked by Twilio (or remembered
 * from a recent check), becomes a Firebase custom token whose claims say who
 * the worker is, what role they have and until when.
 *
 * Twilio's validation is shared by everyone who signs in, so random or
 * expired tokens must not be able to exhaust it: a refused token is
 * remembered (by its SHA-256) and refused again without asking Twilio, and
 * each client (its address) may have only so many tokens refused before it
 * is answered 429 for a while. A successful validation gives its charge
 * back, so a contact centre whose agents share one address is never slowed
 * down by its own sign-ins.
 */
import type { ValidationCache } from '../adapters/validationCache.js';
import type { FlexTokenValidator } from '../adapters/flexTokenValidator.js';
import { decideSession, type FlexTokenResult } from '../domain/flexSession.js';
import type { TokenBuckets } from '../domain/tokenBucket.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

/** However long a Flex token still lives, a validation is trusted for at most this long. */
export const VALIDATION_CACHE_MS = 5 * 60 * 1000;

/** A refused token is refused again without asking Twilio for this long. */
export const REFUSAL_MEMORY_MS = 10 * 60 * 1000;

/** Refused validations a client may cause at once, and how fast it earns them back (10 a minute). */
export const REFUSAL_LIMITS = { capacity: 10, refillPerSecond: 1 / 6 } as const;

export interface MintContext {
  readonly validate: FlexTokenValidator;
  readonly cache: ValidationCache<FlexTokenResult>;
  /** Tokens refused lately, and why (keyed by SHA-256, like the cache). */
  readonly refusals: ValidationCache<string>;
  /** Refused validations per client. */
  readonly limiter: TokenBuckets;
  readonly createCustomToken: (uid: string, claims: object) => Promise<string>;
  readonly now: () => Date;
}

const refused = (reason: string) => new AppError('unauthenticated', `This Flex session may not open the history (${reason}).`, 401);

/** Asks Twilio, within the client's allowance; remembers a refusal. */
async function validateWithinLimits(flexToken: string, client: string, context: MintContext, now: number): Promise<FlexTokenResult> {
  const remembered = context.refusals.get(flexToken, now);
  if (remembered !== undefined) {
    logs.refusalRemembered(client);
    throw refused(remembered);
  }
  const allowance = context.limiter.take(client, now);
  if (!allowance.allowed) {
    logs.mintRateLimited(client, allowance.retryAfterSeconds);
    throw new AppError(
      'rateLimited',
      `Too many refused sign-ins from this address; try again in ${allowance.retryAfterSeconds} s.`,
      429,
      allowance.retryAfterSeconds,
    );
  }
  try {
    return await context.validate(flexToken);
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthenticated') {
      context.refusals.set(flexToken, 'refused by Twilio', now + REFUSAL_MEMORY_MS);
    } else {
      // Twilio unreachable or our own credentials refused: not the client's doing.
      context.limiter.refund(client, now);
    }
    throw error;
  }
}

/** `client` identifies the caller for the limits (its address). */
export async function mintFirebaseToken(flexToken: string, client: string, context: MintContext): Promise<string> {
  const now = context.now();
  const cached = context.cache.get(flexToken, now.getTime());
  const result = cached ?? (await validateWithinLimits(flexToken, client, context, now.getTime()));
  const decision = decideSession(result, now);
  if (!decision.allowed) {
    if (!cached) context.refusals.set(flexToken, decision.reason, now.getTime() + REFUSAL_MEMORY_MS);
    throw refused(decision.reason);
  }
  if (!cached) {
    context.limiter.refund(client, now.getTime());
    context.cache.set(flexToken, result, Math.min(decision.expiresAt.getTime(), now.getTime() + VALIDATION_CACHE_MS));
  }
  const firebaseToken = await context.createCustomToken(decision.uid, decision.claims);
  logs.tokenMinted(decision.uid, decision.claims.role, cached !== undefined);
  return firebaseToken;
}
