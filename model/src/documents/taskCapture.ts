import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';
import { e164Id, sidOf, taskSid } from './ids.js';

/** The reservation events capture reads: who accepted, wrapped up and completed a task. */
export const RESERVATION_CAPTURE_EVENTS = ['reservation.accepted', 'reservation.wrapup', 'reservation.completed'] as const;

export type ReservationCaptureEvent = (typeof RESERVATION_CAPTURE_EVENTS)[number];

/** What one reservation has told capture so far; each time is the event's own time (epoch ms), first delivery kept. */
export const reservationRecordSchema = z.object({
  workerSid: sidOf('WK'),
  workerName: z.nullable(z.string()),
  acceptedAtMs: z.nullable(z.number()),
  wrapupAtMs: z.nullable(z.number()),
  completedAtMs: z.nullable(z.number()),
});

export type ReservationRecord = z.output<typeof reservationRecordSchema>;

/**
 * `taskCaptures/{taskSid}`: server-only state of one task's capture. It
 * gathers the task's reservations whatever order events arrive in, and says
 * which interaction (if any) the task became, so that a task is stored once
 * per TaskSid and a late reservation event finds the interaction to complete.
 */
export const taskCaptureSchema = z.object({
  taskSid,
  /** Keyed by ReservationSid (WR…). */
  reservations: z.record(z.string(), reservationRecordSchema),
  /** The customer the interaction was stored under; null until task.completed has been stored. */
  customerPhone: z.nullable(e164Id),
  /** When the interaction was stored; null until then. */
  storedAt: z.nullable(storedTime),
  updatedAt: storedTime,
  /** Firestore's TTL policy removes the record after this (45 days after its last write): no event of the task can arrive by then. */
  expireAt: z.optional(storedTime),
});

export type TaskCapture = z.output<typeof taskCaptureSchema>;
