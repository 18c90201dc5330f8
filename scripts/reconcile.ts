/**
 * `npm run reconcile -- --from <ISO time> [--to <ISO time>] [--dry-run]`:
 * reads TaskRouter's Events API for the period and stores what the webhook
 * missed, through the functions' own capture code (exactly once). Against the
 * emulators: `npm run with-emulators -- npm run reconcile -- …`, or
 * `--local-stack` while `npm start` runs.
 */
import { parseReconcileOptions, RECONCILE_USAGE } from './lib/reconcileOptions.js';

const write = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseReconcileOptions(process.argv.slice(2).filter((argument) => argument !== '--'), new Date());
  if (options.help) {
    write(RECONCILE_USAGE);
    return;
  }
  // The functions log one JSON line per event through firebase-functions' logger (console.*, captured when it loads):
  // kept off the report unless asked for, and then on stderr.
  for (const level of ['debug', 'info', 'log', 'warn', 'error'] as const) {
    console[level] = options.verbose ? (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`) : () => undefined;
  }
  if (options.localStack) {
    const { EMULATOR_PORTS, PROJECT_ID } = await import('../local-stack/localStack.js');
    const { localReconciliationEnv } = await import('../local-stack/taskrouter/localEventsApi.js');
    process.env['FIRESTORE_EMULATOR_HOST'] ??= `127.0.0.1:${EMULATOR_PORTS.firestore}`;
    process.env['GCLOUD_PROJECT'] ??= PROJECT_ID;
    Object.assign(process.env, localReconciliationEnv());
  }
  const { backfill, describeReport, readReconciliationSettings } = await import('./lib/reconciliation.js');
  const { firestore } = await import('../functions/src/firebase.js');
  const settings = readReconciliationSettings(process.env);
  const report = await backfill(firestore(), settings, { from: options.from, to: options.to }, options.dryRun);
  for (const line of describeReport(report, options.dryRun)) write(line);
  if (report.unreadableCount > 0) {
    write('Some events can never be captured (listed above as "Cannot be captured"); running again will not change that.');
  }
  if (report.errorCount > 0) {
    write('Some events could not be read or stored; run the same command again (nothing is stored twice).');
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.stderr.write('Usage: npm run reconcile -- --from <ISO time> [--to <ISO time>] [--dry-run]   (--help for more)\n');
  process.exitCode = 2;
});
