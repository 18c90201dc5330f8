import { z } from 'zod';

/** TaskRouter SIDs are two letters and 32 lowercase hex digits; only such a TaskSid may become a document id. */
const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-f]{32}$`), `not a ${prefix} SID`);

/** A decimal count of seconds or milliseconds as TaskRouter sends them in form fields. */
const numeric = z.string().regex(/^\d{1,16}$/, 'not a whole number');

/**
 * The fields of a TaskRouter event callback that this product reads
 * (https://www.twilio.com/docs/taskrouter/api/event/reference). TaskRouter
 * sends many more; they are ignored, not rejected.
 */
export const taskrouterEventSchema = z.object({
  EventType: z.string().min(1).max(100),
  AccountSid: sid('AC'),
  WorkspaceSid: sid('WS'),
});

export const completedTaskEventSchema = taskrouterEventSchema.extend({
  EventType: z.literal('task.completed'),
  TaskSid: sid('WT'),
  // No length limit here: an oversized payload is still recorded as a capture failure, not refused.
  TaskAttributes: z.string().default('{}'),
  TaskAge: numeric.optional(),
  TaskChannelUniqueName: z.string().max(100).optional(),
  TaskQueueName: z.string().max(200).optional(),
  TaskDateCreated: z.string().max(40).optional(),
  WorkerSid: sid('WK').optional(),
  WorkerName: z.string().max(200).optional(),
  Timestamp: z.string().max(40).optional(),
  TimestampMs: numeric.optional(),
});

export type TaskrouterEvent = z.infer<typeof taskrouterEventSchema>;
export type CompletedTaskEvent = z.infer<typeof completedTaskEventSchema>;

export const TASK_COMPLETED = 'task.completed';
