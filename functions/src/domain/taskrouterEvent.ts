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

/** What a `task.completed` event must carry to be stored at all: without these there is no document to write. */
export const completedTaskEventSchema = taskrouterEventSchema.extend({
  EventType: z.literal('task.completed'),
  TaskSid: sid('WT'),
  // No length limit here: an oversized payload is still recorded as a capture failure, not refused.
  TaskAttributes: z.string().default('{}'),
});

/**
 * Descriptive fields of a `task.completed` event. Each is checked on its own:
 * one that is malformed is left out of the interaction (and named in a capture
 * record), never a reason to refuse the whole event.
 */
export const completedTaskDetailsSchema = z.object({
  TaskAge: numeric,
  TaskChannelUniqueName: z.string().max(100),
  TaskQueueName: z.string().max(200),
  TaskDateCreated: z.string().max(40),
  WorkerSid: sid('WK'),
  WorkerName: z.string().max(200),
  Timestamp: z.string().max(40),
  TimestampMs: numeric,
});

export type TaskrouterEvent = z.infer<typeof taskrouterEventSchema>;
export type CompletedTaskDetails = Partial<z.infer<typeof completedTaskDetailsSchema>>;
export type CompletedTaskEvent = z.infer<typeof completedTaskEventSchema> &
  CompletedTaskDetails & {
    /** Descriptive fields that were present but malformed, left out above. */
    readonly rejectedFields?: readonly (keyof CompletedTaskDetails)[];
  };

export const TASK_COMPLETED = 'task.completed';

type DetailField = keyof CompletedTaskDetails;
const DETAIL_FIELDS = Object.keys(completedTaskDetailsSchema.shape) as DetailField[];

/** Reads the descriptive fields one by one; an empty value counts as absent, as TaskRouter sends empty fields. */
export function readCompletedTaskDetails(parameters: Readonly<Record<string, string>>): {
  readonly details: CompletedTaskDetails;
  readonly rejectedFields: readonly DetailField[];
} {
  const details: CompletedTaskDetails = {};
  const rejectedFields: DetailField[] = [];
  for (const field of DETAIL_FIELDS) {
    const value = Object.hasOwn(parameters, field) ? parameters[field] : undefined;
    if (value === undefined || value === '') continue;
    const parsed = completedTaskDetailsSchema.shape[field].safeParse(value);
    if (parsed.success) details[field] = parsed.data;
    else rejectedFields.push(field);
  }
  return { details, rejectedFields };
}
