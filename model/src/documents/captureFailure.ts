import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';
import { e164Id, taskSid } from './ids.js';
import { phoneHashId } from './erasure.js';

/** Why a signed `task.completed` event could not be stored as it was, in words a supervisor reads. */
export const CAPTURE_FAILURE_REASONS = {
  attributesNotJson: 'The task attributes are not a JSON object.',
  attributesTooLarge: 'The task attributes are larger than 256 KiB.',
  noValidPhone: 'No valid phone number in the chosen customer, from, caller, customerAddress or customers.phone.',
  invalidChosenCustomer: 'The agent chose a customer whose phone number is not valid.',
  commentTooLong: 'The comment was longer than the limit; the interaction holds it cut, the full text is kept here.',
  invalidOutcome: 'The reason code is not text within the allowed length.',
  invalidComment: 'The comment is not text.',
  implausibleTimes:
    'A time in the event was unreadable, before 2000 or more than a day ahead; the interaction uses the arrival time instead, the raw values are kept here.',
  invalidFields: 'Some descriptive fields of the event were malformed and left out of the interaction; the raw values are kept here.',
  storageRefused: 'Firestore refused to store the interaction as it was; every parameter is kept here.',
  outcomeForAnotherTask:
    'The reason code and comment were chosen for another task (a transfer copies attributes): the interaction is stored without them, the inherited values are kept here.',
  duplicateTaskSid:
    'The same task completed again with a different customer; the interaction stored first is kept, this event is kept here.',
  invalidReservationEvent: 'A reservation event of this task lacked a valid ReservationSid or WorkerSid; it is kept here.',
} as const;

export type CaptureFailureReason = keyof typeof CAPTURE_FAILURE_REASONS;

/**
 * Reasons for which no interaction was stored: an admin may file such an
 * event under a customer (fileCaptureFailure). The other reasons are notes
 * beside a stored interaction.
 */
export const UNATTRIBUTABLE_REASONS: readonly CaptureFailureReason[] = [
  'attributesNotJson',
  'attributesTooLarge',
  'noValidPhone',
  'invalidChosenCustomer',
  'invalidOutcome',
  'invalidComment',
  'storageRefused',
];

export const isUnattributableReason = (reason: CaptureFailureReason): boolean => UNATTRIBUTABLE_REASONS.includes(reason);

const reason = z.enum(Object.keys(CAPTURE_FAILURE_REASONS) as [CaptureFailureReason, ...CaptureFailureReason[]]);

/** `captureFailures/{taskSid}`: a signed event, or part of one, that could not be stored as it was. */
export const captureFailureSchema = z.object({
  taskSid,
  reason,
  /** The reasons in words, first reason first. */
  message: z.string(),
  otherReasons: z.optional(z.array(reason)),
  /** Extra facts, e.g. the full comment when it had to be cut. */
  details: z.nullable(z.record(z.string(), z.union([z.string(), z.number()]))),
  eventType: z.string(),
  receivedAt: storedTime,
  recordedAt: storedTime,
  /** Every parameter the event carried, as JSON (names are the sender's, not valid field names). */
  parametersJson: z.string(),
  parametersTruncated: z.boolean(),
  /** The full size in UTF-8 bytes, when the JSON had to be cut. */
  parametersBytes: z.optional(z.number()),
  /**
   * Resolution, written only by fileCaptureFailure: the record is kept and
   * marked (then expires, see `expireAt`). New records carry `resolved: false` so that the
   * supervisors' list can ask for the unresolved ones; a record without the
   * field was written before resolution existed and counts as unresolved.
   */
  resolved: z.optional(z.boolean()),
  resolvedAt: z.optional(storedTime),
  /** Worker SID (uid) of the admin who resolved it. */
  resolvedBy: z.optional(z.string()),
  /** The customer the interaction was filed under: `customers/{filedCustomerPhone}/interactions/{taskSid}`. */
  filedCustomerPhone: z.optional(e164Id),
  /**
   * When Firestore's TTL policy deletes the record: with a retention period,
   * the event's arrival plus that period (never later than the interaction it
   * describes would expire); once filed, 90 days after filing at the latest.
   * Absent: kept (no retention period, not filed).
   */
  expireAt: z.optional(storedTime),
  /**
   * Keyed hashes (erasures' phoneHash) of the numbers the event names, so
   * that an erase or export finds the record by a query rather than by
   * reading every record. At most 50.
   */
  mentionedPhoneHashes: z._default(z.array(phoneHashId), []),
  /**
   * True when the hashes may not be all: the parameters were too long to
   * read for numbers at capture, or named more than 50. An erase or export
   * reads such records whole. (Every record has it: no deployment holds
   * records from before the index; one without it reads as true.)
   */
  needsTextScan: z._default(z.boolean(), true),
});

export type CaptureFailureDocument = z.output<typeof captureFailureSchema>;
