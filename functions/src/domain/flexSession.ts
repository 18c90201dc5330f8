/**
 * Pure: decides whether a validated Flex token may open a Firebase session,
 * and with which claims. The rules read exactly these claims.
 */
import { z } from 'zod';
import { highestStaffRole, type StaffClaims } from '@interaction-history/model';

/** What Twilio's token validation answers for a valid token (the fields this product reads). */
export const flexTokenResultSchema = z.object({
  valid: z.literal(true),
  expiration: z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'not a date'),
  worker_sid: z.string().nullish(),
  roles: z.array(z.string()).nullish(),
  identity: z.string().nullish(),
});

export type FlexTokenResult = z.infer<typeof flexTokenResultSchema>;

export type SessionDecision =
  | { readonly allowed: true; readonly uid: string; readonly claims: StaffClaims; readonly expiresAt: Date }
  | { readonly allowed: false; readonly reason: 'guest' | 'noStaffRole' | 'expired' };

export function decideSession(result: FlexTokenResult, now: Date): SessionDecision {
  const expiresAt = new Date(Date.parse(result.expiration));
  if (expiresAt <= now) return { allowed: false, reason: 'expired' };
  const roles = result.roles ?? [];
  const workerSid = result.worker_sid ?? '';
  if (!/^WK[0-9a-f]{32}$/.test(workerSid) || roles.includes('guest')) return { allowed: false, reason: 'guest' };
  const role = highestStaffRole(roles);
  if (!role) return { allowed: false, reason: 'noStaffRole' };
  return {
    allowed: true,
    uid: workerSid,
    claims: { role, workerSid, flexExp: Math.floor(expiresAt.getTime() / 1000) },
    expiresAt,
  };
}
