import { FieldValue, type Firestore } from 'firebase-admin/firestore';
import {
  captureFailurePath,
  captureFailureSchema,
  decode,
  interactionPath,
  type CaptureFailureDocument,
  type E164,
  type Interaction,
  type StaffRole,
} from '@interaction-history/model';
import { AppError } from '../errors.js';
import { appendAuditEntryIn } from './auditLog.js';

export type FilingWriteResult = 'filed' | 'alreadyFiled';

export interface FilingRequest {
  readonly taskSid: string;
  readonly customerPhone: E164;
  readonly actor: { readonly uid: string; readonly role: StaffRole };
  /** Builds the interaction from the failure record, or throws an AppError saying why it cannot. */
  readonly build: (failure: CaptureFailureDocument) => Interaction;
}

/**
 * In one transaction: the interaction is created under the chosen customer,
 * the failure is marked resolved (kept, never deleted) and the audit trail
 * records who filed what. A repeated request finds the failure resolved and
 * writes nothing more.
 */
export async function fileCaptureFailureOnce(db: Firestore, request: FilingRequest): Promise<FilingWriteResult> {
  const failureRef = db.doc(captureFailurePath(request.taskSid));
  const interactionRef = db.doc(interactionPath(request.customerPhone, request.taskSid));
  return db.runTransaction(async (transaction) => {
    const [failureSnapshot, existing] = await Promise.all([transaction.get(failureRef), transaction.get(interactionRef)]);
    if (!failureSnapshot.exists) throw new AppError('notFound', `There is no capture failure ${request.taskSid}.`, 404);
    const failure = decode(captureFailureSchema, failureSnapshot.data(), failureRef.path);
    if (failure.resolved === true) {
      if (failure.filedCustomerPhone === request.customerPhone) return 'alreadyFiled';
      throw new AppError('conflict', `Capture failure ${request.taskSid} is already resolved${failure.filedCustomerPhone ? ` (filed under ${failure.filedCustomerPhone})` : ''}.`, 409);
    }
    // Built before any write: a failure that cannot be filed leaves everything as it was.
    const interaction = request.build(failure);
    // Stored meanwhile under this customer (a late redelivery, a reconciliation): keep it, resolve the record.
    if (!existing.exists) transaction.create(interactionRef, interaction);
    transaction.update(failureRef, {
      resolved: true,
      resolvedAt: FieldValue.serverTimestamp(),
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
      note: existing.exists ? `${interactionRef.path} already existed; the record is marked resolved.` : `Filed as ${interactionRef.path}.`,
    });
    return 'filed';
  });
}
