/**
 * The story of "nothing lost". TaskRouter documents no retry for workspace
 * event callbacks, so a callback that failed (the function was down, Firestore
 * was down, the answer was too slow) or was never sent is read back from the
 * Events REST API and given to the very same capture code as the webhook's:
 * same ids, same exactly-once, same capture failures, worker identity from the
 * reservation events read in the same window.
 *
 * A scheduled run reads from where the last complete run ended, less an
 * overlap, to now; the backfill command reads any period it is given. Each
 * leaves `systemStatus/reconciliation` (not a dry run).
 */
import {
  callbackParametersFromEventResource,
  EVENTS_API_RETENTION_MS,
  TASK_COMPLETED,
  taskSidOfEventResource,
  type ReconciliationStatus,
  type TaskrouterEventResource,
} from '@interaction-history/model';
import type { EventsSource, EventWindow } from '../adapters/taskrouterEventsApi.js';
import type { ReconciliationStatusStore } from '../adapters/reconciliationStatusStore.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';
import { captureTaskrouterEvent, type CaptureContext, type CaptureResult } from './captureTaskrouterEvent.js';

/** Reservation events carry who handled a task; capture decides which of them it needs. */
export const isReservationEvent = (eventType: string): boolean => eventType.startsWith('reservation.');

/** The event types reconciliation gives to capture: the ones the webhook would have stored something for. */
export const isCapturedEventType = (eventType: string): boolean => eventType === TASK_COMPLETED || isReservationEvent(eventType);

/** At most this many error messages are kept in the status document (the count is always exact). */
export const MAX_RECORDED_ERRORS = 20;

/** Tasks reconciled side by side; one task's own events are always taken one after another. */
const TASK_CONCURRENCY = 8;

export interface ReconciliationCounts {
  readonly eventsSeen: number;
  readonly tasksSeen: number;
  readonly alreadyStored: number;
  readonly recovered: number;
  readonly notAttributable: number;
  readonly reservationEvents: number;
}

export interface UnattributedTask {
  readonly taskSid: string;
  readonly reason: string;
}

export interface ReconciliationReport extends ReconciliationCounts {
  readonly window: EventWindow;
  /** TaskSids stored by this run (the webhook had missed them), at most the first 1,000. */
  readonly recoveredTaskSids: readonly string[];
  readonly unattributed: readonly UnattributedTask[];
  readonly errors: readonly string[];
  /** Failures that may pass: the period is read again. */
  readonly errorCount: number;
  /** Events that can never be captured: reported, not read again for ever. */
  readonly unreadableCount: number;
}

