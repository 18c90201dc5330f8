/**
 * `npm run with-emulators -- <command>`: starts Auth, Functions and Firestore
 * emulators with this project's firebase.json (functions built first), runs
 * the command with FIRESTORE_EMULATOR_HOST, FIREBASE_AUTH_EMULATOR_HOST and
 * GCLOUD_PROJECT set, then stops everything, whatever the command's outcome.
 */
import { spawn } from 'node:child_process';
import { buildFunctions, chooseFirestoreEmulator, EMULATOR_TUNING, ensureLocalSecrets, firebaseBin, PROJECT_ID, REPO_ROOT } from '../local-stack/emulatorSetup.js';

const separator = process.argv.indexOf('--');
const command = separator === -1 ? process.argv.slice(2) : process.argv.slice(separator + 1);
if (command.length === 0) {
  console.error('usage: npm run with-emulators -- <command> [args...]');
  process.exit(2);
}

const shellQuote = (word: string) => (/^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

const emulator = chooseFirestoreEmulator();
console.log(`[with-emulators] ${emulator.description}`);
ensureLocalSecrets();
buildFunctions();

const child = spawn(
  firebaseBin(),
  ['emulators:exec', '--only', 'auth,functions,firestore', '--project', PROJECT_ID, command.map(shellQuote).join(' ')],
  { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...emulator.env, ...EMULATOR_TUNING } },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
