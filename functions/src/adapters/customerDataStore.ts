/**
 * Everything stored about one phone number, found with the Admin SDK, and
 * removed as one server-side operation (BulkWriter, then Firestore's
 * recursive delete over the number's subtrees to catch anything nested or
 * written meanwhile).
 */
import { Timestamp, type BulkWriter, type DocumentReference, type DocumentSnapshot, type Firestore } from 'firebase-admin/firestore';
import {
  captureFailurePath,
  COLLECTIONS,
  customerPath,
  customerStatsPath,
  interactionPath,
  profileDeletionPath,
  type CountryCode,
  type E164,
  type ErasureCounts,
  type ExportedDocument,
} from '@interaction-history/model';
import { mentionsPhone } from '../domain/erasure.js';

/** `taskCaptures/{TaskSid}`: the capture's per-task bookkeeping (server only), erased with the tasks of the history. */
export const TASK_CAPTURES_COLLECTION = COLLECTIONS.taskCaptures;

/** Every document stored about one number, by kind. */
export interface CustomerDocuments {
  readonly profile: DocumentSnapshot | null;
  readonly stats: DocumentSnapshot | null;
  readonly interactions: readonly DocumentSnapshot[];
  readonly countingMarkers: readonly DocumentSnapshot[];
  readonly captureFailures: readonly DocumentSnapshot[];
  readonly taskCaptures: readonly DocumentSnapshot[];
  /** Anything else keyed by the number: a profile-deletion stamp. */
  readonly otherDocuments: readonly DocumentSnapshot[];
  /** Audit entries whose subject is the profile (they hold its old and new values). */
  readonly auditEntries: readonly DocumentSnapshot[];
}

export interface CustomerDataStore {
  find(phone: E164): Promise<CustomerDocuments>;
  /**
   * Deletes every document found, the statistics first (so that the stats
   * trigger, hearing the interactions go, finds nothing left to count down),
   * then sweeps the number's subtrees. Audit entries are not deleted but
   * rewritten by `redactAuditEntry`, last, and looked up again then: the
   * audit entry of a profile change made just before the erase may be
   * written after `found` was read. Answers how many entries were redacted.
   */
  erase(
    phone: E164,
    found: CustomerDocuments,
    redactAuditEntry: (entry: DocumentSnapshot) => Record<string, unknown>,
  ): Promise<{ auditEntriesRedacted: number }>;
}

const SCAN_PAGE = 300;

export function countsOf(found: CustomerDocuments): ErasureCounts {
  return {
    profile: found.profile ? 1 : 0,
    interactions: found.interactions.length,
    stats: found.stats ? 1 : 0,
    countingMarkers: found.countingMarkers.length,
    captureFailures: found.captureFailures.length,
    taskCaptures: found.taskCaptures.length,
    otherDocuments: found.otherDocuments.length,
    auditEntriesRedacted: found.auditEntries.length,
  };
}

/** A stored value as JSON: timestamps become ISO-8601 strings, references their paths. */
export function toJson(value: unknown): unknown {
  if (value instanceof Timestamp) return value.toDate().toISOString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (value !== null && typeof value === 'object') {
    if ('path' in value && 'firestore' in value && typeof value.path === 'string') return value.path;
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toJson(inner)]));
  }
  return value;
}

export function exportedDocument(snapshot: DocumentSnapshot): ExportedDocument {
  return { path: snapshot.ref.path, data: toJson(snapshot.data() ?? {}) as Record<string, unknown> };
}

/**
 * `hashOf`: the erasure registry's keyed hash, under which capture lists the
 * numbers a capture-failure record names (`mentionedPhoneHashes`).
 */
