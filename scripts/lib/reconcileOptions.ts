/** The options of `npm run reconcile`, parsed and checked without touching the network. */
import { parseArgs } from 'node:util';
import { EVENTS_API_RETENTION_MS } from '@interaction-history/model';

export const RECONCILE_USAGE = `Read TaskRouter's Events API for a period and store what the webhook missed,
through the same capture code as the webhook (exactly once: nothing is stored twice).

  npm run reconcile -- --from <ISO time> [--to <ISO time>] [--dry-run]

  --from <time>     start of the period, e.g. 2026-11-20T08:00:00Z (within the last 30 days)
  --to <time>       end of the period (default: now)
  --dry-run         report what would be recovered; write nothing
  --local-stack     read the local stack's stand-in TaskRouter and emulators (npm start running)
  --verbose         also print the functions' own log lines (to stderr)
  --help            this text

Settings (environment): TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TASKROUTER_WORKSPACE_SID,
TASKROUTER_API_URL (default https://taskrouter.twilio.com), PHONE_DEFAULT_REGION (default US).
Firestore: FIRESTORE_EMULATOR_HOST (npm run with-emulators sets it), or a real project through
GOOGLE_CLOUD_PROJECT and Application Default Credentials.`;

export interface ReconcileOptions {
  readonly from: Date;
  readonly to: Date;
  readonly dryRun: boolean;
  readonly localStack: boolean;
  readonly verbose: boolean;
  readonly help: boolean;
}

/** A time of day is required, and a zone: a bare date or local time would mean different periods on different machines. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function isoTime(name: string, value: string): Date {
  const ms = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`--${name} "${value}" is not an ISO 8601 time with a zone, such as 2026-11-20T08:00:00Z.`);
  return new Date(ms);
}

/** The Events API keeps 30 days; a minute of margin so that the start is still there when it is read. */
const OLDEST_MS = EVENTS_API_RETENTION_MS - 60_000;

export function parseReconcileOptions(argv: readonly string[], now: Date): ReconcileOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'local-stack': { type: 'boolean' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  const flags = { dryRun: values['dry-run'] ?? false, localStack: values['local-stack'] ?? false, verbose: values.verbose ?? false };
  if (values.help) return { from: now, to: now, ...flags, help: true };
  if (values.from === undefined) throw new Error('--from is required: the start of the period to reconcile, e.g. --from 2026-11-20T08:00:00Z.');
  const from = isoTime('from', values.from);
  const to = values.to === undefined ? now : isoTime('to', values.to);
  if (from.getTime() >= to.getTime()) throw new Error(`--from (${from.toISOString()}) must be before --to (${to.toISOString()}).`);
  if (to.getTime() > now.getTime() + 60_000) throw new Error(`--to (${to.toISOString()}) is in the future.`);
  if (now.getTime() - from.getTime() > OLDEST_MS) {
    throw new Error(`--from (${from.toISOString()}) is more than 30 days ago: TaskRouter keeps events for 30 days.`);
  }
  return { from, to, ...flags, help: false };
}
