import { FieldValue, type DocumentReference, type Firestore, type Timestamp, type WriteBatch } from 'firebase-admin/firestore';
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
  type Schema,
  type TaskCapture,
} from '@interaction-history/model';
import type { CaptureFailure } from '../domain/completedTask.js';
import type { PhoneIndex } from '../domain/erasure.js';
import { addReservationStep, handledBy, type HandledBy, type ReservationStep } from '../domain/taskWorkers.js';
import { captureFailureExpiry, daysAfter, interactionExpiry, TASK_CAPTURE_KEEP_DAYS } from '../domain/retention.js';

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
  /** The numbers the parameters name, by keyed hash (capture adds it); absent: the record is marked to be read whole. */
  readonly phoneIndex?: PhoneIndex;
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

interface Read<T> {
  readonly value: T | null;
  /** The document's update time, the precondition of a write made from this read; null when it does not exist. */
  readonly updateTime: Timestamp | null;
}

async function readDecoded<T>(db: Firestore, path: string, schema: Schema<T>): Promise<Read<T>> {
  const snapshot = await db.doc(path).get();
  if (!snapshot.exists) return { value: null, updateTime: null };
  return { value: decode(schema, snapshot.data(), path), updateTime: snapshot.updateTime ?? null };
}

/** Someone wrote first: the document changed since it was read, or was created meanwhile. */
const LOST_RACE_CODES = new Set([6 /* ALREADY_EXISTS */, 9 /* FAILED_PRECONDITION */, 10 /* ABORTED */]);

/**
 * Optimistic concurrency on the task's documents: read, decide, then commit one
 * atomic batch whose every write is conditional on the documents being as they
 * were read (created only if absent, updated only if unchanged). A batch that
 * loses the race changes nothing and is decided again from fresh reads. Unlike
 * a read-write transaction it holds no locks while deciding, so a burst of
 * events is never queued behind the stats trigger's hot customer documents.
 */
async function commitWhenUnchanged<T>(decide: () => Promise<{ readonly batch: WriteBatch | null; readonly result: T }>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const { batch, result } = await decide();
    if (!batch) return result;
    try {
      await batch.commit();
      return result;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== 'number' || !LOST_RACE_CODES.has(code) || attempt >= MAX_COMMIT_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
    }
  }
}

const MAX_COMMIT_ATTEMPTS = 25;

export interface CaptureStoreOptions {
  /** Days after completion when an interaction expires (Firestore TTL on `expireAt`); null: never. Required, so that no caller forgets the setting. */
  readonly retentionDays: number | null;
}

const bookkeepingExpiry = (): { expireAt: Date } => ({ expireAt: daysAfter(new Date(), TASK_CAPTURE_KEEP_DAYS) });

/** `{ expireAt }` when there is an expiry, else nothing: a document without the field is kept. */
const expiring = (expireAt: Date | null): { expireAt?: Date } => (expireAt === null ? {} : { expireAt });

/** Writes the capture document: created when it was absent, else updated only if unchanged since read. */
function writeCapture(batch: WriteBatch, ref: DocumentReference, read: Read<TaskCapture>, data: Omit<TaskCapture, 'updatedAt' | 'storedAt'> & { storedAt: unknown }): void {
  const full = { ...data, updatedAt: FieldValue.serverTimestamp(), ...bookkeepingExpiry() };
  if (read.updateTime === null) batch.create(ref, full);
  else batch.update(ref, full, { lastUpdateTime: read.updateTime });
}

const sameWorkers = (interaction: Pick<Interaction, 'workerSid' | 'workerName' | 'acceptedWorkers'>, handler: HandledBy): boolean =>
  interaction.workerSid === handler.workerSid &&
  interaction.workerName === handler.workerName &&
  JSON.stringify(interaction.acceptedWorkers) === JSON.stringify(handler.acceptedWorkers);

