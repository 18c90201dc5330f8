import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import { captureFailureSchema, COLLECTIONS, tryDecode, type CaptureFailureDocument } from '@interaction-history/model';
import { firestoreErasureRegistry } from '../adapters/erasureRegistry.js';
import { ERASURE_HASH_KEY, readErasureHashKey, readPhoneRegion } from '../config.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';
import { withheldByErasure } from '../use-cases/erasureGate.js';

export type StoredCaptureFailureEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { recordId: string }>;

/**
 * The event's parameters as the record kept them. A record cut to size keeps
 * no parseable JSON: its text is then read as the attributes, for the
 * numbers it names (the times are then the arrival's).
 */
function parametersOf(record: CaptureFailureDocument): Record<string, string> {
  if (!record.parametersTruncated) {
    try {
      const parsed: unknown = JSON.parse(record.parametersJson);
      if (parsed !== null && typeof parsed === 'object' && Object.values(parsed).every((value) => typeof value === 'string')) {
        return parsed as Record<string, string>;
      }
    } catch {
      // Not JSON after all: read it as text below.
    }
  }
  return { TaskSid: record.taskSid, TaskAttributes: record.parametersJson };
}

/**
 * The capture-failure side of withdrawErasedInteraction: a record written by
 * an event that passed the erasure gate a moment before an erase registered,
 * and created after the erase scanned the failures, is deleted here. The
 * same gate decides, on the parameters the record kept.
 */
export async function handleCaptureFailureStored(event: StoredCaptureFailureEvent): Promise<void> {
  if (!event.data) return;
  const decoded = tryDecode(captureFailureSchema, event.data.data());
  if (!decoded.ok) {
    logs.documentUnreadable(event.data.ref.path, decoded.problems);
    return;
  }
  const db = firestore();
  const withheld = await withheldByErasure(parametersOf(decoded.value), {
    erasures: firestoreErasureRegistry(db, readErasureHashKey()),
    defaultRegion: readPhoneRegion(),
    receivedAt: decoded.value.receivedAt,
    // A record committed before an erase registered is the erase's own to find.
    committedAt: event.data.createTime.toDate(),
  });
  if (!withheld) return;
  await event.data.ref.delete();
  logs.captureFailureWithdrawn(event.data.ref.path);
}

export const withdrawErasedCaptureFailure = onDocumentCreated(
  {
    document: `${COLLECTIONS.captureFailures}/{recordId}`,
    // A failed run is delivered again; deleting what is already gone changes nothing.
    retry: true,
    secrets: [ERASURE_HASH_KEY],
  },
  handleCaptureFailureStored,
);
