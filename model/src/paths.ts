/**
 * Where everything lives in Firestore. The names are part of the data contract
 * that admins, Flex Insights exports and the security rules rely on.
 */
export const COLLECTIONS = {
  customers: 'customers',
  interactions: 'interactions',
  customerStats: 'customerStats',
  captureFailures: 'captureFailures',
  /** Under `customerStats/{phone}`: one marker per interaction already counted, so a redelivered trigger counts once. */
  countedInteractions: 'countedInteractions',
  auditLog: 'auditLog',
  /** The erasure registry, keyed by a keyed hash of the number (functions only). */
  erasures: 'erasures',
  /** `dashboardDays/{day}`: never written itself; the parent of a centre-day's shards. */
  dashboardDays: 'dashboardDays',
  /** Under `dashboardDays/{day}`: the sharded counters (a collection group, queried by `day` for a range). */
  dashboardShards: 'dashboardShards',
  /** One marker per interaction counted into the dashboard, so that redelivered trigger events count once. */
  dashboardCounted: 'dashboardCounted',
  /** `global` and one per TaskQueue SID. */
  reasonCodeLists: 'reasonCodeLists',
  /** Who is deleting a profile: written by the admin's browser in the same batch as the delete, read and removed by the audit trigger. */
  profileDeletions: 'profileDeletions',
  /** Server-only: one per task, gathering its reservation events until (and after) the interaction is stored. */
  taskCaptures: 'taskCaptures',
} as const;

export const customerPath = (phone: string): string => `${COLLECTIONS.customers}/${phone}`;

export const interactionsPath = (phone: string): string => `${customerPath(phone)}/${COLLECTIONS.interactions}`;

export const interactionPath = (phone: string, taskSid: string): string => `${interactionsPath(phone)}/${taskSid}`;

export const customerStatsPath = (phone: string): string => `${COLLECTIONS.customerStats}/${phone}`;

export const countedInteractionPath = (phone: string, taskSid: string): string =>
  `${customerStatsPath(phone)}/${COLLECTIONS.countedInteractions}/${taskSid}`;

export const captureFailurePath = (taskSid: string): string => `${COLLECTIONS.captureFailures}/${taskSid}`;

export const auditLogPath = (entryId: string): string => `${COLLECTIONS.auditLog}/${entryId}`;

export const erasurePath = (phoneHash: string): string => `${COLLECTIONS.erasures}/${phoneHash}`;
export const dashboardShardsPath = (day: string): string => `${COLLECTIONS.dashboardDays}/${day}/${COLLECTIONS.dashboardShards}`;

export const dashboardShardPath = (day: string, shardId: string): string => `${dashboardShardsPath(day)}/${shardId}`;

export const dashboardCountedPath = (taskSid: string): string => `${COLLECTIONS.dashboardCounted}/${taskSid}`;

/** `reasonCodeLists/global`, or a queue's list keyed by its TaskQueue SID. */
export const reasonCodeListPath = (listId: string): string => `${COLLECTIONS.reasonCodeLists}/${listId}`;
export const profileDeletionPath = (phone: string): string => `${COLLECTIONS.profileDeletions}/${phone}`;

export const taskCapturePath = (taskSid: string): string => `${COLLECTIONS.taskCaptures}/${taskSid}`;

/** A second record about the same task (e.g. a duplicate with another customer), beside `captureFailures/{taskSid}`. */
export const extraCaptureFailurePath = (taskSid: string, suffix: string): string => `${COLLECTIONS.captureFailures}/${taskSid}_${suffix}`;
