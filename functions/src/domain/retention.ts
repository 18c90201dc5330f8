/**
 * Pure: when stored documents expire. Firestore's TTL policies (declared in
 * firestore.indexes.json on `expireAt`) delete a document some time after
 * the date it carries; a document without `expireAt` is kept.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export const daysAfter = (start: Date, days: number): Date => new Date(start.getTime() + days * DAY_MS);

/**
 * A task's capture record is needed while events of the task can still
 * arrive: the Events API, which reconciliation reads, keeps 30 days; a margin
 * on top. Counted from the record's last write.
 */
export const TASK_CAPTURE_KEEP_DAYS = 45;

/**
 * A filed capture failure has done its work (the interaction it describes is
 * stored, with its own expiry); its raw parameters are kept this long after
 * filing so that an admin can still check what was filed, then expire.
 */
export const FILED_FAILURE_KEEP_DAYS = 90;

/**
 * When an interaction completed at `completedAt` expires under a retention
 * period of `retentionDays` (null: no period, kept until erased).
 */
export function interactionExpiry(completedAt: Date, retentionDays: number | null): Date | null {
  return retentionDays === null ? null : daysAfter(completedAt, retentionDays);
}

/**
 * A capture-failure record holds the same personal data as the interaction
 * it is about (the event's raw parameters), so it never outlives what that
 * interaction would: it expires with the retention period counted from the
 * event's arrival. Without a period it is kept, as interactions are: an
 * unfiled failure may be the only record of a call.
 */
export const captureFailureExpiry = (receivedAt: Date, retentionDays: number | null): Date | null => interactionExpiry(receivedAt, retentionDays);

/** After filing: FILED_FAILURE_KEEP_DAYS from the filing, or the expiry it already had when that is sooner. */
export function filedFailureExpiry(current: Date | null, filedAt: Date): Date {
  const filedExpiry = daysAfter(filedAt, FILED_FAILURE_KEEP_DAYS);
  return current !== null && current < filedExpiry ? current : filedExpiry;
}
