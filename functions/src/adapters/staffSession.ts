import type { Auth } from 'firebase-admin/auth';
import { isStaffRole, type StaffRole } from '@interaction-history/model';
import { AppError } from '../errors.js';

export interface StaffSession {
  readonly uid: string;
  readonly role: StaffRole;
}

/**
 * The staff session behind `Authorization: Bearer <Firebase ID token>`,
 * checked as the rules check it: a verified token with a staff `role` claim
 * and a Flex token (`flexExp`) not yet expired. 401 when there is no valid
 * session, 403 when the session's role is below `required`.
 */
export async function verifyStaffSession(
  auth: Auth,
  authorization: string | undefined,
  required: StaffRole,
  now: Date,
): Promise<StaffSession> {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new AppError('unauthenticated', 'Send Authorization: Bearer <Firebase ID token>.', 401);
  let claims: Record<string, unknown>;
  try {
    claims = await auth.verifyIdToken(token);
  } catch {
    throw new AppError('unauthenticated', 'The Firebase ID token is invalid or expired; sign in again.', 401);
  }
  const role = claims['role'];
  const flexExp = claims['flexExp'];
  if (!isStaffRole(role) || typeof flexExp !== 'number' || flexExp * 1000 <= now.getTime()) {
    throw new AppError('unauthenticated', 'The session is not a current staff session; sign in again.', 401);
  }
  const ranks: readonly StaffRole[] = ['agent', 'supervisor', 'admin'];
  if (ranks.indexOf(role) < ranks.indexOf(required)) throw new AppError('forbidden', `Only an ${required} may do this.`, 403);
  return { uid: String(claims['uid'] ?? claims['sub']), role };
}
