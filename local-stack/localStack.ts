/** Where the local emulator suite listens, and its local-only secrets. */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT_ID = 'demo-interaction-history';
export const FUNCTIONS_REGION = 'us-central1';
export const EMULATOR_PORTS = { auth: 9099, functions: 5001, firestore: 8080 } as const;
export const SECRET_FILE = join(REPO_ROOT, 'functions', '.secret.local');

/** The stand-in TaskRouter's Events REST API (what TASKROUTER_API_URL points at locally). */
export const TASKROUTER_API_PORT = 3010;
export const LOCAL_TASKROUTER_API_URL = `http://127.0.0.1:${TASKROUTER_API_PORT}`;

/**
 * Every TaskRouter event the stand-in generated, one JSON line each, whether
 * or not its callback was delivered: what the local Events API serves. A file,
 * so that the desktop, `npm run simulate` and tests (separate processes) share it.
 * LOCAL_TASKROUTER_JOURNAL names another file (a test's own).
 */
export const EVENT_JOURNAL = process.env['LOCAL_TASKROUTER_JOURNAL'] ?? join(REPO_ROOT, '.local-stack', 'taskrouter-events.jsonl');

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
