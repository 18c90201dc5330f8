/**
 * Completing a task with lost callbacks: every event of the task's lifecycle
 * (the stand-in's `taskEvents`, Twilio's documented shapes) is recorded in the
 * journal the local Events API serves, as TaskRouter keeps every event; the
 * captured callbacks are then sent to the webhook in the order asked for, each
 * dropped with the probability asked for. Dropped callbacks are what TaskRouter
 * never delivered; reconciliation finds them in the Events API.
 */
import {
  capturedCallbacks,
  DEFAULT_WORKER,
  inDeliveryOrder,
  postCallback,
  taskEvents,
  type CallbackResponse,
  type DeliveryOrder,
} from '../standInTaskRouter.js';
import { recordEvents } from './eventJournal.js';
import type { LifecycleEvent } from './lifecycle.js';

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
  const { workerSid, workerName, ...task } = scenario;
  return taskEvents({ ...task, workers: [{ workerSid: workerSid ?? DEFAULT_WORKER.workerSid, workerName: workerName ?? DEFAULT_WORKER.workerName }] });
}

export interface DeliveryOptions {
  /** The share of callbacks not sent, from 0 (all sent) to 1 (none). */
  readonly dropRate?: number;
  /** The webhook (the local emulator's taskrouterEvents unless told otherwise). */
  readonly url?: string;
  readonly order?: DeliveryOrder;
  /** Only callbacks of this type are sent (all captured types unless told otherwise). */
  readonly eventType?: string | null;
  readonly journal?: string;
  readonly random?: () => number;
}

export interface TaskDelivery {
  readonly taskSid: string;
  /** The webhook's answer to `task.completed`, or null when that callback was dropped or not sent. */
  readonly completed: CallbackResponse | null;
  /** Answers to every callback sent, in order. */
  readonly answers: readonly (CallbackResponse & { readonly eventType: string; readonly ms: number })[];
  readonly dropped: number;
}

export function checkDropRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new Error(`A drop rate is a number from 0 to 1, not ${rate}.`);
  return rate;
}

/** Records every event, then sends the captured callbacks one after another (one task's callbacks never overtake each other here). */
export async function deliverTaskEvents(events: readonly LifecycleEvent[], options: DeliveryOptions = {}): Promise<TaskDelivery> {
  const dropRate = checkDropRate(options.dropRate ?? 0);
  const random = options.random ?? Math.random;
  recordEvents(events, options.journal);
  const selected = capturedCallbacks(events).filter((callback) => !options.eventType || callback['EventType'] === options.eventType);
  const answers: (CallbackResponse & { eventType: string; ms: number })[] = [];
  let completed: CallbackResponse | null = null;
  let dropped = 0;
  for (const callback of inDeliveryOrder(selected, options.order ?? 'as-happened')) {
    if (dropRate > 0 && random() < dropRate) {
      dropped += 1;
      continue;
    }
    const sent = performance.now();
    const response = await postCallback(callback, options.url ? { url: options.url } : {});
    const eventType = callback['EventType'] ?? '';
    answers.push({ ...response, eventType, ms: performance.now() - sent });
    if (eventType === 'task.completed') completed = response;
  }
  return { taskSid: events[0]?.index.taskSid ?? '', completed, answers, dropped };
}
