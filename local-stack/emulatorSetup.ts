/**
 * What every command that runs the local Firebase stack needs first: the
 * Firestore emulator to use, the local secrets file, and built functions.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SECRET_FILE } from './localStack.js';

export { PROJECT_ID, REPO_ROOT } from './localStack.js';

/** Debian's Cloud SDK package puts Google's Firestore emulator here on our machine image. */
const IMAGE_FIRESTORE_JAR = '/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar';
const LAUNCHER_MAIN_CLASS = 'com.google.cloud.datastore.emulator.firestore.CloudFirestore';

/**
 * firebase-tools starts the emulator binary with `java -jar`, and the image's
 * jar has no Main-Class. A two-line launcher jar points at it. Without the
 * image jar, firebase-tools downloads its own (needs internet).
 */
export function chooseFirestoreEmulator(): { env: Record<string, string>; description: string } {
  if (!existsSync(IMAGE_FIRESTORE_JAR)) {
    return { env: {}, description: 'Firestore emulator: the one firebase-tools downloads (no local jar found)' };
  }
  const workDir = join(REPO_ROOT, '.emulators');
  const launcher = join(workDir, 'firestore-launcher.jar');
  if (!existsSync(launcher)) {
    mkdirSync(workDir, { recursive: true });
    const manifest = join(workDir, 'manifest.txt');
    writeFileSync(manifest, `Main-Class: ${LAUNCHER_MAIN_CLASS}\nClass-Path: file:${IMAGE_FIRESTORE_JAR}\n`);
    execFileSync('jar', ['cfm', launcher, manifest], { cwd: workDir, stdio: 'inherit' });
  }
  return {
    env: { FIRESTORE_EMULATOR_BINARY_PATH: launcher },
    description: `Firestore emulator: the machine image's jar (${IMAGE_FIRESTORE_JAR}) through ${launcher}`,
  };
}

/**
 * The Functions emulator starts one worker process per concurrent request and
 * gives each 30 s to load; under a burst on two cores some miss that, and
 * their requests hang. A longer allowance keeps bursts honest.
 */
export const EMULATOR_TUNING: Record<string, string> = { FUNCTIONS_DISCOVERY_TIMEOUT: '180' };

/** Local-only secrets for the Functions emulator; random per clone, never committed. A secret added later is appended. */
export function ensureLocalSecrets(): void {
  const existing = existsSync(SECRET_FILE) ? readFileSync(SECRET_FILE, 'utf8') : '';
  const wanted: Record<string, () => string> = {
    TWILIO_AUTH_TOKEN: () => randomBytes(16).toString('hex'),
    TWILIO_ACCOUNT_SID: () => `AC${randomBytes(16).toString('hex')}`,
    ERASURE_HASH_KEY: () => randomBytes(32).toString('hex'),
  };
  const missing = Object.entries(wanted).filter(([key]) => !new RegExp(`^${key}=`, 'm').test(existing));
  if (missing.length === 0) return;
  const lines = missing.map(([key, value]) => `${key}=${value()}\n`).join('');
  const separator = existing === '' || existing.endsWith('\n') ? '' : '\n';
  writeFileSync(SECRET_FILE, `${existing}${separator}${lines}`, { mode: 0o600 });
}

export function buildFunctions(): void {
  execFileSync('npm', ['run', 'build', '--workspace', 'functions'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

export function firebaseBin(): string {
  return join(REPO_ROOT, 'node_modules', '.bin', 'firebase');
}
