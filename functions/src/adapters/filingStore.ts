import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  captureFailurePath,
  captureFailureSchema,
  decode,
  interactionPath,
  type CaptureFailureDocument,
  type E164,
  type StaffRole,
} from '@interaction-history/model';
import { filedFailureExpiry } from '../domain/retention.js';
import { AppError } from '../errors.js';
import { appendAuditEntryIn } from './auditLog.js';

export type FilingMark = 'filed' | 'alreadyFiled';

/** The capture failure, or a 404 naming it. */
export async function readCaptureFailure(db: Firestore, taskSid: string): Promise<CaptureFailureDocument> {
  const ref = db.doc(captureFailurePath(taskSid));
  const snapshot = await ref.get();
  if (!snapshot.exists) throw new AppError('notFound', `There is no capture failure ${taskSid}.`, 404);
  return decode(captureFailureSchema, snapshot.data(), ref.path);
}

/** A resolved failure filed elsewhere cannot be filed again. */
export function refuseIfFiledElsewhere(failure: CaptureFailureDocument, customerPhone: E164): void {
  if (failure.resolved === true && failure.filedCustomerPhone !== customerPhone) {
    const where = failure.filedCustomerPhone ? ` (filed under ${failure.filedCustomerPhone})` : '';
    throw new AppError('conflict', `Capture failure ${failure.taskSid} is already resolved${where}.`, 409);
  }
}

/**
 * Once the interaction is stored: marks the failure resolved (kept, then
 * expired FILED_FAILURE_KEEP_DAYS later by the TTL policy) and records who filed it, in one transaction. A repeated request
 * finds it resolved under the same customer and writes nothing more.
 */
export async function markCaptureFailureFiled(
  db: Firestore,
  request: { readonly taskSid: string; readonly customerPhone: E164; readonly actor: { readonly uid: string; readonly role: StaffRole } },
): Promise<FilingMark> {
  const failureRef = db.doc(captureFailurePath(request.taskSid));
  return db.runTransaction(async (transaction) => {
    const snapshot = await transaction.get(failureRef);
    if (!snapshot.exists) throw new AppError('notFound', `There is no capture failure ${request.taskSid}.`, 404);
    const failure = decode(captureFailureSchema, snapshot.data(), failureRef.path);
    refuseIfFiledElsewhere(failure, request.customerPhone);
    if (failure.resolved === true) return 'alreadyFiled';
    transaction.update(failureRef, {
      resolved: true,
      resolvedAt: FieldValue.serverTimestamp(),
      expireAt: filedFailureExpiry(failure.expireAt ?? null, new Date()),
      resolvedBy: request.actor.uid,
      filedCustomerPhone: request.customerPhone,
    });
    appendAuditEntryIn(transaction, db, {
      action: 'captureFailureFiled',
      actor: request.actor,
      subject: failureRef.path,
      changes: [
        { field: 'resolved', before: 'false', after: 'true' },
        { field: 'filedCustomerPhone', before: null, after: request.customerPhone },
      ],
      note: `Filed as ${interactionPath(request.customerPhone, request.taskSid)}.`,
    });
    return 'filed';
  });
}
