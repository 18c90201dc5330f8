/**
 * TaskRouter's workspace event callback: a signed, form-encoded POST whose
 * parameters are all strings (https://www.twilio.com/docs/taskrouter/api/event/reference).
 * These are the fields this product reads; TaskRouter sends more, which are
 * ignored, not rejected.
 */
import * as z from 'zod/mini';
import { sidOf } from '../documents/ids.js';
import { RESERVATION_CAPTURE_EVENTS, type ReservationCaptureEvent } from '../documents/taskCapture.js';

/** A decimal count of seconds or milliseconds as TaskRouter sends them in form fields. */
const numeric = z.string().check(z.regex(/^\d{1,16}$/, 'not a whole number'));

/** Every event, whatever its type. */
export const taskrouterEventSchema = z.object({
  EventType: z.string().check(z.minLength(1), z.maxLength(100)),
  AccountSid: sidOf('AC'),
  WorkspaceSid: sidOf('WS'),
});

export const TASK_COMPLETED = 'task.completed';

/**
 * The events capture needs, and so exactly what the workspace's EventsFilter
 * selects (`npm run configure:taskrouter`) and what the stand-in TaskRouter
 * sends: the completion, and the reservation events that say who handled it.
 */
export const CAPTURED_EVENT_TYPES = [TASK_COMPLETED, ...RESERVATION_CAPTURE_EVENTS] as const;

/** What a `task.completed` event must carry to be stored at all: without these there is no document to write. */
export const completedTaskEventSchema = z.extend(taskrouterEventSchema, {
  EventType: z.literal(TASK_COMPLETED),
  TaskSid: sidOf('WT'),
  // No length limit here: an oversized payload is still recorded as a capture failure, not refused.
  TaskAttributes: z._default(z.string(), '{}'),
});

/**
 * Descriptive fields of a `task.completed` event. Each is checked on its own:
 * one that is malformed is left out of the interaction (and named in a capture
 * record), never a reason to refuse the whole event.
 */
export const completedTaskDetailsSchema = z.object({
  TaskAge: numeric,
  TaskQueueSid: sidOf('WQ'),
  TaskCompletedReason: z.string().check(z.maxLength(500)),
  // Not documented for task events (see local-stack/taskrouter/fixtures/SOURCES.md): read when present.
  TaskChannelUniqueName: z.string().check(z.maxLength(100)),
  TaskQueueName: z.string().check(z.maxLength(200)),
  TaskDateCreated: z.string().check(z.maxLength(40)),
  Timestamp: z.string().check(z.maxLength(40)),
  TimestampMs: numeric,
});

/**
 * `reservation.accepted`, `.wrapup` and `.completed`: the task's fields plus
 * the worker's (REF "Field Data": Task, Worker, TaskQueueSid, ReservationSid,
 * WorkflowSid). Capture reads who handled the task from these.
 */
export const reservationEventSchema = z.extend(taskrouterEventSchema, {
  EventType: z.enum(RESERVATION_CAPTURE_EVENTS),
  TaskSid: sidOf('WT'),
  ReservationSid: sidOf('WR'),
  WorkerSid: sidOf('WK'),
  WorkerName: z.optional(z.string().check(z.maxLength(200))),
  Timestamp: z.optional(z.string().check(z.maxLength(40))),
  TimestampMs: z.optional(z.string().check(z.maxLength(40))),
});

export type ReservationEvent = z.infer<typeof reservationEventSchema>;

export function isReservationCaptureEvent(eventType: string): eventType is ReservationCaptureEvent {
  return (RESERVATION_CAPTURE_EVENTS as readonly string[]).includes(eventType);
}

export type TaskrouterEvent = z.infer<typeof taskrouterEventSchema>;
export type CompletedTaskDetails = Partial<z.infer<typeof completedTaskDetailsSchema>>;
export type CompletedTaskEvent = z.infer<typeof completedTaskEventSchema> &
  CompletedTaskDetails & {
    /** Descriptive fields that were present but malformed, left out above. */
    readonly rejectedFields?: readonly (keyof CompletedTaskDetails)[];
  };

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
    const parsed = z.safeParse(completedTaskDetailsSchema.shape[field], value);
    if (parsed.success) details[field] = parsed.data;
    else rejectedFields.push(field);
  }
  return { details, rejectedFields };
}
