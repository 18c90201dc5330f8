/**
 * `npm start`: the local Firebase stack (Auth, Functions, Firestore) with this
 * project's functions and rules, until Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { buildFunctions, chooseFirestoreEmulator, ensureLocalSecrets, firebaseBin, PROJECT_ID, REPO_ROOT } from './lib/emulatorSetup.js';

const emulator = chooseFirestoreEmulator();
console.log(`[start] ${emulator.description}`);
ensureLocalSecrets();
buildFunctions();

const child = spawn(firebaseBin(), ['emulators:start', '--only', 'auth,functions,firestore', '--project', PROJECT_ID], {
  cwd: REPO_ROOT,
  stdio: 'inherit',
  env: { ...process.env, ...emulator.env },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
