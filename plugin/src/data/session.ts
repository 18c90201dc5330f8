/**
 * The agent's Firebase session: a custom token minted from the Flex token,
 * renewed whenever Flex renews its own. Components read its state; nothing
 * else signs in.
 */
import { initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, initializeAuth, inMemoryPersistence, signInWithCustomToken, type Auth } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import { isStaffRole, type StaffRole } from '@interaction-history/model';
import type { PluginConfig } from '../config/pluginConfig.js';

export type SessionState =
  | { readonly status: 'signingIn' }
  | { readonly status: 'ready'; readonly db: Firestore; readonly uid: string; readonly role: StaffRole }
  | { readonly status: 'failed'; readonly message: string };

export interface FirebaseSession {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Signs in (again) with a Flex token; call it at start and on every Flex token refresh. */
  signIn(flexToken: string): Promise<void>;
}

/** Asks the mintFirebaseToken function for a Firebase custom token. */
export async function mintFirebaseToken(mintTokenUrl: string, flexToken: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const response = await fetchImpl(mintTokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: flexToken }),
  });
  const body = (await response.json().catch(() => ({}))) as { firebaseToken?: unknown; error?: { message?: unknown } };
  if (!response.ok || typeof body.firebaseToken !== 'string') {
    const reason = typeof body.error?.message === 'string' ? body.error.message : `HTTP ${response.status}`;
    throw new Error(reason);
  }
  return body.firebaseToken;
}

export function createFirebaseSession(config: PluginConfig, fetchImpl: typeof fetch = fetch): FirebaseSession {
  // A named app, so another plugin's Firebase app on the same page is never touched.
  const app: FirebaseApp = initializeApp(config.firebase, 'interaction-history');
  // In-memory persistence: every Flex load mints afresh, and nothing about the agent lingers in the browser.
  const auth: Auth = initializeAuth(app, { persistence: inMemoryPersistence });
  const db = getFirestore(app);
  if (config.emulators) {
    connectAuthEmulator(auth, config.emulators.authUrl, { disableWarnings: true });
    connectFirestoreEmulator(db, config.emulators.firestoreHost, config.emulators.firestorePort);
  }

  let state: SessionState = { status: 'signingIn' };
  const listeners = new Set<(state: SessionState) => void>();
  const publish = (next: SessionState) => {
    state = next;
    for (const listener of listeners) listener(state);
  };
  let latestAttempt = 0;

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async signIn(flexToken) {
      const attempt = ++latestAttempt;
      if (state.status !== 'ready') publish({ status: 'signingIn' });
      try {
        const customToken = await mintFirebaseToken(config.mintTokenUrl, flexToken, fetchImpl);
        const { user } = await signInWithCustomToken(auth, customToken);
        const { claims } = await user.getIdTokenResult();
        if (!isStaffRole(claims['role'])) throw new Error('The session has no staff role.');
        // A renewal that finished after a newer one must not overwrite it.
        if (attempt === latestAttempt) publish({ status: 'ready', db, uid: user.uid, role: claims['role'] });
      } catch (error) {
        if (attempt === latestAttempt) publish({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
