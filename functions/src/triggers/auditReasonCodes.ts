import { onDocumentWritten, type Change, type DocumentSnapshot, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, reasonCodeListPath, reasonCodeListSchema, tryDecode, type ReasonCodeList } from '@interaction-history/model';
import { appendAuditEntryOnce } from '../adapters/auditLog.js';
import { reasonCodeListChanges } from '../domain/reasonCodeChanges.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type ReasonCodeListEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { listId: string }>;

function readList(snapshot: DocumentSnapshot | undefined): ReasonCodeList | null {
  if (!snapshot?.exists) return null;
  const decoded = tryDecode(reasonCodeListSchema, snapshot.data());
  // The rules keep a malformed list out; if one is there anyway, say so and audit what can be read.
  if (!decoded.ok) logs.documentUnreadable(snapshot.ref.path, decoded.problems);
  return decoded.ok ? decoded.value : null;
}

/** One audit entry per change of a reason-code list, keyed on the event so a redelivery adds none. */
export async function handleReasonCodeListWritten(event: ReasonCodeListEvent): Promise<void> {
  const before = readList(event.data?.before);
  const after = readList(event.data?.after);
  const changes = reasonCodeListChanges(before, after);
  const actor = after?.updatedBy ?? before?.updatedBy ?? 'unknown';
  const added = await appendAuditEntryOnce(firestore(), `reasonCodes-${event.id}`, {
    action: 'reasonCodesChanged',
    // Only admins may write these lists (firestore.rules); the list names who saved it.
    actor: { uid: actor, role: 'admin' },
    subject: reasonCodeListPath(event.params.listId),
    changes,
    ...(after === null ? { note: 'The list was removed.' } : {}),
  });
  logs.reasonCodesAudited(event.params.listId, changes.length, added);
}

export const auditReasonCodes = onDocumentWritten({ document: `${COLLECTIONS.reasonCodeLists}/{listId}`, retry: true }, handleReasonCodeListWritten);