/**
 * `taskCaptures/{TaskSid}` is the one place that says whether, and under which
 * customer, a task was stored. Every write about a task is one atomic batch
 * conditional on that document (see `commitWhenUnchanged`), so replays,
 * reorderings and concurrent deliveries of any of the task's events converge
 * on one interaction holding the right worker. Failure records use `create`:
 * a replay finds the document and changes nothing.
 */
export function firestoreCaptureStore(db: Firestore, options: CaptureStoreOptions): CaptureStore {
  return {
    storeCompletedTask: (interaction) =>
      commitWhenUnchanged<CompletedTaskWrite>(async () => {
        const captureRef = db.doc(taskCapturePath(interaction.taskSid));
        const interactionRef = db.doc(interactionPath(interaction.customerPhone, interaction.taskSid));
        const [capture, existing] = await Promise.all([
          readDecoded(db, captureRef.path, taskCaptureSchema),
          readDecoded(db, interactionRef.path, interactionSchema),
        ]);
        const storedPhone = capture.value?.customerPhone;
        if (storedPhone) {
          const result = storedPhone === interaction.customerPhone ? 'alreadyExisted' : 'otherCustomer';
          return { batch: null, result: { result, customerPhone: storedPhone } };
        }
        const reservations = capture.value?.reservations ?? {};
        const batch = db.batch();
        writeCapture(batch, captureRef, capture, {
          taskSid: interaction.taskSid,
          reservations,
          customerPhone: interaction.customerPhone,
          storedAt: FieldValue.serverTimestamp(),
        });
        if (existing.value) {
          // Stored before task captures were kept: adopt it, so that later events find it.
          return { batch, result: { result: 'alreadyExisted', customerPhone: interaction.customerPhone } };
        }
        const stored: Interaction = { ...interaction, ...handledBy(reservations) };
        batch.create(interactionRef, { ...stored, ...expiring(interactionExpiry(interaction.completedAt, options.retentionDays)) });
        return { batch, result: { result: 'created', interaction: stored } };
      }),
    recordReservationStep: (taskSid, step) =>
      commitWhenUnchanged<ReservationWrite>(async () => {
        const captureRef = db.doc(taskCapturePath(taskSid));
        const capture = await readDecoded(db, captureRef.path, taskCaptureSchema);
        const before = capture.value?.reservations ?? {};
        const reservations = addReservationStep(before, step);
        const handler = handledBy(reservations);
        const customerPhone = capture.value?.customerPhone ?? null;
        const interactionRef = customerPhone ? db.doc(interactionPath(customerPhone, taskSid)) : null;
        const stored = interactionRef ? await readDecoded(db, interactionRef.path, interactionSchema) : null;
        const gathered = JSON.stringify(before) !== JSON.stringify(reservations);
        const storedInteraction = stored?.value ?? null;
        const updateInteraction = interactionRef !== null && storedInteraction !== null && !sameWorkers(storedInteraction, handler);
        if (!gathered && !updateInteraction) return { batch: null, result: { result: 'unchanged', handledBy: handler } };
        const batch = db.batch();
        writeCapture(batch, captureRef, capture, { taskSid, reservations, customerPhone, storedAt: capture.value?.storedAt ?? null });
        const storedUpdateTime = stored?.updateTime ?? null;
        if (updateInteraction && storedUpdateTime) {
          const fields = { workerSid: handler.workerSid, workerName: handler.workerName, acceptedWorkers: handler.acceptedWorkers };
          batch.update(interactionRef, fields, { lastUpdateTime: storedUpdateTime });
        }
        return { batch, result: { result: updateInteraction ? 'interactionUpdated' : 'gathered', handledBy: handler } };
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
          // Unresolved until an admin files it (fileCaptureFailure); the supervisors' list shows it as unresolved.
          resolved: false,
          ...expiring(captureFailureExpiry(record.receivedAt, options.retentionDays)),
          // So that an erase or export finds the record by a query (the number itself is not written again).
          mentionedPhoneHashes: record.phoneIndex?.mentionedPhoneHashes ?? [],
          needsTextScan: record.phoneIndex?.needsTextScan ?? true,
        }),
      ),
  };
}
