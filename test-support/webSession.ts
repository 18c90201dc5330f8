/**
 * Signs a browser-side Firebase session (the web SDK, as the plugin uses it)
 * in to the local emulators with a custom token carrying the same claims that
 * mintFirebaseToken gives. Minted here by the Admin SDK, so tests do not need Twilio.
 */
import { randomBytes } from 'node:crypto';
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from 'firebase-admin/app';
import { getAuth as getAdminAuth } from 'firebase-admin/auth';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, initializeAuth, inMemoryPersistence, signInWithCustomToken } from 'firebase/auth';
import { connectFirestoreEmulator, getFirestore, type Firestore } from 'firebase/firestore';
import type { StaffRole } from '@interaction-history/model';
import { PROJECT_ID } from './localStack.js';

export interface WebSession {
  readonly db: Firestore;
  readonly uid: string;
  /** The session's Firebase ID token, as the plugin sends it to the admin endpoints. */
  idToken(): Promise<string>;
  readonly role: StaffRole;
  close(): Promise<void>;
}

export async function mintCustomToken(role: StaffRole, workerSid: string, flexExp = Math.floor(Date.now() / 1000) + 3600): Promise<string> {
  const adminApp = getAdminApps()[0] ?? initializeAdminApp({ projectId: PROJECT_ID });
  return getAdminAuth(adminApp).createCustomToken(workerSid, { role, workerSid, flexExp });
}

export async function signInAs(role: StaffRole, workerSid = `WK${randomBytes(16).toString('hex')}`): Promise<WebSession> {
  const authHost = process.env['FIREBASE_AUTH_EMULATOR_HOST'];
  const firestoreHost = process.env['FIRESTORE_EMULATOR_HOST'];
  if (!authHost || !firestoreHost) throw new Error('Run through `npm run with-emulators`.');
  const app: FirebaseApp = initializeApp({ apiKey: 'demo-key', projectId: PROJECT_ID }, `web-${randomBytes(6).toString('hex')}`);
  const auth = initializeAuth(app, { persistence: inMemoryPersistence });
  connectAuthEmulator(auth, `http://${authHost}`, { disableWarnings: true });
  const db = getFirestore(app);
  const [host, port] = firestoreHost.split(':');
  connectFirestoreEmulator(db, host ?? '127.0.0.1', Number(port));
  const { user } = await signInWithCustomToken(auth, await mintCustomToken(role, workerSid));
  return { db, uid: user.uid, role, idToken: () => user.getIdToken(), close: () => deleteApp(app) };
}
