import type { Firestore } from 'firebase-admin/firestore';
import { captureFailurePath, interactionPath } from '@interaction-history/model';
import type { CaptureStore } from './captureStore.js';

/**
 * The capture store of a dry run: it answers what a write would have done
 * (`created` when the document is not there yet) and writes nothing, so the
 * same capture code can report what a real run would recover.
 */
export function dryRunCaptureStore(db: Firestore): CaptureStore {
  const wouldCreate = async (path: string) => ((await db.doc(path).get()).exists ? 'alreadyExisted' : 'created');
  return {
    storeInteraction: (interaction) => wouldCreate(interactionPath(interaction.customerPhone, interaction.taskSid)),
    recordCaptureFailure: (record) => wouldCreate(captureFailurePath(record.taskSid)),
  };
}
