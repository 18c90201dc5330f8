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
import { strings } from '../strings/index.js';
import { mintFirebaseToken, MintError } from './mintClient.js';

export type SessionState =
  | { readonly status: 'signingIn' }
  | {
      readonly status: 'ready';
      readonly db: Firestore;
      readonly uid: string;
      readonly role: StaffRole;
      /** Counts successful sign-ins: a listener refused while the session lapsed resubscribes when this changes. */
      readonly epoch: number;
      /** The Firebase ID token that the admin endpoints check (refreshed by Firebase when near expiry). */
      readonly idToken: () => Promise<string>;
    }
  | { readonly status: 'failed'; readonly message: string };

export interface FirebaseSession {
  getState(): SessionState;
  subscribe(listener: (state: SessionState) => void): () => void;
  /** Signs in (again) with a Flex token; call it at start and on every Flex token refresh. */
  signIn(flexToken: string): Promise<void>;
  /** The signed-in user's Firebase ID token, for calling the project's callable functions. */
  idToken(): Promise<string>;
}

/** Waits before retrying a failed sign-in or renewal: 5 s, 10 s, 20 s… at most a minute. */
export const renewalRetryDelayMs = (failures: number) => Math.min(60_000, 5_000 * 2 ** (failures - 1));

/** Automatic retries of a sign-in that failed for a passing reason, before only Try again is left (about 6 minutes). */
export const MAX_AUTOMATIC_RETRIES = 10;

export function createFirebaseSession(
  config: PluginConfig,
  fetchImpl: typeof fetch = fetch,
  appName = 'interaction-history',
): FirebaseSession {
  // A named app, so another plugin's Firebase app on the same page is never touched.
  const app: FirebaseApp = initializeApp(config.firebase, appName);
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
  let epoch = 0;
  /** When the working session's Flex token expires (the rules refuse it after that), in epoch milliseconds. */
  let sessionExpiresAt = 0;
  let failuresInARow = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let lapseTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * While renewals keep failing, the working session stays until its Flex token
   * expires; from then on the rules refuse every read, so say so (with Try again)
   * instead of showing a session that no longer works.
   */
  let lastRenewalFailure = '';
  const failWhenSessionLapses = () => {
    if (lapseTimer !== undefined) return;
    const lapsingEpoch = epoch;
    lapseTimer = setTimeout(
      () => {
        lapseTimer = undefined;
        if (state.status === 'ready' && state.epoch === lapsingEpoch) publish({ status: 'failed', message: lastRenewalFailure });
      },
      // setTimeout fires at once for delays beyond about 24.8 days; Flex tokens last hours.
      Math.min(Math.max(0, sessionExpiresAt - Date.now()), 2 ** 31 - 1),
    );
  };

  const cancelLapse = () => {
    clearTimeout(lapseTimer);
    lapseTimer = undefined;
  };

  /** `automatic`: a retry the session scheduled itself, which keeps the failure on screen until it succeeds. */
  const signIn = async (flexToken: string, automatic = false): Promise<void> => {
    const attempt = ++latestAttempt;
    clearTimeout(retryTimer);
    if (state.status !== 'ready' && !(automatic && state.status === 'failed')) publish({ status: 'signingIn' });
    try {
      const customToken = await mintFirebaseToken(config.mintTokenUrl, flexToken, fetchImpl);
      // An older, slower attempt must not sign in over a newer one.
      if (attempt !== latestAttempt) return;
      const { user } = await signInWithCustomToken(auth, customToken);
      const { claims } = await user.getIdTokenResult();
      if (!isStaffRole(claims['role'])) throw new Error(strings.noStaffRole);
      if (attempt !== latestAttempt) return;
      const flexExp = claims['flexExp'];
      sessionExpiresAt = typeof flexExp === 'number' ? flexExp * 1000 : 0;
      failuresInARow = 0;
      cancelLapse();
      publish({ status: 'ready', db, uid: user.uid, role: claims['role'], epoch: ++epoch, idToken: () => user.getIdToken() });
    } catch (error) {
      if (attempt !== latestAttempt) return;
      failuresInARow += 1;
      const message = error instanceof Error ? error.message : String(error);
      const mayRetry = failuresInARow < MAX_AUTOMATIC_RETRIES;
      const retry = () => {
        // Never sooner than the service asked (a 429 says when the address may try again).
        const askedToWait = error instanceof MintError ? (error.retryAfterMs ?? 0) : 0;
        retryTimer = setTimeout(() => void signIn(flexToken, true), Math.max(renewalRetryDelayMs(failuresInARow), askedToWait));
      };
      // A failed renewal must not take away a session that still works: keep it and try again shortly.
      if (state.status === 'ready' && Date.now() < sessionExpiresAt) {
        console.warn('[interaction-history] session renewal failed; keeping the current session', error);
        lastRenewalFailure = message;
        failWhenSessionLapses();
        if (mayRetry) retry();
        return;
      }
      cancelLapse();
      publish({ status: 'failed', message });
      // An outage ends by itself: the history comes back without the agent having to press Try again.
      if (error instanceof MintError && error.passing && mayRetry) retry();
    }
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn,
    idToken: () => (auth.currentUser ? auth.currentUser.getIdToken() : Promise.reject(new Error(strings.notSignedIn))),
  };
}
