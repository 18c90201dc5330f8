/**
 * Reason codes stored in Firestore and edited by admins in Flex. The list an
 * agent chooses from is, in order of precedence: the queue's own stored list,
 * the stored global list, the `reasonCodes` of Flex's UI attributes, the
 * defaults shipped in reasonCodes.ts (see `effectiveReasonCodes`).
 */
import * as z from 'zod/mini';
import { REASON_CODE_MAX_LENGTH } from '../reasonCodes.js';
import { storedTime } from './storedTime.js';

/** The id of the global list in `reasonCodeLists`; a queue's list is keyed by its TaskQueue SID (`WQ…`). */
export const GLOBAL_REASON_CODE_LIST_ID = 'global';

/** Enough for any centre, small enough that a list stays a small document. */
export const REASON_CODE_LIST_MAX_CODES = 200;

export const queueSidSchema = z.string().check(z.regex(/^WQ[0-9a-f]{32}$/, 'not a WQ SID'));

export const reasonCodeSchema = z.object({
  /** Stable across renames, so the editor can tell a rename from a new code. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,40}$/, 'not a code id (1 to 40 letters, digits, _ or -)')),
  /** The text agents choose and `conversations.outcome` receives. */
  label: z.string().check(z.minLength(1), z.maxLength(REASON_CODE_MAX_LENGTH)),
  /** A retired code leaves the agents' choice but stays readable in history and counted in the dashboard. */
  active: z.boolean(),
});

export type ReasonCode = z.output<typeof reasonCodeSchema>;

/**
 * `reasonCodeLists/global` and `reasonCodeLists/{queueSid}`. Admins write
 * them (rules); every change gets an audit entry (a trigger).
 */
export const reasonCodeListSchema = z.object({
  scope: z.enum(['global', 'queue']),
  /** For a queue's list: the queue's name when it was last saved, for the editor. */
  queueName: z.optional(z.nullable(z.string())),
  /** In the order agents see them. Null on a queue document that only sets `reasonCodeRequired` and uses the global list. */
  codes: z.nullable(z.array(reasonCodeSchema).check(z.maxLength(REASON_CODE_LIST_MAX_CODES))),
  /** For a queue: whether Flex refuses to complete a task without a reason code (true when not set). */
  reasonCodeRequired: z.optional(z.boolean()),
  updatedAt: storedTime,
  /** Worker SID (uid) of the admin who saved it. */
  updatedBy: z.string(),
});

export type ReasonCodeList = z.output<typeof reasonCodeListSchema>;

export type ReasonCodeSource = 'queueList' | 'globalList' | 'uiAttributes' | 'defaults';

export interface EffectiveReasonCodes {
  /** What the agent may choose, in order (active codes only). */
  readonly choices: readonly string[];
  readonly source: ReasonCodeSource;
  /** Whether a reason code is required to complete a task of this queue. */
  readonly required: boolean;
}

/** The list an agent chooses from for one queue: the rule stated in the README, in one place. */
export function effectiveReasonCodes(input: {
  readonly queueList: ReasonCodeList | null;
  readonly globalList: ReasonCodeList | null;
  readonly uiAttributeCodes: readonly string[] | null;
  readonly defaults: readonly string[];
}): EffectiveReasonCodes {
  const required = input.queueList?.reasonCodeRequired ?? true;
  const active = (list: ReasonCodeList) => (list.codes ?? []).filter((code) => code.active).map((code) => code.label);
  if (input.queueList?.codes) return { choices: active(input.queueList), source: 'queueList', required };
  if (input.globalList?.codes) return { choices: active(input.globalList), source: 'globalList', required };
  if (input.uiAttributeCodes && input.uiAttributeCodes.length > 0) return { choices: input.uiAttributeCodes, source: 'uiAttributes', required };
  return { choices: input.defaults, source: 'defaults', required };
}
