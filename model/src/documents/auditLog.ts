import * as z from 'zod/mini';
import { STAFF_ROLES } from '../roles.js';
import { storedTime } from './storedTime.js';

/** Every kind of change the audit trail records. */
export const AUDIT_ACTIONS = [
  'profileCreated',
  'profileUpdated',
  'profileDeleted',
  /** A profile written under a non-canonical phone id, removed by the functions. */
  'profileRemovedNonCanonical',
  'customerErased',
  'customerExported',
  'suppressionSet',
  'suppressionLifted',
  'reasonCodesChanged',
  'settingsChanged',
  'captureFailureFiled',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One field's change: values as text (JSON for anything that is not a string), null for absent. */
export const auditChangeSchema = z.object({
  field: z.string(),
  before: z.nullable(z.string()),
  after: z.nullable(z.string()),
});

/**
 * `auditLog/{entryId}`: who did what, when. Written only by the functions (a
 * trigger or the operation itself); admins read it; nobody changes or
 * deletes an entry from a client.
 */
export const auditEntrySchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  at: storedTime,
  actor: z.object({
    /** The worker SID of a signed-in member of staff; `cli` for the command-line tools; `system` for the functions themselves. */
    uid: z.string(),
    role: z.nullable(z.enum(STAFF_ROLES)),
  }),
  /**
   * What the entry is about: a document path (`customers/+14155550100`,
   * `reasonCodeLists/global`), or `erasure:<keyed hash>` once a customer is
   * erased, so that the trail never keeps an erased number.
   */
  subject: z.string(),
  changes: z.optional(z.array(auditChangeSchema)),
  /** Counts for bulk operations, e.g. documents removed by an erase. */
  counts: z.optional(z.record(z.string(), z.int())),
  note: z.optional(z.string()),
});

export type AuditEntry = z.output<typeof auditEntrySchema>;
