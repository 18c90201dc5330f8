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
export const MAX_PARAMETERS_JSON_BYTES = 900_000;

function boundedParameters(parameters: Readonly<Record<string, string>>) {
  const json = JSON.stringify(parameters);
  // Firestore counts UTF-8 bytes, not characters: 500k emoji characters are 2 MB.
  const bytes = Buffer.from(json, 'utf8');
  if (bytes.length <= MAX_PARAMETERS_JSON_BYTES) return { parametersJson: json, parametersTruncated: false };
  // A cut inside a multi-byte character decodes to U+FFFD; drop it rather than store half a character.
  const cut = bytes.subarray(0, MAX_PARAMETERS_JSON_BYTES).toString('utf8').replace(/\uFFFD$/, '');
  return { parametersJson: cut, parametersTruncated: true, parametersBytes: bytes.length };
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
          message: [record.reason, ...(record.otherReasons ?? [])].map((reason) => CAPTURE_FAILURE_REASONS[reason]).join(' '),
          ...(record.otherReasons ? { otherReasons: record.otherReasons } : {}),
          details: record.details ?? null,
          eventType: record.eventType,
          receivedAt: record.receivedAt,
          recordedAt: FieldValue.serverTimestamp(),
          // As a JSON string: parameter names are the sender's and need not be valid Firestore field names.
          ...boundedParameters(record.parameters),
          // Unresolved until an admin files it (fileCaptureFailure); the supervisors' list asks for resolved == false.
          resolved: false,
        }),
      ),
  };
}
