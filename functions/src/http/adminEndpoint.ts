/**
 * What the admin-only endpoints share: CORS for Flex and the configured
 * origins, POST with a JSON body decoded through its model schema, and an
 * `Authorization: Bearer <Firebase ID token>` whose claims say admin.
 */
import type { Request, Response } from 'firebase-functions/v2/https';
import { tryDecode, type Schema } from '@interaction-history/model';
import { readAllowedOrigins } from '../config.js';
import { decideAdmin, type AdminActor } from '../domain/adminSession.js';
import { AppError } from '../errors.js';
import { auth } from '../firebase.js';
import { runCors } from './cors.js';
import { sendError } from './sendError.js';

export interface AdminEndpointDependencies {
  readonly allowedOrigins: () => readonly string[];
  /** Verifies a Firebase ID token (signature, expiry, revocation) and answers its uid and claims. */
  readonly verifyIdToken: (idToken: string) => Promise<{ uid: string; claims: Readonly<Record<string, unknown>> }>;
  readonly now: () => Date;
}

/** The wiring of the deployed functions: the configured origins, and Firebase Auth with the revocation check. */
export const productionAdminEndpoint: AdminEndpointDependencies = {
  allowedOrigins: readAllowedOrigins,
  verifyIdToken: async (idToken) => {
    // checkRevoked: these endpoints erase and file; a revoked session must not, even within its hour.
    const decoded = await auth().verifyIdToken(idToken, true);
    return { uid: decoded.uid, claims: decoded };
  },
  now: () => new Date(),
};

export function createAdminEndpoint<Body, Answer>(
  name: string,
  schema: Schema<Body>,
  run: (body: Body, actor: AdminActor) => Promise<Answer>,
  dependencies: AdminEndpointDependencies,
  /** The HTTP status of a success; 200 unless said (filing answers 201 when it created the interaction). */
  successStatus: (answer: Answer) => number = () => 200,
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
      response.set('Cache-Control', 'no-store').status(successStatus(answer)).json(answer);
    } catch (error) {
      sendError(response, name, error);
    }
  };
}
