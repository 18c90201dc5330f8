/**
 * POST { "token": "<Flex token>" } → { "firebaseToken": "..." }. CORS admits
 * only Flex and the origins configured for local development.
 */
import type { Request, Response } from 'firebase-functions/v2/https';
import { onRequest } from 'firebase-functions/v2/https';
import * as z from 'zod/mini';
import { mintRequestSchema, type MintResponse } from '@interaction-history/model';
import { twilioFlexTokenValidator } from '../adapters/flexTokenValidator.js';
import { ValidationCache } from '../adapters/validationCache.js';
import { readAllowedOrigins, readTwilioCredentials, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN } from '../config.js';
import type { FlexTokenResult } from '../domain/flexSession.js';
import { TokenBuckets, type BucketLimits } from '../domain/tokenBucket.js';
import { AppError } from '../errors.js';
import { auth } from '../firebase.js';
import * as logs from '../logs.js';
import { mintFirebaseToken, REFUSAL_LIMITS, type MintContext } from '../use-cases/mintFirebaseToken.js';
import { runCors } from './cors.js';
import { sendError } from './sendError.js';

/** Twilio gets this long to validate a token before the agent is told to retry. */
export const TWILIO_TIMEOUT_MS = 5_000;

export interface MintDependencies {
  readonly allowedOrigins: () => readonly string[];
  readonly context: () => MintContext;
}

/**
 * The caller's address, for the per-client limits. Google's front end
 * appends the address it received the request from to `X-Forwarded-For`, so
 * the last entry is the one a client cannot choose; earlier entries can be
 * anything the client sent.
 */
export function clientAddress(request: Request): string {
  const forwarded = request.header('X-Forwarded-For')?.split(',').map((entry) => entry.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? request.ip ?? request.socket.remoteAddress ?? 'unknown';
}

export function createMintFirebaseTokenHandler(dependencies: MintDependencies) {
  return async (request: Request, response: Response): Promise<void> => {
    try {
      await runCors(request, response, dependencies.allowedOrigins(), ['Content-Type']);
      if (request.method === 'OPTIONS') {
        response.status(204).end();
        return;
      }
      if (request.method !== 'POST') throw new AppError('methodNotAllowed', 'Use POST.', 405);
      const origin = request.header('Origin');
      if (origin && !dependencies.allowedOrigins().includes(origin)) {
        throw new AppError('forbidden', `Origin ${origin} may not request tokens.`, 403);
      }
      const body = z.safeParse(mintRequestSchema, request.is('application/json') ? request.body : undefined);
      if (!body.success) throw new AppError('malformedRequest', 'Send a JSON body {"token": "<Flex token>"}.', 400);
      const firebaseToken = await mintFirebaseToken(body.data.token, clientAddress(request), dependencies.context());
      response.set('Cache-Control', 'no-store').status(200).json({ firebaseToken } satisfies MintResponse);
    } catch (error) {
      const appError = error instanceof AppError ? error : undefined;
      if (appError) logs.tokenRefused(appError.code, appError.httpStatus);
      sendError(response, 'mintFirebaseToken', error);
    }
  };
}

/** What an instance remembers between requests: validations, refusals, and each client's allowance. */
export type MintMemory = Pick<MintContext, 'cache' | 'refusals' | 'limiter'>;

export const newMintMemory = (limits: BucketLimits = REFUSAL_LIMITS): MintMemory => ({
  cache: new ValidationCache<FlexTokenResult>(),
  refusals: new ValidationCache<string>(),
  limiter: new TokenBuckets(limits),
});

/** The deployed handler with its own memory (tests give each scenario a fresh one). */
export const createMintHandlerWith = (memory: MintMemory) =>
  createMintFirebaseTokenHandler({
    allowedOrigins: readAllowedOrigins,
    context: () => ({
      validate: twilioFlexTokenValidator(readTwilioCredentials(), TWILIO_TIMEOUT_MS),
      ...memory,
      createCustomToken: (uid, claims) => auth().createCustomToken(uid, claims),
      now: () => new Date(),
    }),
  });

/** One memory per instance: it lives as long as the instance does, so the limits hold per instance. */
export const handleMintFirebaseToken = createMintHandlerWith(newMintMemory());

export const mintFirebaseTokenFunction = onRequest(
  { secrets: [TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN], concurrency: 80 },
  handleMintFirebaseToken,
);
