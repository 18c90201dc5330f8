import { REASON_CODE_MAX_LENGTH } from './reasonCodes.js';

/**
 * Task attributes that the plugin writes and the TaskRouter webhook reads.
 * `conversations.outcome` is Flex Insights' own field for the reason code, so
 * reports pick it up without any mapping.
 */
export const OUTCOME_ATTRIBUTE = 'conversations.outcome';
export const COMMENT_ATTRIBUTE = 'interactionHistory.comment';
export const CUSTOMER_PHONE_ATTRIBUTE = 'interactionHistory.customerPhone';
/**
 * The TaskSid the outcome was chosen for. A transfer that creates a new task
 * copies the attributes, outcome included; this marker tells the copy from an
 * outcome chosen for the task itself.
 */
export const OUTCOME_TASK_SID_ATTRIBUTE = 'interactionHistory.outcomeTaskSid';

/** Where the caller's address may sit in a task's attributes, in order of preference. */
export const CALLER_ADDRESS_ATTRIBUTES = ['from', 'caller', 'customerAddress', 'customers.phone'] as const;

export type TaskAttributes = Record<string, unknown>;

export interface OutcomeAttributes {
  /** The reason code, or null when the agent chose none. */
  readonly outcome: string | null;
  readonly comment: string | null;
  /** The customer the agent chose when it is not the caller (E.164), or null for the caller. */
  readonly customerPhone: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads `a.b` from attributes; undefined when any step is missing or not an object. */
export function readAttribute(attributes: TaskAttributes, dottedPath: string): unknown {
  let current: unknown = attributes;
  for (const key of dottedPath.split('.')) {
    if (!isRecord(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

/** An outcome attribute that is present but cannot be used: not text, or a reason code over the length limit. */
export type MalformedOutcomeAttribute = 'outcome' | 'comment' | 'customerPhone';

/** An outcome the attributes carry but that was chosen for another task, kept for the supervisor's record. */
export interface InheritedOutcome {
  readonly outcome: string | null;
  readonly comment: string | null;
  /** The task it was chosen for. */
  readonly outcomeTaskSid: string;
}

export interface OutcomeReading extends OutcomeAttributes {
  /** Attributes that were there but unusable; each reads as null above. */
  readonly malformed: readonly MalformedOutcomeAttribute[];
  /** The reason code and comment chosen for another task (read as none above), or null. */
  readonly inherited: InheritedOutcome | null;
}

/**
 * The one reader of the outcome attributes, for the plugin's form and guard,
 * the webhook and the reconciliation alike: absent, null or blank is "none";
 * anything that is not text (or a reason code over the limit) is "none" too,
 * and is named in `malformed` so that capture can keep it for a supervisor.
 * The comment comes back uncut and the customer's number unnormalised.
 *
 * `taskSid` is the task being read: a reason code and comment whose
 * `outcomeTaskSid` names another task were inherited through a transfer, and
 * read as none (returned in `inherited`). Without the marker (written by
 * another tool) they count. The chosen customer is kept either way: it says
 * who the customer is, which a transfer does not change.
 */
export function readOutcomeAttributes(attributes: TaskAttributes, taskSid: string): OutcomeReading {
  const malformed: MalformedOutcomeAttribute[] = [];
  const text = (name: MalformedOutcomeAttribute, path: string, maxLength = Number.POSITIVE_INFINITY): string | null => {
    const value = readAttribute(attributes, path);
    if (value === undefined || value === null) return null;
    if (typeof value !== 'string' || value.length > maxLength) {
      malformed.push(name);
      return null;
    }
    return value.trim() === '' ? null : value;
  };
  const outcome = text('outcome', OUTCOME_ATTRIBUTE, REASON_CODE_MAX_LENGTH);
  const comment = text('comment', COMMENT_ATTRIBUTE);
  const customerPhone = text('customerPhone', CUSTOMER_PHONE_ATTRIBUTE);
  const marker = readAttribute(attributes, OUTCOME_TASK_SID_ATTRIBUTE);
  const outcomeTaskSid = typeof marker === 'string' && marker.trim() !== '' ? marker.trim() : null;
  if (outcomeTaskSid !== null && outcomeTaskSid !== taskSid) {
    // Values from another task are not this task's; whether they were malformed there does not matter here.
    const ownMalformed = malformed.filter((name) => name === 'customerPhone');
    return { outcome: null, comment: null, customerPhone, malformed: ownMalformed, inherited: { outcome, comment, outcomeTaskSid } };
  }
  return { outcome, comment, customerPhone, malformed, inherited: null };
}

/** The candidates for the caller's address, in order, as the task carries them. */
export function callerAddressCandidates(attributes: TaskAttributes): unknown[] {
  return CALLER_ADDRESS_ATTRIBUTES.map((path) => readAttribute(attributes, path));
}

function writeAttribute(attributes: TaskAttributes, dottedPath: string, value: unknown): TaskAttributes {
  const [head, ...rest] = dottedPath.split('.');
  if (head === undefined) return attributes;
  if (rest.length === 0) return { ...attributes, [head]: value };
  const child = isRecord(attributes[head]) ? attributes[head] : {};
  return { ...attributes, [head]: writeAttribute(child, rest.join('.'), value) };
}

/**
 * Returns new attributes holding the outcome chosen for task `taskSid` (written
 * as `outcomeTaskSid`), keeping every other attribute (and every other key of
 * `conversations`) exactly as it was.
 */
export function mergeOutcomeAttributes(attributes: TaskAttributes, outcome: OutcomeAttributes, taskSid: string): TaskAttributes {
  let merged = writeAttribute(attributes, OUTCOME_ATTRIBUTE, outcome.outcome);
  merged = writeAttribute(merged, COMMENT_ATTRIBUTE, outcome.comment);
  merged = writeAttribute(merged, CUSTOMER_PHONE_ATTRIBUTE, outcome.customerPhone);
  merged = writeAttribute(merged, OUTCOME_TASK_SID_ATTRIBUTE, taskSid);
  return merged;
}
