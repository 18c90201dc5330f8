/**
 * The admin-only data-rights endpoints (eraseCustomer, exportCustomer,
 * setRecordingSuppression): the plugin, the command line and the functions
 * agree on these shapes. Every request carries `Authorization: Bearer <Firebase ID token>`
 * of an admin session; refusals use `errorResponseSchema`.
 */
import * as z from 'zod/mini';

/** The number as typed; the functions normalise it and refuse what is not a valid number. */
const phoneInput = z.string().check(z.minLength(1), z.maxLength(40));

export const eraseRequestSchema = z.object({
  phone: phoneInput,
  /** Also stop recording this number from now on, until an admin lifts it. */
  suppress: z._default(z.boolean(), false),
  /** Count what would be removed, remove nothing. */
  dryRun: z._default(z.boolean(), false),
});
export type EraseRequest = z.input<typeof eraseRequestSchema>;

/** Documents removed (or that would be, on a dry run), by kind. */
export const erasureCountsSchema = z.object({
  profile: z.int(),
  interactions: z.int(),
  stats: z.int(),
  countingMarkers: z.int(),
  captureFailures: z.int(),
  taskCaptures: z.int(),
  /** Anything else keyed by the number, e.g. a pending profile-deletion stamp (`profileDeletions/{phone}`). */
  otherDocuments: z.int(),
  /** Audit entries about the profile: kept, but their subject and values are replaced by the keyed hash. */
  auditEntriesRedacted: z.int(),
});
export type ErasureCounts = z.output<typeof erasureCountsSchema>;

export const eraseResponseSchema = z.object({
  phone: z.string(),
  dryRun: z.boolean(),
  suppressed: z.boolean(),
  counts: erasureCountsSchema,
});
export type EraseResponse = z.output<typeof eraseResponseSchema>;

export const exportRequestSchema = z.object({ phone: phoneInput });
export type ExportRequest = z.input<typeof exportRequestSchema>;

/** One stored document: its path and its fields as JSON (times as ISO-8601 strings). */
export const exportedDocumentSchema = z.object({
  path: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type ExportedDocument = z.output<typeof exportedDocumentSchema>;

/** Everything stored about one number, as one JSON document. */
export const customerExportSchema = z.object({
  phone: z.string(),
  exportedAt: z.string(),
  /** Whether recording of this number is suppressed (the registry itself holds only a keyed hash). */
  recordingSuppressed: z.boolean(),
  profile: z.nullable(exportedDocumentSchema),
  stats: z.nullable(exportedDocumentSchema),
  interactions: z.array(exportedDocumentSchema),
  countingMarkers: z.array(exportedDocumentSchema),
  captureFailures: z.array(exportedDocumentSchema),
  taskCaptures: z.array(exportedDocumentSchema),
  otherDocuments: z.array(exportedDocumentSchema),
  auditEntries: z.array(exportedDocumentSchema),
});
export type CustomerExport = z.output<typeof customerExportSchema>;

/** `suppressed` absent: only report the current state. */
export const suppressionRequestSchema = z.object({
  phone: phoneInput,
  suppressed: z.optional(z.boolean()),
});
export type SuppressionRequest = z.input<typeof suppressionRequestSchema>;

export const suppressionResponseSchema = z.object({
  phone: z.string(),
  suppressed: z.boolean(),
  /** Whether this request changed it. */
  changed: z.boolean(),
});
export type SuppressionResponse = z.output<typeof suppressionResponseSchema>;
