import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';
import { e164Id, taskSid } from './ids.js';

/** How an interaction came to be stored; only the functions write interactions. */
export const INTERACTION_SOURCE = 'taskrouter';

const text = z.nullable(z.string());

/** One completed task, stored at `customers/{phone}/interactions/{taskSid}`. */
export const interactionSchema = z.object({
  taskSid,
  customerPhone: e164Id,
  /** The caller's address exactly as TaskRouter gave it (`whatsapp:+44…`, `+1415…`). */
  from: text,
  /** TaskChannelUniqueName: `voice`, `chat`, `sms`… */
  channel: text,
  queue: text,
  workerSid: text,
  workerName: text,
  outcome: text,
  comment: text,
  startedAt: storedTime,
  completedAt: storedTime,
  durationSeconds: z.nullable(z.number()),
  capturedAt: storedTime,
  source: z.literal(INTERACTION_SOURCE),
  /** Present when a retention period is set: Firestore's TTL policy deletes the interaction after this time. */
  expireAt: z.optional(storedTime),
});

export type Interaction = z.output<typeof interactionSchema>;
