/** Facts about the local emulator suite that tests talk to. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';

export const PROJECT_ID = 'demo-interaction-history';
export const FUNCTIONS_ORIGIN = 'http://127.0.0.1:5001';
export const functionUrl = (name: string) => `${FUNCTIONS_ORIGIN}/${PROJECT_ID}/us-central1/${name}`;
export const WEBHOOK_URL = functionUrl('taskrouterEvents');

/** The emulator's secrets, written by the with-emulators script on first run. */
export function localSecrets(): Record<string, string> {
  const text = readFileSync(fileURLToPath(new URL('../functions/.secret.local', import.meta.url)), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

export function adminFirestore(): Firestore {
  if (!process.env['FIRESTORE_EMULATOR_HOST']) throw new Error('Run emulated tests through `npm run with-emulators`.');
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
  return getFirestore(app);
}

/** Retries an assertion until it passes: for what triggers write a moment later. */
export async function eventually<T>(assertion: () => Promise<T>, timeoutMs = 30_000): Promise<T> {
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
