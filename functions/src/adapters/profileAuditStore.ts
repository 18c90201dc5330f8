/**
 * Records a profile write in the audit trail, once per trigger event, and
 * consumes the deletion stamp a browser wrote beside a delete.
 */
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, customerPath, profileDeletionPath, profileDeletionSchema, tryDecode } from '@interaction-history/model';
import { auditProfileWrite, type DeletionStamp, type ProfileAudit } from '../domain/profileAudit.js';
import { appendAuditEntryIn } from './auditLog.js';

/** A deletion stamp counts for a delete that happened within this long of it (the same batch, give or take clocks). */
const DELETION_STAMP_WINDOW_MS = 60_000;

type Data = Readonly<Record<string, unknown>>;

export type ProfileAuditResult = { readonly recorded: ProfileAudit } | { readonly recorded: null; readonly reason: 'nothingToRecord' | 'alreadyRecorded' };

export async function recordProfileWrite(
  db: Firestore,
  write: { readonly phone: string; readonly eventId: string; readonly eventTime: Date; readonly before: Data | undefined; readonly after: Data | undefined },
): Promise<ProfileAuditResult> {
  const entryId = `profile-${write.eventId}`;
  const entryRef = db.collection(COLLECTIONS.auditLog).doc(entryId);
  const stampRef = db.doc(profileDeletionPath(write.phone));
  return db.runTransaction(async (transaction): Promise<ProfileAuditResult> => {
    const [entry, stampSnapshot] = await Promise.all([transaction.get(entryRef), write.after ? Promise.resolve(null) : transaction.get(stampRef)]);
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
    appendAuditEntryIn(
      transaction,
      db,
      {
        action: audit.action,
        actor: audit.actor,
        subject: customerPath(write.phone),
        changes: [...audit.changes],
        ...(audit.note ? { note: audit.note } : {}),
      },
      entryId,
    );
    return { recorded: audit };
  });
}