export interface ReconcileContext {
  readonly events: EventsSource;
  /** The capture context of the webhook, with the store of this run (a read-only one for a dry run). */
  readonly capture: Omit<CaptureContext, 'receivedAt'>;
  readonly now: () => Date;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/** Oldest first; at the same moment reservation events before the task's own, as TaskRouter emits them. */
function byOccurrence(a: TaskrouterEventResource, b: TaskrouterEventResource): number {
  return a.event_date_ms - b.event_date_ms || Number(isReservationEvent(b.event_type)) - Number(isReservationEvent(a.event_type));
}

async function inParallel<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Reads every event of the window and captures whatever the webhook missed. Never throws for one bad event. */
export async function reconcileWindow(window: EventWindow, context: ReconcileContext): Promise<ReconciliationReport> {
  const counts: Mutable<ReconciliationCounts> = { eventsSeen: 0, tasksSeen: 0, alreadyStored: 0, recovered: 0, notAttributable: 0, reservationEvents: 0 };
  const recoveredTaskSids: string[] = [];
  const unattributed: UnattributedTask[] = [];
  const errors: string[] = [];
  let errorCount = 0;
  let unreadableCount = 0;
  const fail = (message: string, kind: 'mayPass' | 'unreadable' = 'mayPass') => {
    if (kind === 'unreadable') unreadableCount += 1;
    else errorCount += 1;
    const described = kind === 'unreadable' ? `Cannot be captured, skipped: ${message}` : message;
    if (errors.length < MAX_RECORDED_ERRORS) errors.push(described);
    logs.reconciliationProblem(described);
  };

  const record = (result: CaptureResult) => {
    if (result.result === 'stored') {
      counts.recovered += 1;
      if (recoveredTaskSids.length < 1000) recoveredTaskSids.push(result.taskSid);
    } else if (result.result === 'duplicate') counts.alreadyStored += 1;
    else if (result.result === 'unattributable') {
      counts.notAttributable += 1;
      if (unattributed.length < 1000) unattributed.push({ taskSid: result.taskSid, reason: result.reason });
    }
  };

  const captureOne = async (event: TaskrouterEventResource) => {
    try {
      const result = await captureTaskrouterEvent(callbackParametersFromEventResource(event), { ...context.capture, receivedAt: context.now() });
      if (event.event_type === TASK_COMPLETED) record(result);
    } catch (error) {
      // Capture refuses a malformed event with a 4xx AppError: reading it again would be refused again.
      const unreadable = error instanceof AppError && error.httpStatus >= 400 && error.httpStatus < 500 && error.httpStatus !== 429;
      fail(`${event.sid} (${event.event_type} of ${taskSidOfEventResource(event) ?? 'no task'}): ${describeError(error)}`, unreadable ? 'unreadable' : 'mayPass');
    }
  };

  try {
    for await (const page of context.events.pages(window)) {
      counts.eventsSeen += page.events.length + page.undecodable.length;
      for (const problem of page.undecodable) fail(`Events API ${problem}`, 'unreadable');
      const byTask = new Map<string, TaskrouterEventResource[]>();
      for (const event of page.events) {
        if (!isCapturedEventType(event.event_type)) continue;
        if (event.event_type === TASK_COMPLETED) counts.tasksSeen += 1;
        else counts.reservationEvents += 1;
        const key = taskSidOfEventResource(event) ?? event.sid;
        byTask.set(key, [...(byTask.get(key) ?? []), event]);
      }
      await inParallel([...byTask.values()], TASK_CONCURRENCY, async (events) => {
        for (const event of [...events].sort(byOccurrence)) await captureOne(event);
      });
    }
  } catch (error) {
    // The listing itself failed (Twilio unreachable, credentials refused): what was read is kept, the rest is read next time.
    fail(`Reading the Events API: ${describeError(error)}`);
  }
  return { ...counts, window, recoveredTaskSids, unattributed, errors, errorCount, unreadableCount };
}

export interface ScheduleSettings {
  readonly overlapMinutes: number;
  readonly firstLookbackMinutes: number;
}

/** Events older than this are not asked for: the API keeps 30 days, less a margin for the clock and the run itself. */
const OLDEST_READABLE_MS = EVENTS_API_RETENTION_MS - 60 * 60 * 1000;

/** From where the last complete run ended, less the overlap (never beyond the API's retention), to now. */
export function nextWindow(previous: ReconciliationStatus | null, now: Date, settings: ScheduleSettings): EventWindow {
  const minute = 60_000;
  const coveredUntil = previous?.coveredUntil.getTime() ?? now.getTime() - settings.firstLookbackMinutes * minute;
  const from = Math.max(now.getTime() - OLDEST_READABLE_MS, Math.min(coveredUntil, now.getTime()) - settings.overlapMinutes * minute);
  // The Events API takes its dates to the second (the library sends EndDate without milliseconds): a window
  // ending mid-second would claim events of that second it never read, so it ends on the last whole second.
  const to = Math.floor(now.getTime() / 1000) * 1000;
  return { from: new Date(Math.min(from, to)), to: new Date(to) };
}

export type ReconciliationTrigger = ReconciliationStatus['trigger'];

function statusOf(report: ReconciliationReport, trigger: ReconciliationTrigger, startedAt: Date, finishedAt: Date, coveredUntil: Date): ReconciliationStatus {
  return {
    trigger,
    startedAt,
    finishedAt,
    windowStart: report.window.from,
    windowEnd: report.window.to,
    coveredUntil,
    eventsSeen: report.eventsSeen,
    tasksSeen: report.tasksSeen,
    alreadyStored: report.alreadyStored,
    recovered: report.recovered,
    notAttributable: report.notAttributable,
    reservationEvents: report.reservationEvents,
    errors: [...report.errors],
    errorCount: report.errorCount,
    unreadableCount: report.unreadableCount,
    durationMs: Math.max(0, finishedAt.getTime() - startedAt.getTime()),
  };
}

/** A run of the schedule (or the local stack's timer): the next window, then the status. */
export async function runScheduledReconciliation(
  context: ReconcileContext & { readonly status: ReconciliationStatusStore; readonly settings: ScheduleSettings; readonly trigger?: ReconciliationTrigger },
): Promise<ReconciliationStatus> {
  const startedAt = context.now();
  const previous = await context.status.read();
  const window = nextWindow(previous, startedAt, context.settings);
  const report = await reconcileWindow(window, context);
  // Only a run without errors that may pass moves the seam: otherwise the same period is read again next time.
  const coveredUntil =
    report.errorCount === 0 ? window.to : (previous?.coveredUntil ?? new Date(startedAt.getTime() - context.settings.firstLookbackMinutes * 60_000));
  const status = statusOf(report, context.trigger ?? 'schedule', startedAt, context.now(), coveredUntil);
  await context.status.write(status);
  logs.reconciliationFinished(status);
  return status;
}

/** A backfill of any period (the command line). A dry run writes nothing, the status included. */
export async function runBackfill(
  window: EventWindow,
  context: ReconcileContext & { readonly status: ReconciliationStatusStore; readonly dryRun: boolean },
): Promise<ReconciliationReport> {
  const startedAt = context.now();
  const report = await reconcileWindow(window, context);
  if (!context.dryRun) {
    // A backfill does not move the schedule's seam: the schedule keeps reading from where it was.
    const previous = await context.status.read();
    const coveredUntil = previous?.coveredUntil ?? (report.errorCount === 0 ? window.to : window.from);
    await context.status.write(statusOf(report, 'backfill', startedAt, context.now(), coveredUntil));
  }
  return report;
}
