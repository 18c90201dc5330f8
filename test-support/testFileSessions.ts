/** Signed-in web sessions for one test file: each signed in when asked for, all closed after the file's tests. */
import { afterAll } from 'vitest';
import type { StaffRole } from '@interaction-history/model';
import { signInAs, type WebSession } from './webSession.js';

/** Call at a test file's top level; the answer signs in a new session of that role. */
export function sessionsForTestFile(): (role: StaffRole) => Promise<WebSession> {
  const open: WebSession[] = [];
  afterAll(() => Promise.all(open.map((signedIn) => signedIn.close())));
  return async (role) => {
    const signedIn = await signInAs(role);
    open.push(signedIn);
    return signedIn;
  };
}
