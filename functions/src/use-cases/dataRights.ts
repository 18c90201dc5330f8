/**
 * The story of a person's data rights, for admins: erase everything stored
 * about a phone number (optionally suppressing its future recording), export
 * it as one JSON document, or set and lift the suppression. Each is one
 * server-side operation with its audit entry; the registry keeps only a
 * keyed hash of an erased number.
 */
import { customerPath, normalizePhone, type Actor, type AuditEntry, type CountryCode, type CustomerExport, type E164, type EraseResponse, type SuppressionResponse } from '@interaction-history/model';
import type { DocumentSnapshot } from 'firebase-admin/firestore';
import type { NewAuditEntry } from '../adapters/auditLog.js';
import { countsOf, exportedDocument, type CustomerDataStore } from '../adapters/customerDataStore.js';
import type { ErasureRegistry } from '../adapters/erasureRegistry.js';
import { erasureSubject } from '../domain/erasure.js';
import { REDACTED_NOTE, redactedChanges } from '../domain/profileAudit.js';
import { AppError } from '../errors.js';
import * as logs from '../logs.js';

export interface DataRightsContext {
  readonly data: CustomerDataStore;
  readonly registry: ErasureRegistry;
  readonly appendAudit: (entry: NewAuditEntry) => Promise<void>;
  readonly defaultRegion: CountryCode;
  readonly now: () => Date;
}

function phoneOrRefuse(typed: string, region: CountryCode): E164 {
  const phone = normalizePhone(typed, region);
  if (!phone) throw new AppError('malformedRequest', `"${typed}" is not a valid phone number.`, 400);
  return phone;
}

/** An audit entry about the erased profile keeps which fields changed and when, but neither the number nor any value. */
export function redactedAuditEntry(subject: string, entry: DocumentSnapshot): Record<string, unknown> {
  const changes = entry.get('changes') as AuditEntry['changes'];
  return { subject, ...(changes ? { changes: redactedChanges(changes) } : {}), note: REDACTED_NOTE };
}

export async function eraseCustomer(
  typedPhone: string,
  options: { readonly suppress: boolean; readonly dryRun: boolean; readonly actor: Actor },
  context: DataRightsContext,
): Promise<EraseResponse> {
  const phone = phoneOrRefuse(typedPhone, context.defaultRegion);
  if (options.dryRun) {
    const [found, entry] = await Promise.all([context.data.find(phone), context.registry.entryFor(phone)]);
    return { phone, dryRun: true, suppressed: entry?.suppressed ?? false, counts: countsOf(found) };
  }
  const subject = erasureSubject(context.registry.hashOf(phone));
  // The registry first, before even looking: from its commit capture withholds every event of a task created
  // before it, and whatever was stored until then is found below (or, landing later, withdrawn by the triggers).
  const { suppressionChanged } = await context.registry.recordErasure(phone, options.actor, options.suppress, context.now());
  const found = await context.data.find(phone);
  const counts = countsOf(found);
  const { auditEntriesRedacted } = await context.data.erase(phone, found, (entry) => redactedAuditEntry(subject, entry));
  // Until this is written, the audit trigger writes every profile change without values (it may race the erase).
  await context.registry.recordErasureFinished(phone);
  const erased = { ...counts, auditEntriesRedacted };
  await context.appendAudit({ action: 'customerErased', actor: options.actor, subject, counts: erased });
  if (suppressionChanged) await context.appendAudit({ action: 'suppressionSet', actor: options.actor, subject });
  logs.customerErased(subject, erased);
  const entry = await context.registry.entryFor(phone);
  return { phone, dryRun: false, suppressed: entry?.suppressed ?? options.suppress, counts: erased };
}

export async function exportCustomer(typedPhone: string, actor: Actor, context: DataRightsContext): Promise<CustomerExport> {
  const phone = phoneOrRefuse(typedPhone, context.defaultRegion);
  const [found, entry] = await Promise.all([context.data.find(phone), context.registry.entryFor(phone)]);
  const exported: CustomerExport = {
    phone,
    exportedAt: context.now().toISOString(),
    recordingSuppressed: entry?.suppressed ?? false,
    profile: found.profile ? exportedDocument(found.profile) : null,
    stats: found.stats ? exportedDocument(found.stats) : null,
    interactions: found.interactions.map(exportedDocument),
    countingMarkers: found.countingMarkers.map(exportedDocument),
    captureFailures: found.captureFailures.map(exportedDocument),
    taskCaptures: found.taskCaptures.map(exportedDocument),
    otherDocuments: found.otherDocuments.map(exportedDocument),
    auditEntries: found.auditEntries.map(exportedDocument),
  };
  const { auditEntriesRedacted: auditEntries, ...documents } = countsOf(found);
  await context.appendAudit({ action: 'customerExported', actor, subject: customerPath(phone), counts: { ...documents, auditEntries } });
  return exported;
}

/** Reports the suppression of a number, and changes it when `suppressed` is given. */
export async function setRecordingSuppression(
  typedPhone: string,
  suppressed: boolean | undefined,
  actor: Actor,
  context: DataRightsContext,
): Promise<SuppressionResponse> {
  const phone = phoneOrRefuse(typedPhone, context.defaultRegion);
  if (suppressed === undefined) {
    const entry = await context.registry.entryFor(phone);
    return { phone, suppressed: entry?.suppressed ?? false, changed: false };
  }
  const { changed } = await context.registry.setSuppression(phone, suppressed, actor, context.now());
  if (changed) {
    await context.appendAudit({
      action: suppressed ? 'suppressionSet' : 'suppressionLifted',
      actor,
      subject: erasureSubject(context.registry.hashOf(phone)),
    });
  }
  return { phone, suppressed, changed };
}
