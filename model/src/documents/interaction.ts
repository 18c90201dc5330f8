import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';
import { e164Id, sidOf, taskSid } from './ids.js';

/** How an interaction came to be stored; only the functions write interactions. */
export const INTERACTION_SOURCE = 'taskrouter';

const text = z.nullable(z.string());

/** A worker who accepted a reservation of the task, as the reservation events named them. */
export const acceptedWorkerSchema = z.object({
  workerSid: sidOf('WK'),
  workerName: text,
});

export type AcceptedWorker = z.output<typeof acceptedWorkerSchema>;

/** One completed task, stored at `customers/{phone}/interactions/{taskSid}`. */
export const interactionSchema = z.object({
  taskSid,
  customerPhone: e164Id,
  /** The caller's address exactly as TaskRouter gave it (`whatsapp:+44…`, `+1415…`). */
  from: text,
  /** TaskChannelUniqueName when sent (not a documented field of task events), else null. */
  channel: text,
  /** The queue's name when the event carries one (TaskQueueName, undocumented), else its TaskQueueSid. */
  queue: text,
  /** TaskQueueSid, as TaskRouter documents it on task.completed. */
  queueSid: z._default(text, null),
  /**
   * The worker whose reservation completed last (the one who wrapped up), from
   * the task's reservation events, which may arrive before or after
   * task.completed. Null until one arrives ("agent unknown").
   */
  workerSid: text,
  workerName: text,
  /** Every worker who accepted a reservation of this task, first accepted first (a transfer has several). */
  acceptedWorkers: z._default(z.array(acceptedWorkerSchema), []),
  outcome: text,
  /** True when no reason code was captured for this task (completed outside the plugin, or a transferred task's inherited outcome). */
  outcomeMissing: z.boolean(),
  comment: text,
  /** TaskCompletedReason: who or what completed the task (wrap-up timeout, supervisor, REST…). */
  completedReason: z._default(text, null),
  startedAt: storedTime,
  completedAt: storedTime,
  durationSeconds: z.nullable(z.number()),
  capturedAt: storedTime,
  source: z.literal(INTERACTION_SOURCE),
  /** Present when a retention period is set: Firestore's TTL policy deletes the interaction after this time. */
  expireAt: z.optional(storedTime),
});

export type Interaction = z.output<typeof interactionSchema>;
