import type { Firestore } from 'firebase-admin/firestore';
import { captureFailurePath, decode, extraCaptureFailurePath, interactionPath, taskCapturePath, taskCaptureSchema, type TaskCapture } from '@interaction-history/model';
import { addReservationStep, handledBy } from '../domain/taskWorkers.js';
import type { CaptureStore } from './captureStore.js';

/**
 * The capture store of a dry run: it answers what a write would have done,
 * reading `taskCaptures/{TaskSid}` and the documents a write would create as
 * the real store does, and writes nothing, so the same capture code reports
 * what a real run would recover.
 */
export function dryRunCaptureStore(db: Firestore): CaptureStore {
  const readCapture = async (taskSid: string): Promise<TaskCapture | null> => {
    const path = taskCapturePath(taskSid);
    const snapshot = await db.doc(path).get();
    return snapshot.exists ? decode(taskCaptureSchema, snapshot.data(), path) : null;
  };
  return {
    async storeCompletedTask(interaction) {
      const capture = await readCapture(interaction.taskSid);
      if (capture?.customerPhone) {
        return { result: capture.customerPhone === interaction.customerPhone ? 'alreadyExisted' : 'otherCustomer', customerPhone: capture.customerPhone };
      }
      if ((await db.doc(interactionPath(interaction.customerPhone, interaction.taskSid)).get()).exists) {
        return { result: 'alreadyExisted', customerPhone: interaction.customerPhone };
      }
      return { result: 'created', interaction: { ...interaction, ...handledBy(capture?.reservations ?? {}) } };
    },
    async recordReservationStep(taskSid, step) {
      const before = (await readCapture(taskSid))?.reservations ?? {};
      const after = addReservationStep(before, step);
      return { result: JSON.stringify(before) === JSON.stringify(after) ? 'unchanged' : 'gathered', handledBy: handledBy(after) };
    },
    async recordCaptureFailure(record) {
      const path = record.documentSuffix ? extraCaptureFailurePath(record.taskSid, record.documentSuffix) : captureFailurePath(record.taskSid);
      return (await db.doc(path).get()).exists ? 'alreadyExisted' : 'created';
    },
  };
}
