import { FieldValue, type Firestore, type Transaction } from 'firebase-admin/firestore';
import {
  CAPTURE_FAILURE_REASONS,
  captureFailurePath,
  decode,
  extraCaptureFailurePath,
  interactionPath,
  interactionSchema,
  taskCapturePath,
  taskCaptureSchema,
  type Interaction,
  type TaskCapture,
} from '@interaction-history/model';
import type { CaptureFailure } from '../domain/completedTask.js';
import { addReservationStep, handledBy, type HandledBy, type ReservationStep } from '../domain/taskWorkers.js';

export type WriteResult = 'created' | 'alreadyExisted';

/** What became of a task.completed: stored now, stored before, or stored before under another customer. */
export type CompletedTaskWrite =
  | { readonly result: 'created'; readonly interaction: Interaction }
  | { readonly result: 'alreadyExisted'; readonly customerPhone: string }
  | { readonly result: 'otherCustomer'; readonly customerPhone: string };

/** What a reservation event changed: nothing new, the task's gathered reservations, or the stored interaction too. */
export type ReservationWrite = { readonly result: 'unchanged' | 'gathered' | 'interactionUpdated'; readonly handledBy: HandledBy };

/** What capturing needs from storage; the webhook's use case depends on this, not on Firestore. */
export interface CaptureStore {
  /** Stores the interaction once per TaskSid, with the worker the task's reservation events name so far. */
  storeCompletedTask(interaction: Interaction): Promise<CompletedTaskWrite>;
  /** Adds a reservation step to the task's capture, and to its interaction if it is stored. */
  recordReservationStep(taskSid: string, step: ReservationStep): Promise<ReservationWrite>;
  recordCaptureFailure(record: CaptureFailureRecord): Promise<WriteResult>;
}

export interface CaptureFailureRecord extends CaptureFailure {
  readonly taskSid: string;
  /** A second record about the same task sits beside `captureFailures/{taskSid}` under this suffix. */
  readonly documentSuffix?: string;
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

async function readCapture(transaction: Transaction, db: Firestore, taskSid: string): Promise<TaskCapture | null> {
  const path = taskCapturePath(taskSid);
  const snapshot = await transaction.get(db.doc(path));
  return snapshot.exists ? decode(taskCaptureSchema, snapshot.data(), path) : null;
}

const sameWorkers = (interaction: Pick<Interaction, 'workerSid' | 'workerName' | 'acceptedWorkers'>, handler: HandledBy): boolean =>
  interaction.workerSid === handler.workerSid &&
  interaction.workerName === handler.workerName &&
  JSON.stringify(interaction.acceptedWorkers) === JSON.stringify(handler.acceptedWorkers);

/**
 * `taskCaptures/{TaskSid}` is the one place that says whether, and under which
 * customer, a task was stored: every write about a task goes through a
 * transaction on it, so replays, reorderings and concurrent deliveries of any
 * of the task's events converge on one interaction holding the right worker.
 * Failure records use `create`: a replay finds the document and changes nothing.
 */
export function firestoreCaptureStore(db: Firestore): CaptureStore {
  return {
    storeCompletedTask: (interaction) =>
      db.runTransaction(async (transaction): Promise<CompletedTaskWrite> => {
        const capture = await readCapture(transaction, db, interaction.taskSid);
        const interactionRef = db.doc(interactionPath(interaction.customerPhone, interaction.taskSid));
        const existing = await transaction.get(interactionRef);
        const captureRef = db.doc(taskCapturePath(interaction.taskSid));
        if (capture?.customerPhone) {
          const result = capture.customerPhone === interaction.customerPhone ? 'alreadyExisted' : 'otherCustomer';
          return { result, customerPhone: capture.customerPhone };
        }
        if (existing.exists) {
          // Stored before task captures were kept: adopt it, so later events find it.
          transaction.set(captureRef, { taskSid: interaction.taskSid, reservations: capture?.reservations ?? {}, customerPhone: interaction.customerPhone, storedAt: FieldValue.serverTimestamp(), updatedAt: FieldValue.serverTimestamp() });
          return { result: 'alreadyExisted', customerPhone: interaction.customerPhone };
        }
        const stored: Interaction = { ...interaction, ...handledBy(capture?.reservations ?? {}) };
        transaction.create(interactionRef, stored);
        transaction.set(captureRef, {
          taskSid: interaction.taskSid,
          reservations: capture?.reservations ?? {},
          customerPhone: interaction.customerPhone,
          storedAt: FieldValue.serverTimestamp(),
          updatedAt: FieldValue.serverTimestamp(),
        });
        return { result: 'created', interaction: stored };
      }),
    recordReservationStep: (taskSid, step) =>
      db.runTransaction(async (transaction): Promise<ReservationWrite> => {
        const capture = await readCapture(transaction, db, taskSid);
        const before = capture?.reservations ?? {};
        const reservations = addReservationStep(before, step);
        const handler = handledBy(reservations);
        const interactionRef = capture?.customerPhone ? db.doc(interactionPath(capture.customerPhone, taskSid)) : null;
        const stored = interactionRef ? await transaction.get(interactionRef) : null;
        const changed = JSON.stringify(before) !== JSON.stringify(reservations);
        let result: ReservationWrite['result'] = 'unchanged';
        if (changed) {
          result = 'gathered';
          transaction.set(
            db.doc(taskCapturePath(taskSid)),
            { taskSid, reservations, customerPhone: capture?.customerPhone ?? null, storedAt: capture?.storedAt ?? null, updatedAt: FieldValue.serverTimestamp() },
          );
        }
        if (interactionRef && stored?.exists) {
          const current = decode(interactionSchema, stored.data(), interactionRef.path);
          if (!sameWorkers(current, handler)) {
            transaction.update(interactionRef, { workerSid: handler.workerSid, workerName: handler.workerName, acceptedWorkers: handler.acceptedWorkers });
            result = 'interactionUpdated';
          }
        }
        return { result, handledBy: handler };
      }),
    recordCaptureFailure: (record) =>
      createOnce(() =>
        db.doc(record.documentSuffix ? extraCaptureFailurePath(record.taskSid, record.documentSuffix) : captureFailurePath(record.taskSid)).create({
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