export function firestoreCustomerDataStore(db: Firestore, region: CountryCode, hashOf: (phone: E164) => string): CustomerDataStore {
  const failures = db.collection(COLLECTIONS.captureFailures);

  /**
   * Failure records naming the number in any form and in any field: those
   * capture listed it in by hash, those filed under it, and, read whole a
   * page at a time, those whose list may be incomplete (too long to read at
   * capture, or too many numbers).
   */
  async function failuresMentioning(phone: E164): Promise<DocumentReference[]> {
    const [listed, filed, scanned] = await Promise.all([
      failures.where('mentionedPhoneHashes', 'array-contains', hashOf(phone)).get(),
      failures.where('filedCustomerPhone', '==', phone).get(),
      failuresReadWhole(phone),
    ]);
    return [...listed.docs.map((failure) => failure.ref), ...filed.docs.map((failure) => failure.ref), ...scanned];
  }

  async function failuresReadWhole(phone: E164): Promise<DocumentReference[]> {
    const matches: DocumentReference[] = [];
    let query = failures.where('needsTextScan', '==', true).orderBy('__name__').limit(SCAN_PAGE);
    for (;;) {
      const page = await query.get();
      for (const failure of page.docs) {
        const text = JSON.stringify(toJson(failure.data()));
        if (mentionsPhone(text, phone, region)) matches.push(failure.ref);
      }
      const last = page.docs.at(-1);
      if (page.size < SCAN_PAGE || !last) return matches;
      query = query.startAfter(last);
    }
  }

  const existing = async (refs: readonly DocumentReference[]) => {
    if (refs.length === 0) return [];
    return (await db.getAll(...refs)).filter((snapshot) => snapshot.exists);
  };

  const auditEntriesAbout = (phone: E164) => db.collection(COLLECTIONS.auditLog).where('subject', '==', customerPath(phone)).get();

  const unique = (refs: readonly DocumentReference[]) => [...new Map(refs.map((ref) => [ref.path, ref])).values()];

  return {
    async find(phone) {
      const [profile, stats, interactions, markers, mentioning, audit, deletionStamp] = await Promise.all([
        db.doc(customerPath(phone)).get(),
        db.doc(customerStatsPath(phone)).get(),
        db.doc(customerPath(phone)).collection(COLLECTIONS.interactions).get(),
        db.doc(customerStatsPath(phone)).collection(COLLECTIONS.countedInteractions).get(),
        failuresMentioning(phone),
        auditEntriesAbout(phone),
        db.doc(profileDeletionPath(phone)).get(),
      ]);
      const taskSids = new Set(interactions.docs.map((interaction) => interaction.id));
      const failures = await existing(unique([...mentioning, ...[...taskSids].map((taskSid) => db.doc(captureFailurePath(taskSid)))]));
      for (const failure of failures) taskSids.add(failure.id);
      const [byTask, byPhone] = await Promise.all([
        existing([...taskSids].map((taskSid) => db.collection(TASK_CAPTURES_COLLECTION).doc(taskSid))),
        db.collection(TASK_CAPTURES_COLLECTION).where('customerPhone', '==', phone).get(),
      ]);
      const taskCaptures = new Map([...byTask, ...byPhone.docs].map((snapshot) => [snapshot.ref.path, snapshot]));
      return {
        profile: profile.exists ? profile : null,
        stats: stats.exists ? stats : null,
        interactions: interactions.docs,
        countingMarkers: markers.docs,
        captureFailures: failures,
        taskCaptures: [...taskCaptures.values()],
        otherDocuments: deletionStamp.exists ? [deletionStamp] : [],
        auditEntries: audit.docs,
      };
    },

    async erase(phone, found, redactAuditEntry) {
      /** One BulkWriter pass; a write that fails after BulkWriter's own retries fails the erase, which is safe to run again. */
      const bulk = async (write: (writer: BulkWriter) => Promise<unknown>[]) => {
        const writer = db.bulkWriter();
        const results = await Promise.allSettled([...write(writer), writer.close()]);
        const failed = results.filter((result) => result.status === 'rejected');
        if (failed.length > 0) throw new Error(`${failed.length} writes of the erase failed; run it again.`, { cause: failed[0]?.reason });
      };
      const present = (snapshots: readonly (DocumentSnapshot | null)[]) => snapshots.filter((snapshot) => snapshot !== null);
      await bulk((writer) => present([found.stats, ...found.countingMarkers]).map((snapshot) => writer.delete(snapshot.ref)));
      await bulk((writer) =>
        present([found.profile, ...found.interactions, ...found.captureFailures, ...found.taskCaptures, ...found.otherDocuments]).map((snapshot) =>
          writer.delete(snapshot.ref),
        ),
      );
      // Anything nested under the number, or counted while this ran: both subtrees go whole.
      await db.recursiveDelete(db.doc(customerPath(phone)));
      await db.recursiveDelete(db.doc(customerStatsPath(phone)));
      // Looked up again now that the registry names the number erased: an entry committed before the registry
      // is found here; the audit trigger redacts one it writes later itself (auditCustomerProfile).
      const latest = await auditEntriesAbout(phone);
      const entries = new Map([...found.auditEntries, ...latest.docs].map((entry) => [entry.ref.path, entry]));
      await bulk((writer) => [...entries.values()].map((entry) => writer.update(entry.ref, redactAuditEntry(entry))));
      return { auditEntriesRedacted: entries.size };
    },
  };
}

/**
 * Deletes what capture stored for one task: the interaction, the task's
 * capture record and its capture-failure records (the first and any second
 * ones). For an interaction that belongs to an erased history.
 */
export async function deleteStoredTask(db: Firestore, phone: E164, taskSid: string): Promise<void> {
  const failures = await db.collection(COLLECTIONS.captureFailures).where('taskSid', '==', taskSid).get();
  const batch = db.batch();
  batch.delete(db.doc(interactionPath(phone, taskSid)));
  batch.delete(db.collection(TASK_CAPTURES_COLLECTION).doc(taskSid));
  for (const failure of failures.docs) batch.delete(failure.ref);
  await batch.commit();
}
