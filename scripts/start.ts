/**
 * `npm start`: the whole product on this machine. Firebase emulators (Auth,
 * Functions, Firestore with the rules) with demo data, and the local agent
 * desktop hosting the real plugin in a stand-in Flex shell. Ctrl-C stops all.
 */
import { execFileSync, spawn } from 'node:child_process';
import { startDesktop } from '../desktop/server.js';
import { seedDemoCentre } from '../desktop/demoCentre.js';
import { seedDemoData } from '../desktop/demoData.js';
import { buildFunctions, chooseFirestoreEmulator, EMULATOR_TUNING, ensureLocalSecrets, firebaseBin, PROJECT_ID, REPO_ROOT } from '../local-stack/emulatorSetup.js';
import { EMULATOR_PORTS } from '../local-stack/localStack.js';
import { waitForStack } from '../local-stack/waitForStack.js';

const DESKTOP_PORT = Number(process.env['DESKTOP_PORT'] ?? 3000);
if (!Number.isInteger(DESKTOP_PORT) || DESKTOP_PORT < 1 || DESKTOP_PORT > 65535) {
  console.error(`[start] DESKTOP_PORT is "${process.env['DESKTOP_PORT'] ?? ''}", not a port number (1 to 65535).`);
  process.exit(2);
}

const emulator = chooseFirestoreEmulator();
console.log(`[start] ${emulator.description}`);
ensureLocalSecrets();
buildFunctions();
execFileSync('npm', ['run', 'build', '--workspace', 'plugin'], { cwd: REPO_ROOT, stdio: 'inherit' });

const emulators = spawn(firebaseBin(), ['emulators:start', '--only', 'auth,functions,firestore', '--project', PROJECT_ID], {
  cwd: REPO_ROOT,
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, ...emulator.env, ...EMULATOR_TUNING },
});
let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  emulators.kill('SIGINT');
  setTimeout(() => process.exit(code), 8000).unref();
  emulators.once('exit', () => process.exit(code));
};
emulators.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`[start] the emulators stopped (${code === null ? `signal ${signal ?? 'unknown'}` : `exit ${code}`}); stopping.`);
    process.exit(code ?? 1);
  }
});
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  // Never on Google Cloud here: keep Google's auth library from probing for a metadata server.
  process.env['METADATA_SERVER_DETECTION'] ??= 'none';
  process.env['FIRESTORE_EMULATOR_HOST'] = `127.0.0.1:${EMULATOR_PORTS.firestore}`;
  process.env['FIREBASE_AUTH_EMULATOR_HOST'] = `127.0.0.1:${EMULATOR_PORTS.auth}`;
  process.env['GCLOUD_PROJECT'] = PROJECT_ID;
  await waitForStack();
  const seeded = await seedDemoData();
  const desktop = await startDesktop({ port: DESKTOP_PORT });
  process.on('exit', () => void desktop.close());
  console.log(`\n[start] Demo data: ${seeded.customers} customers, ${seeded.interactions} interactions.`);
  console.log(`[start] Local agent desktop: ${desktop.url}`);
  console.log('[start] Try ringing in +14155550100 (Ada, known), +14155550199 (unknown), or sign in as admin to see delete.');
  console.log('[start] Press Ctrl-C to stop everything.\n');
  // A month of a contact centre for the supervisors' views arrives through the webhook meanwhile (about a minute here).
  console.log('[start] Filling a month of the demo centre for the supervisor and admin views…');
  seedDemoCentre({ now: new Date() }).then(
    (centre) => console.log(`[start] Demo centre ready: ${centre.interactions} interactions over 30 days, ${centre.captureFailures} capture failures.`),
    (error: unknown) => console.error(`[start] The demo centre could not be filled: ${(error as Error).message}`),
  );
} catch (error) {
  console.error(`[start] ${(error as Error).message}`);
  stop(1);
}
