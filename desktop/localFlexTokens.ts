/**
 * The local desktop's sign-in, standing in for Flex's: it issues a "Flex
 * token" for a chosen role, and a development-only mint endpoint turns it into
 * a Firebase custom token with exactly the claims mintFirebaseToken gives.
 * This lives in desktop/, never in functions/: it is never deployed.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { isStaffRole, type StaffClaims, type StaffRole } from '@interaction-history/model';
import { PROJECT_ID } from '../local-stack/localStack.js';

export interface LocalIdentity {
  readonly role: StaffRole;
  readonly workerSid: string;
  readonly name: string;
  /** Seconds since the Unix epoch, as Flex tokens carry. */
  readonly exp: number;
}

const TOKEN_LIFETIME_SECONDS = 60 * 60;

export class LocalFlexTokens {
  // A fresh key per desktop process: only tokens this desktop issued are accepted.
  private readonly key = randomBytes(32);

  issue(role: StaffRole, name: string, workerSid = workerSidFor(name)): { token: string; identity: LocalIdentity } {
    const identity: LocalIdentity = { role, workerSid, name, exp: Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS };
    const payload = Buffer.from(JSON.stringify(identity)).toString('base64url');
    return { token: `local.${payload}.${this.signature(payload)}`, identity };
  }

  verify(token: string): LocalIdentity | null {
    const [prefix, payload, signature] = token.split('.');
    if (prefix !== 'local' || !payload || !signature) return null;
    const expected = Buffer.from(this.signature(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    const identity = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LocalIdentity;
    if (!isStaffRole(identity.role) || identity.exp <= Date.now() / 1000) return null;
    return identity;
  }

  /** The same claims the real minting function gives (role, workerSid, flexExp). */
  async mintFirebaseToken(identity: LocalIdentity): Promise<string> {
    const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
    const claims: StaffClaims = { role: identity.role, workerSid: identity.workerSid, flexExp: identity.exp };
    return getAuth(app).createCustomToken(identity.workerSid, { ...claims });
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}

/** A stable, well-formed worker SID per name, so the same agent is the same worker across reloads. */
export function workerSidFor(name: string): string {
  return `WK${createHmac('sha256', 'local-desktop').update(name.trim().toLowerCase()).digest('hex').slice(0, 32)}`;
}
