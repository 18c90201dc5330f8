/**
 * Pure: whether the claims of a verified Firebase ID token belong to an admin
 * whose Flex session is still valid (the same test the rules make), and who
 * that admin is for the audit trail.
 */
/** An admin as the audit trail names them: the worker SID (the token's uid when the claim is missing). */
export interface AdminActor {
  readonly uid: string;
  readonly role: 'admin';
}

export type AdminDecision = { readonly allowed: true; readonly actor: AdminActor } | { readonly allowed: false; readonly reason: 'notAdmin' | 'expired' };

export function decideAdmin(claims: Readonly<Record<string, unknown>>, uid: string, now: Date): AdminDecision {
  const flexExp = claims['flexExp'];
  if (typeof flexExp !== 'number' || flexExp * 1000 <= now.getTime()) return { allowed: false, reason: 'expired' };
  if (claims['role'] !== 'admin') return { allowed: false, reason: 'notAdmin' };
  const workerSid = claims['workerSid'];
  return { allowed: true, actor: { uid: typeof workerSid === 'string' ? workerSid : uid, role: 'admin' } };
}
