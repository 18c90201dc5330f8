import { REASON_CODE_MAX_LENGTH } from './reasonCodes.js';

/**
 * Task attributes that the plugin writes and the TaskRouter webhook reads.
 * `conversations.outcome` is Flex Insights' own field for the reason code, so
 * reports pick it up without any mapping.
 */
export const OUTCOME_ATTRIBUTE = 'conversations.outcome';
export const COMMENT_ATTRIBUTE = 'interactionHistory.comment';
export const CUSTOMER_PHONE_ATTRIBUTE = 'interactionHistory.customerPhone';

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

export interface OutcomeReading extends OutcomeAttributes {
  /** Attributes that were there but unusable; each reads as null above. */
  readonly malformed: readonly MalformedOutcomeAttribute[];
}

/**
 * The one reader of the outcome attributes, for the plugin's form and guard,
 * the webhook and the reconciliation alike: absent, null or blank is "none";
 * anything that is not text (or a reason code over the limit) is "none" too,
 * and is named in `malformed` so that capture can keep it for a supervisor.
 * The comment comes back uncut and the customer's number unnormalised.
 */
export function readOutcomeAttributes(attributes: TaskAttributes): OutcomeReading {
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
  return {
    outcome: text('outcome', OUTCOME_ATTRIBUTE, REASON_CODE_MAX_LENGTH),
    comment: text('comment', COMMENT_ATTRIBUTE),
    customerPhone: text('customerPhone', CUSTOMER_PHONE_ATTRIBUTE),
    malformed,
  };
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
 * Returns new attributes holding the outcome, keeping every other attribute
 * (and every other key of `conversations`) exactly as it was.
 */
export function mergeOutcomeAttributes(attributes: TaskAttributes, outcome: OutcomeAttributes): TaskAttributes {
  let merged = writeAttribute(attributes, OUTCOME_ATTRIBUTE, outcome.outcome);
  merged = writeAttribute(merged, COMMENT_ATTRIBUTE, outcome.comment);
  merged = writeAttribute(merged, CUSTOMER_PHONE_ATTRIBUTE, outcome.customerPhone);
  return merged;
}
