import { onDocumentWritten, type Change, type DocumentSnapshot, type FirestoreEvent } from 'firebase-functions/v2/firestore';
import { COLLECTIONS, reasonCodeListPath, reasonCodeListSchema, tryDecode, type ReasonCodeList } from '@interaction-history/model';
import { appendAuditEntryOnce } from '../adapters/auditLog.js';
import { reasonCodeListChanges } from '../domain/reasonCodeChanges.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type ReasonCodeListEvent = FirestoreEvent<Change<DocumentSnapshot> | undefined, { listId: string }>;

type ReadList = { readonly list: ReasonCodeList | null; readonly problems: readonly string[] | null };

/** The list as stored (null when absent), or what is wrong with it when it does not decode. */
function readList(snapshot: DocumentSnapshot | undefined): ReadList {
  if (!snapshot?.exists) return { list: null, problems: null };
  const decoded = tryDecode(reasonCodeListSchema, snapshot.data());
  if (decoded.ok) return { list: decoded.value, problems: null };
  // The rules bound the list but cannot check each code (they have no loops): say so, and audit it as unreadable.
  logs.documentUnreadable(snapshot.ref.path, decoded.problems);
  return { list: null, problems: decoded.problems };
}

/** The note of an entry: a removal, or a list saved in a form that does not read. */
function noteFor(after: ReadList): string | undefined {
  if (after.problems) return `The list as saved does not read (${after.problems.join('; ').slice(0, 500)}); agents keep the last list they read, or the defaults, until it is saved again.`;
  if (after.list === null) return 'The list was removed.';
  return undefined;
}

/** One audit entry per change of a reason-code list, keyed on the event so a redelivery adds none. */
export async function handleReasonCodeListWritten(event: ReasonCodeListEvent): Promise<void> {
  const before = readList(event.data?.before);
  const after = readList(event.data?.after);
  // An unreadable version is compared as nothing only when it is gone; a list saved unreadable records no per-code changes.
  const changes = after.problems ? [] : reasonCodeListChanges(before.list, after.list);
  const savedBy: unknown = event.data?.after.exists ? event.data.after.get('updatedBy') : undefined;
  const actor = typeof savedBy === 'string' ? savedBy : (after.list?.updatedBy ?? before.list?.updatedBy ?? 'unknown');
  const note = noteFor(after);
  const added = await appendAuditEntryOnce(firestore(), `reasonCodes-${event.id}`, {
    action: 'reasonCodesChanged',
    // Only admins may write these lists (firestore.rules); the list names who saved it.
    actor: { uid: actor, role: 'admin' },
    subject: reasonCodeListPath(event.params.listId),
    changes,
    ...(note ? { note } : {}),
  });
  logs.reasonCodesAudited(event.params.listId, changes.length, added);
}

export const auditReasonCodes = onDocumentWritten({ document: `${COLLECTIONS.reasonCodeLists}/{listId}`, retry: true }, handleReasonCodeListWritten);
