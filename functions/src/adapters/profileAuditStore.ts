/**
 * Records a profile write in the audit trail, once per trigger event, and
 * consumes the deletion stamp a browser wrote beside a delete.
 */
import type { DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, customerPath, erasurePath, erasureSchema, isE164, profileDeletionPath, profileDeletionSchema, tryDecode } from '@interaction-history/model';
import { erasureSubject, phoneHash } from '../domain/erasure.js';
import { auditProfileWrite, erasedSince, REDACTED_NOTE, redactedChanges, type DeletionStamp, type ProfileAudit } from '../domain/profileAudit.js';
import { appendAuditEntryIn } from './auditLog.js';

/** A deletion stamp counts for a delete that happened within this long of it (the same batch, give or take clocks). */
const DELETION_STAMP_WINDOW_MS = 60_000;

type Data = Readonly<Record<string, unknown>>;

export type ProfileAuditResult =
  | { readonly recorded: ProfileAudit; readonly redacted: boolean }
  | { readonly recorded: null; readonly reason: 'nothingToRecord' | 'alreadyRecorded' };

/** The erase of the number, if any. An entry that does not decode is taken as an erase now running: values are withheld rather than risked. */
function eraseOf(snapshot: DocumentSnapshot | null, changedAt: Date): { erasedAt: Date | null; finishedAt: Date | null } {
  if (!snapshot?.exists) return { erasedAt: null, finishedAt: null };
  const erasure = tryDecode(erasureSchema, snapshot.data());
  return erasure.ok ? { erasedAt: erasure.value.erasedAt, finishedAt: erasure.value.erasureFinishedAt } : { erasedAt: changedAt, finishedAt: null };
}

/**
 * The erasure registry is read in the same transaction as the entry is
 * written: an erase that registers the number while this runs is ordered
 * before it (this entry is then redacted here) or after it (the erase then
 * finds this entry and redacts it), never neither.
 */
export async function recordProfileWrite(
  db: Firestore,
  write: { readonly phone: string; readonly eventId: string; readonly eventTime: Date; readonly before: Data | undefined; readonly after: Data | undefined },
  erasureHashKey: string,
): Promise<ProfileAuditResult> {
  const entryId = `profile-${write.eventId}`;
  const entryRef = db.collection(COLLECTIONS.auditLog).doc(entryId);
  const stampRef = db.doc(profileDeletionPath(write.phone));
  // A profile under a non-canonical id is no one's number (removeNonCanonicalProfile removes it): no registry entry to ask.
  const hash = isE164(write.phone) ? phoneHash(write.phone, erasureHashKey) : null;
  const erasureRef = hash === null ? null : db.doc(erasurePath(hash));
  return db.runTransaction(async (transaction): Promise<ProfileAuditResult> => {
    const [entry, stampSnapshot, erasure] = await Promise.all([
      transaction.get(entryRef),
      write.after ? Promise.resolve(null) : transaction.get(stampRef),
      erasureRef ? transaction.get(erasureRef) : Promise.resolve(null),
    ]);
    if (entry.exists) return { recorded: null, reason: 'alreadyRecorded' };
    let deletion: DeletionStamp | null = null;
    if (stampSnapshot?.exists) {
      const stamp = tryDecode(profileDeletionSchema, stampSnapshot.data());
      if (stamp.ok && Math.abs(stamp.value.deletedAt.getTime() - write.eventTime.getTime()) <= DELETION_STAMP_WINDOW_MS) deletion = stamp.value;
      // Consumed either way: a stamp is good for the one delete it was written with.
      transaction.delete(stampRef);
    }
    const audit = auditProfileWrite(write.before, write.after, deletion);
    if (!audit) return { recorded: null, reason: 'nothingToRecord' };
    const redacted = hash !== null && erasedSince(write.eventTime, eraseOf(erasure, write.eventTime));
    appendAuditEntryIn(
      transaction,
      db,
      redacted
        ? { action: audit.action, actor: audit.actor, subject: erasureSubject(hash), changes: redactedChanges(audit.changes), note: REDACTED_NOTE }
        : {
            action: audit.action,
            actor: audit.actor,
            subject: customerPath(write.phone),
            changes: [...audit.changes],
            ...(audit.note ? { note: audit.note } : {}),
          },
      entryId,
    );
    return { recorded: audit, redacted };
  });
}
