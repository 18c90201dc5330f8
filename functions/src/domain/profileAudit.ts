/**
 * Pure: what the audit trail records for one write of a customer profile.
 *
 * Firestore triggers do not carry the writer's identity, so the rules make
 * the browser stamp every write with its own uid and role claim
 * (`createdBy`/`createdByRole` on create, `updatedBy`/`updatedByRole` and
 * `updatedAt` = the request time on every update, and a deletion stamp at
 * `profileDeletions/{phone}` in the same batch as a delete). A write that does
 * not renew the stamp (an admin tool, the functions) is recorded as `system`
 * rather than credited to the last person who stamped the profile.
 */
import { isStaffRole, type AuditAction, type StaffRole } from '@interaction-history/model';

export interface AuditActor {
  readonly uid: string;
  readonly role: StaffRole | null;
}

export interface AuditChange {
  readonly field: string;
  readonly before: string | null;
  readonly after: string | null;
}

export interface ProfileAudit {
  readonly action: Extract<AuditAction, 'profileCreated' | 'profileUpdated' | 'profileDeleted'>;
  readonly actor: AuditActor;
  readonly changes: readonly AuditChange[];
  readonly note?: string;
}

type Data = Readonly<Record<string, unknown>>;

/** Who-and-when stamps: they say who wrote, not what changed. */
const STAMP_FIELDS = new Set(['createdAt', 'createdBy', 'createdByRole', 'updatedAt', 'updatedBy', 'updatedByRole']);

export const SYSTEM_ACTOR: AuditActor = { uid: 'system', role: null };

const UNSTAMPED_NOTE = 'written without a stamp of its own (an admin tool or the functions)';

/** Text for the trail: strings as they are, anything else as JSON (timestamps as ISO dates); null when absent. */
export function auditValue(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof (value as { toDate?: unknown }).toDate === 'function') return (value as { toDate: () => Date }).toDate().toISOString();
  return JSON.stringify(value);
}

function sameValue(a: unknown, b: unknown): boolean {
  return auditValue(a) === auditValue(b);
}

/** The profile fields that differ between two versions (stamps aside), in name order. */
export function profileChanges(before: Data | undefined, after: Data | undefined): AuditChange[] {
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...fields]
    .filter((field) => !STAMP_FIELDS.has(field) && !sameValue(before?.[field], after?.[field]))
    .sort()
    .map((field) => ({ field, before: auditValue(before?.[field]), after: auditValue(after?.[field]) }));
}

function stampedActor(data: Data | undefined, uidField: string, roleField: string): AuditActor | null {
  const uid = data?.[uidField];
  const role = data?.[roleField];
  if (typeof uid !== 'string' || uid.length === 0) return null;
  return { uid, role: isStaffRole(role) ? role : null };
}

export interface DeletionStamp {
  readonly deletedBy: string;
  readonly deletedByRole: StaffRole;
}

/**
 * The entry for one write, or null when there is nothing to record: a write
 * that changed nothing, or a deletion without a deletion stamp (done by the
 * functions, whose operation, such as an erase, records itself).
 */
export function auditProfileWrite(before: Data | undefined, after: Data | undefined, deletion: DeletionStamp | null): ProfileAudit | null {
  if (!before && !after) return null;
  if (!before) {
    const actor = stampedActor(after, 'createdBy', 'createdByRole');
    return {
      action: 'profileCreated',
      actor: actor ?? SYSTEM_ACTOR,
      changes: profileChanges(undefined, after),
      ...(actor?.role ? {} : { note: UNSTAMPED_NOTE }),
    };
  }
  if (!after) {
    if (!deletion) return null;
    return { action: 'profileDeleted', actor: { uid: deletion.deletedBy, role: deletion.deletedByRole }, changes: profileChanges(before, undefined) };
  }
  const changes = profileChanges(before, after);
  if (changes.length === 0) return null;
  // The rules make every client update set updatedAt to the request time; an update that leaves it is nobody's stamp.
  const restamped = !sameValue(before['updatedAt'], after['updatedAt']);
  const actor = restamped ? stampedActor(after, 'updatedBy', 'updatedByRole') : null;
  return {
    action: 'profileUpdated',
    actor: actor ?? SYSTEM_ACTOR,
    changes,
    ...(actor?.role ? {} : { note: UNSTAMPED_NOTE }),
  };
}

/** Why an entry about an erased customer holds no values. */
export const REDACTED_NOTE = 'Redacted when the customer was erased.';

/** The changes without their values: which fields changed stays, what they held does not. */
export const redactedChanges = (changes: readonly AuditChange[]): AuditChange[] =>
  changes.map((change) => ({ field: change.field, before: null, after: null }));

/** How long an erase whose end was never recorded counts as running (the erase function's own timeout is 9 minutes). */
export const UNFINISHED_ERASE_MS = 10 * 60_000;

/**
 * Whether a profile change committed at `changedAt` must be audited without
 * values because of an erase: it was committed before the erase finished
 * (its trigger may run after the erase redacted the entries it found, and a
 * change made while the erase runs may be deleted by it). `finishedAt` null:
 * the erase is running, or stopped part way, counted as running for
 * UNFINISHED_ERASE_MS from `erasedAt`.
 */
export function erasedSince(changedAt: Date, erase: { readonly erasedAt: Date | null; readonly finishedAt: Date | null }): boolean {
  if (erase.erasedAt === null) return false;
  const until = erase.finishedAt ?? new Date(erase.erasedAt.getTime() + UNFINISHED_ERASE_MS);
  return changedAt.getTime() <= until.getTime();
}
