import type { Firestore } from 'firebase/firestore';
import type { FirebaseSession, SessionState } from '../../src/data/session.js';

/** A session whose state the test sets, standing in for the Firebase sign-in. */
export function sessionIn(state: SessionState): FirebaseSession & { set(next: SessionState): void } {
  let current = state;
  const listeners = new Set<(state: SessionState) => void>();
  return {
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: () => Promise.resolve(),
    idToken: () => Promise.resolve('an-id-token'),
    set(next) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}

/** Never touched: the tests that sign in stand in for data access. One object, as a real session keeps one. */
const standInDb = { standIn: 'firestore' } as unknown as Firestore;

/** A signed-in state; `epoch` counts sign-ins, as the real session does. */
export const signedIn = (epoch = 1, role: 'agent' | 'supervisor' | 'admin' = 'agent'): SessionState => ({
  status: 'ready',
  db: standInDb,
  uid: 'WKagent',
  role,
  epoch,
  idToken: () => Promise.resolve(`id-token-of-${role}`),
});
