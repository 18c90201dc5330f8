/**
 * Pure: the interaction an admin files from a capture failure, built by the
 * same interpretation as automatic capture (completedTask.ts) with the
 * customer the admin chose. What made the event unattributable is set aside
 * (a reason code that is not text becomes none, attributes that are not JSON
 * become empty), and is still there in the failure record.
 */
import {
  CALLER_ADDRESS_ATTRIBUTES,
  COMMENT_ATTRIBUTE,
  completedTaskEventSchema,
  mergeOutcomeAttributes,
  OUTCOME_ATTRIBUTE,
  OUTCOME_TASK_SID_ATTRIBUTE,
  readAttribute,
  readCompletedTaskDetails,
  readOutcomeAttributes,
  tryDecode,
  type CountryCode,
  type E164,
  type Interaction,
  type TaskAttributes,
} from '@interaction-history/model';
import { interpretCompletedTask, MAX_ATTRIBUTES_BYTES } from './completedTask.js';

export type FilingResult = { readonly ok: true; readonly interaction: Interaction } | { readonly ok: false; readonly problem: string };

function parseObject(raw: string): TaskAttributes {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as TaskAttributes) : {};
  } catch {
    return {};
  }
}

/**
 * Of attributes too large to keep, what an interaction reads: the outcome,
 * the comment, which task they were chosen for (a transfer copies them) and
 * the caller's address.
 */
function onlyWhatCaptureReads(attributes: TaskAttributes): TaskAttributes {
  let kept: TaskAttributes = {};
  for (const path of [OUTCOME_ATTRIBUTE, COMMENT_ATTRIBUTE, OUTCOME_TASK_SID_ATTRIBUTE, ...CALLER_ADDRESS_ATTRIBUTES]) {
    const value = readAttribute(attributes, path);
    if (value === undefined) continue;
    const [head, ...rest] = path.split('.');
    if (head === undefined) continue;
    kept = rest.length === 0 ? { ...kept, [head]: value } : { ...kept, [head]: { ...(kept[head] as object | undefined), [rest.join('.')]: value } };
  }
  return kept;
}

/**
 * The interaction for `parametersJson` (a capture failure's record of the
 * signed event) filed under `customerPhone`, or why it cannot be built.
 */
export function interactionForFiling(
  parametersJson: string,
  customerPhone: E164,
  options: { readonly defaultRegion: CountryCode; readonly receivedAt: Date },
): FilingResult {
  let parameters: Record<string, string>;
  try {
    parameters = JSON.parse(parametersJson) as Record<string, string>;
  } catch {
    return { ok: false, problem: 'The recorded parameters are not readable JSON (they were cut when recorded), so the event cannot be rebuilt.' };
  }
  const event = tryDecode(completedTaskEventSchema, parameters);
  if (!event.ok) return { ok: false, problem: `The recorded event is not a usable task.completed: ${event.problems.join('; ')}` };

  let attributes = parseObject(event.value.TaskAttributes);
  if (Buffer.byteLength(event.value.TaskAttributes) > MAX_ATTRIBUTES_BYTES) attributes = onlyWhatCaptureReads(attributes);
  const reading = readOutcomeAttributes(attributes, event.value.TaskSid);
  // A malformed outcome or comment reads as none; the chosen customer replaces whatever the task said.
  attributes = mergeOutcomeAttributes(attributes, { outcome: reading.outcome, comment: reading.comment, customerPhone }, event.value.TaskSid);

  const { details, rejectedFields } = readCompletedTaskDetails(parameters);
  const outcome = interpretCompletedTask(
    { ...event.value, ...details, rejectedFields, TaskAttributes: JSON.stringify(attributes) },
    options,
  );
  if (outcome.kind !== 'interaction') return { ok: false, problem: `The event still cannot be attributed: ${outcome.reason}.` };
  return { ok: true, interaction: outcome.interaction };
}
