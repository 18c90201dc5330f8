/** How an interaction came to be stored; only the TaskRouter webhook writes interactions. */
export const INTERACTION_SOURCE = 'taskrouter';

/** One completed task, stored at `customers/{phone}/interactions/{taskSid}`. */
export interface Interaction<TTime = Date> {
  readonly taskSid: string;
  readonly customerPhone: string;
  /** The caller's address exactly as TaskRouter gave it (`whatsapp:+44…`, `+1415…`). */
  readonly from: string | null;
  /** TaskChannelUniqueName: `voice`, `chat`, `sms`… */
  readonly channel: string | null;
  readonly queue: string | null;
  readonly workerSid: string | null;
  readonly workerName: string | null;
  readonly outcome: string | null;
  readonly comment: string | null;
  readonly startedAt: TTime;
  readonly completedAt: TTime;
  readonly durationSeconds: number | null;
  readonly capturedAt: TTime;
  readonly source: typeof INTERACTION_SOURCE;
}

/** Kept per customer by a Firestore trigger at `customerStats/{phone}`. */
export interface CustomerStats<TTime = Date> {
  readonly interactionCount: number;
  readonly lastInteractionAt: TTime | null;
  readonly lastOutcome: string | null;
  readonly missingOutcomeCount: number;
}

/** Why a signed `task.completed` event could not be stored as an interaction. */
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
} as const;

export type CaptureFailureReason = keyof typeof CAPTURE_FAILURE_REASONS;
