/**
 * Reconciliation outside Cloud Functions (the backfill command, `npm start`'s
 * timer, tests and benchmarks): the functions' own use case and adapters,
 * given settings from the environment under the same names as in production.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { isPhoneRegion, type CountryCode } from '@interaction-history/model';
import { firestoreCaptureStore } from '../../functions/src/adapters/captureStore.js';
import { dryRunCaptureStore } from '../../functions/src/adapters/dryRunCaptureStore.js';
import { firestoreErasureRegistry } from '../../functions/src/adapters/erasureRegistry.js';
import { firestoreReconciliationStatusStore } from '../../functions/src/adapters/reconciliationStatusStore.js';
import { twilioEventsSource } from '../../functions/src/adapters/taskrouterEventsApi.js';
import { checkTaskrouterApiUrl, DEFAULT_TASKROUTER_API_URL, parseRetentionDays, RECONCILIATION_FIRST_LOOKBACK_MINUTES, RECONCILIATION_OVERLAP_MINUTES } from '../../functions/src/config.js';
import {
  runBackfill,
  runScheduledReconciliation,
  type ReconciliationReport,
  type ReconciliationTrigger,
} from '../../functions/src/use-cases/reconcileTaskrouterEvents.js';
import type { EventWindow } from '../../functions/src/adapters/taskrouterEventsApi.js';
import type { ReconciliationStatus } from '@interaction-history/model';
import { readSettings, SettingsError, TWILIO_SETTINGS } from './settings.js';

export interface ReconciliationSettings {
  readonly accountSid: string;
  readonly authToken: string;
  readonly workspaceSid: string;
  readonly apiUrl: string;
  readonly defaultRegion: CountryCode;
  /** The functions' ERASURE_HASH_KEY: reconciliation withholds erased and suppressed numbers as the webhook does. */
  readonly erasureHashKey: string;
  /** The functions' INTERACTION_RETENTION_DAYS: what reconciliation recovers expires as the webhook's captures do. */
  readonly retentionDays: number | null;
}

export function readReconciliationSettings(env: NodeJS.ProcessEnv): ReconciliationSettings {
  const values = readSettings(env, {
    ...TWILIO_SETTINGS,
    TASKROUTER_WORKSPACE_SID: { pattern: /^WS[0-9a-f]{32}$/, hint: 'the Flex TaskRouter workspace SID, WS followed by 32 hex digits' },
    TASKROUTER_API_URL: { optional: true, hint: `where TaskRouter's REST API is read, ${DEFAULT_TASKROUTER_API_URL} unless a stand-in` },
    PHONE_DEFAULT_REGION: { optional: true, pattern: /^[A-Za-z]{2}$/, hint: 'a two-letter region such as US' },
    ERASURE_HASH_KEY: { pattern: /^.{32,}$/, hint: "the functions' ERASURE_HASH_KEY secret (at least 32 characters), so that erased numbers stay erased" },
    INTERACTION_RETENTION_DAYS: { optional: true, hint: "the functions' retention period in days, or none (the default)" },
  });
  const problems: string[] = [];
  let apiUrl = DEFAULT_TASKROUTER_API_URL;
  try {
    apiUrl = checkTaskrouterApiUrl(values.TASKROUTER_API_URL || DEFAULT_TASKROUTER_API_URL);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const region = (values.PHONE_DEFAULT_REGION || 'US').toUpperCase();
  let retentionDays: number | null = null;
  try {
    retentionDays = parseRetentionDays(values.INTERACTION_RETENTION_DAYS);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  if (!isPhoneRegion(region)) problems.push(`PHONE_DEFAULT_REGION is "${region}", which is not a region libphonenumber knows.`);
  if (!env['FIRESTORE_EMULATOR_HOST'] && !env['GOOGLE_CLOUD_PROJECT'] && !env['GCLOUD_PROJECT']) {
    problems.push('No Firestore to write to: run inside `npm run with-emulators --`, or set GOOGLE_CLOUD_PROJECT (with Application Default Credentials) for a real project.');
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return {
    accountSid: values.TWILIO_ACCOUNT_SID,
    authToken: values.TWILIO_AUTH_TOKEN,
    workspaceSid: values.TASKROUTER_WORKSPACE_SID,
    apiUrl,
    defaultRegion: region as CountryCode,
    erasureHashKey: values.ERASURE_HASH_KEY,
    retentionDays,
  };
}

function context(db: Firestore, settings: ReconciliationSettings, dryRun: boolean) {
  return {
    events: twilioEventsSource(settings),
    capture: {
      store: dryRun ? dryRunCaptureStore(db) : firestoreCaptureStore(db, { retentionDays: settings.retentionDays }),
      erasures: firestoreErasureRegistry(db, settings.erasureHashKey),
      defaultRegion: settings.defaultRegion,
    },
    status: firestoreReconciliationStatusStore(db),
    now: () => new Date(),
  };
}

/** `npm run reconcile`: any period; a dry run writes nothing. */
export function backfill(db: Firestore, settings: ReconciliationSettings, window: EventWindow, dryRun: boolean): Promise<ReconciliationReport> {
  return runBackfill(window, { ...context(db, settings, dryRun), dryRun });
}

/** One run of the schedule, exactly as the scheduled function runs it (the Functions emulator runs no schedules). */
export function scheduledRun(db: Firestore, settings: ReconciliationSettings, trigger: ReconciliationTrigger = 'localStack'): Promise<ReconciliationStatus> {
  return runScheduledReconciliation({
    ...context(db, settings, false),
    settings: { overlapMinutes: RECONCILIATION_OVERLAP_MINUTES, firstLookbackMinutes: RECONCILIATION_FIRST_LOOKBACK_MINUTES },
    trigger,
  });
}

/** The report as the command prints it. */
export function describeReport(report: ReconciliationReport, dryRun: boolean): string[] {
  const row = (label: string, value: number) => `  ${label.padEnd(22)}${String(value).padStart(8)}`;
  const lines = [
    `${dryRun ? 'Dry run (nothing written)' : 'Reconciled'}: ${report.window.from.toISOString()} to ${report.window.to.toISOString()}`,
    row('events seen', report.eventsSeen),
    row('tasks completed', report.tasksSeen),
    row('already stored', report.alreadyStored),
    row(dryRun ? 'would be recovered' : 'recovered', report.recovered),
    row('not attributable', report.notAttributable),
    row('errors', report.errorCount),
    row('cannot be captured', report.unreadableCount),
  ];
  for (const task of report.unattributed.slice(0, 50)) lines.push(`    not attributable: ${task.taskSid} (${task.reason})`);
  for (const error of report.errors) lines.push(`    error: ${error}`);
  return lines;
}
