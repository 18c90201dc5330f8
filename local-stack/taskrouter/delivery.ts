/**
 * How the stand-in TaskRouter completes a task: it generates every event of the
 * task's lifecycle in Twilio's documented shapes, records all of them in the
 * journal (what the local Events API serves, as TaskRouter keeps every event),
 * and sends the workspace callbacks of the selected types to the webhook, each
 * dropped with the probability asked for. Dropped callbacks are what TaskRouter
 * never delivered; reconciliation finds them in the Events API.
 */
import { ACCOUNT_SID, postCallback, WORKER_SID, WORKSPACE_SID, type CallbackResponse } from '../standInTaskRouter.js';
import { recordEvents } from './eventJournal.js';
import { taskLifecycle, type LifecycleEvent } from './lifecycle.js';

/** The callbacks the workspace is configured to send: who handled the task, and its completion. */
export const DELIVERED_EVENT_TYPES: readonly string[] = ['reservation.accepted', 'reservation.wrapup', 'reservation.completed', 'task.completed'];

export interface CompletedTaskScenario {
  readonly taskSid?: string;
  readonly attributes: Record<string, unknown> | string;
  readonly channel?: string;
  readonly queue?: string;
  readonly workerSid?: string;
  readonly workerName?: string;
  readonly ageSeconds?: number;
  readonly completedAt?: Date;
}

/** Every event of a task one worker accepted and completed, in the stand-in's account and workspace. */
export function completedTaskEvents(scenario: CompletedTaskScenario): LifecycleEvent[] {
  return taskLifecycle(
    {
      ...(scenario.taskSid ? { taskSid: scenario.taskSid } : {}),
      attributes: scenario.attributes,
      channel: scenario.channel ?? 'voice',
      queue: scenario.queue ?? 'Everyone',
      workers: [{ workerSid: scenario.workerSid ?? WORKER_SID, workerName: scenario.workerName ?? 'Alice Agent' }],
      completedAt: scenario.completedAt ?? new Date(),
      ageSeconds: scenario.ageSeconds ?? 185,
    },
    { accountSid: ACCOUNT_SID, workspaceSid: WORKSPACE_SID },
  );
}

export interface DeliveryOptions {
  /** The share of callbacks not sent, from 0 (all sent) to 1 (none). */
  readonly dropRate?: number;
  /** The webhook (the local emulator's taskrouterEvents unless told otherwise). */
  readonly url?: string;
  /** Which event types have a callback (DELIVERED_EVENT_TYPES unless told otherwise). */
  readonly eventTypes?: readonly string[];
  readonly journal?: string;
  readonly random?: () => number;
}

export interface TaskDelivery {
  readonly taskSid: string;
  /** The webhook's answer to `task.completed`, or null when that callback was dropped or not selected. */
  readonly completed: CallbackResponse | null;
  /** Answers to every callback sent, in order. */
  readonly answers: readonly { readonly eventType: string; readonly status: number }[];
  readonly dropped: number;
}

export function checkDropRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`A drop rate is a number from 0 to 1, not ${rate}.`);
  return rate;
}

/** Records every event, then sends the selected callbacks in order (one task's callbacks never overtake each other here). */
export async function deliverTaskEvents(events: readonly LifecycleEvent[], options: DeliveryOptions = {}): Promise<TaskDelivery> {
  const dropRate = checkDropRate(options.dropRate ?? 0);
  const random = options.random ?? Math.random;
  const selected = options.eventTypes ?? DELIVERED_EVENT_TYPES;
  recordEvents(events, options.journal);
  const answers: { eventType: string; status: number }[] = [];
  let completed: CallbackResponse | null = null;
  let dropped = 0;
  for (const event of events) {
    if (!selected.includes(event.eventType)) continue;
    if (dropRate > 0 && random() < dropRate) {
      dropped += 1;
      continue;
    }
    const response = await postCallback(event.callback, options.url ? { url: options.url } : {});
    answers.push({ eventType: event.eventType, status: response.status });
    if (event.eventType === 'task.completed') completed = response;
  }
  return { taskSid: events[0]?.callback['TaskSid'] ?? '', completed, answers, dropped };
}
