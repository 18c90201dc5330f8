/**
 * What the admin-only endpoints share: CORS for Flex and the configured
 * origins, POST with a JSON body decoded through its model schema, and an
 * `Authorization: Bearer <Firebase ID token>` whose claims say admin.
 */
import type { Request, Response } from 'firebase-functions/v2/https';
import { tryDecode, type Actor, type Schema } from '@interaction-history/model';
import { decideAdmin } from '../domain/adminSession.js';
import { AppError } from '../errors.js';
import { runCors } from './cors.js';
import { sendError } from './sendError.js';

export interface AdminEndpointDependencies {
  readonly allowedOrigins: () => readonly string[];
  /** Verifies a Firebase ID token (signature, expiry, revocation) and answers its uid and claims. */
  readonly verifyIdToken: (idToken: string) => Promise<{ uid: string; claims: Readonly<Record<string, unknown>> }>;
  readonly now: () => Date;
}

export function createAdminEndpoint<Body, Answer>(
  name: string,
  schema: Schema<Body>,
  run: (body: Body, actor: Actor) => Promise<Answer>,
  dependencies: AdminEndpointDependencies,
) {
  return async (request: Request, response: Response): Promise<void> => {
    try {
      await runCors(request, response, dependencies.allowedOrigins(), ['Content-Type', 'Authorization']);
      if (request.method === 'OPTIONS') {
        response.status(204).end();
        return;
      }
      if (request.method !== 'POST') throw new AppError('methodNotAllowed', 'Use POST.', 405);
      const origin = request.header('Origin');
      if (origin && !dependencies.allowedOrigins().includes(origin)) throw new AppError('forbidden', `Origin ${origin} may not call ${name}.`, 403);
      const bearer = /^Bearer (\S+)$/.exec(request.header('Authorization') ?? '')?.[1];
      if (!bearer) throw new AppError('unauthenticated', 'Send Authorization: Bearer <Firebase ID token>.', 401);
      let verified: Awaited<ReturnType<AdminEndpointDependencies['verifyIdToken']>>;
      try {
        verified = await dependencies.verifyIdToken(bearer);
      } catch {
        throw new AppError('unauthenticated', 'The Firebase ID token is invalid or expired; sign in again.', 401);
      }
      const decision = decideAdmin(verified.claims, verified.uid, dependencies.now());
      if (!decision.allowed) {
        throw decision.reason === 'expired'
          ? new AppError('unauthenticated', 'The Flex session behind this token has expired; sign in again.', 401)
          : new AppError('forbidden', `Only admins may call ${name}.`, 403);
      }
      const body = tryDecode(schema, request.is('application/json') ? request.body : undefined);
      if (!body.ok) throw new AppError('malformedRequest', `Send a JSON body: ${body.problems.join('; ')}`, 400);
      const answer = await run(body.value, decision.actor);
      response.set('Cache-Control', 'no-store').status(200).json(answer);
    } catch (error) {
      sendError(response, name, error);
    }
  };
}
