/** Where the local emulator suite listens, and its local-only secrets. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_ID = 'demo-interaction-history';
export const FUNCTIONS_REGION = 'us-central1';
export const EMULATOR_PORTS = { auth: 9099, functions: 5001, firestore: 8080 } as const;
export const SECRET_FILE = join(REPO_ROOT, 'functions', '.secret.local');

export const functionUrl = (name: string) =>
  `http://127.0.0.1:${EMULATOR_PORTS.functions}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`;

/** The URL TaskRouter would be configured with; in the emulator, the function's own address. */
export const WEBHOOK_URL = functionUrl('taskrouterEvents');

/** The emulator's secrets (functions/.secret.local), written on first run by the emulator scripts. */
export function readLocalSecrets(): Record<string, string> {
  const text = readFileSync(SECRET_FILE, 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

/** The functions' parameters for the emulator (functions/.env.local), e.g. CENTRE_TIME_ZONE. */
export function readLocalFunctionsSettings(): Record<string, string> {
  const text = readFileSync(join(REPO_ROOT, 'functions', '.env.local'), 'utf8');
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line.includes('=') && !line.trimStart().startsWith('#'))
      .map((line) => [line.slice(0, line.indexOf('=')).trim(), line.slice(line.indexOf('=') + 1).trim()]),
  );
}

/** The centre's time zone the local functions count dashboard days in. */
export const localCentreTimeZone = (): string => readLocalFunctionsSettings()['CENTRE_TIME_ZONE'] ?? 'UTC';
