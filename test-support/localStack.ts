/** The local emulator suite as tests see it. */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import { decode, type Schema } from '@interaction-history/model';
import { PROJECT_ID } from '../local-stack/localStack.js';

export { functionUrl, localCentreTimeZone, PROJECT_ID, readLocalSecrets as localSecrets, WEBHOOK_URL } from '../local-stack/localStack.js';

export function adminFirestore(): Firestore {
  if (!process.env['FIRESTORE_EMULATOR_HOST']) throw new Error('Run emulated tests through `npm run with-emulators`.');
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
  return getFirestore(app);
}

/** Retries an assertion until it passes: for what triggers write a moment later. */
export async function eventually<T>(assertion: () => T | Promise<T>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/**
 * Reads a document with the Admin SDK and decodes it through its model
 * schema, as the product does: a test sees Dates, and a document that does
 * not match fails the test with its path. Null when it does not exist.
 */
export async function readDocument<T>(schema: Schema<T>, path: string): Promise<T | null> {
  const snapshot = await adminFirestore().doc(path).get();
  return snapshot.exists ? decode(schema, snapshot.data(), path) : null;
}
