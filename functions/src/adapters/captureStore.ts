import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  CAPTURE_FAILURE_REASONS,
  captureFailurePath,
  interactionPath,
  type Interaction,
} from '@interaction-history/model';
import type { CaptureFailure } from '../domain/completedTask.js';

export type WriteResult = 'created' | 'alreadyExisted';

/** What capturing needs from storage; the webhook's use case depends on this, not on Firestore. */
export interface CaptureStore {
  storeInteraction(interaction: Interaction): Promise<WriteResult>;
  recordCaptureFailure(record: CaptureFailureRecord): Promise<WriteResult>;
}

export interface CaptureFailureRecord extends CaptureFailure {
  readonly taskSid: string;
  readonly eventType: string;
  readonly receivedAt: Date;
  /** Every signed parameter, so that nothing the event carried is lost. */
  readonly parameters: Readonly<Record<string, string>>;
}

const ALREADY_EXISTS = 6;

/** Keeps a failure record under Firestore's 1 MiB document limit, saying when the parameters had to be cut. */
export const MAX_PARAMETERS_JSON_CHARS = 900_000;

function boundedParameters(parameters: Readonly<Record<string, string>>) {
  const json = JSON.stringify(parameters);
  if (json.length <= MAX_PARAMETERS_JSON_CHARS) return { parametersJson: json, parametersTruncated: false };
  return { parametersJson: json.slice(0, MAX_PARAMETERS_JSON_CHARS), parametersTruncated: true, parametersLength: json.length };
}

async function createOnce(write: () => Promise<unknown>): Promise<WriteResult> {
  try {
    await write();
    return 'created';
  } catch (error) {
    if ((error as { code?: unknown }).code === ALREADY_EXISTS) return 'alreadyExisted';
    throw error;
  }
}

/**
 * Both writes use `create`, keyed on the TaskSid: a replayed or concurrent
 * duplicate finds the document there and changes nothing.
 */
export function firestoreCaptureStore(db: Firestore): CaptureStore {
  return {
    storeInteraction: (interaction) =>
      createOnce(() => db.doc(interactionPath(interaction.customerPhone, interaction.taskSid)).create(interaction)),
    recordCaptureFailure: (record) =>
      createOnce(() =>
        db.doc(captureFailurePath(record.taskSid)).create({
          taskSid: record.taskSid,
          reason: record.reason,
          message: CAPTURE_FAILURE_REASONS[record.reason],
          details: record.details ?? null,
          eventType: record.eventType,
          receivedAt: record.receivedAt,
          recordedAt: FieldValue.serverTimestamp(),
          // As a JSON string: parameter names are the sender's and need not be valid Firestore field names.
          ...boundedParameters(record.parameters),
        }),
      ),
  };
}
