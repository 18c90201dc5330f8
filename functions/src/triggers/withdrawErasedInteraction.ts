import { onDocumentCreated, type FirestoreEvent, type QueryDocumentSnapshot } from 'firebase-functions/v2/firestore';
import type { Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, interactionSchema, isE164, tryDecode, type CountryCode } from '@interaction-history/model';
import { deleteStoredTask } from '../adapters/customerDataStore.js';
import { firestoreErasureRegistry, type ErasureRegistry } from '../adapters/erasureRegistry.js';
import { ERASURE_HASH_KEY, readErasureHashKey, readPhoneRegion } from '../config.js';
import { MAX_PHONES_CHECKED, mustWithdraw, phonesMentioned } from '../domain/erasure.js';
import { firestore } from '../firebase.js';
import * as logs from '../logs.js';

export type StoredInteractionEvent = FirestoreEvent<QueryDocumentSnapshot | undefined, { phone: string; taskSid: string }>;

/**
 * Capture asks the erasure registry before it stores (erasureGate), but an
 * event that passed that gate a moment before an erase registered can still
 * commit its interaction after the erase swept the number. Asked again after
 * every interaction is stored, the registry settles it: the erase registers
 * before it deletes, so an interaction committed after the sweep is seen here
 * and deleted, with the task's capture records. Withheld by the same rule as
 * the gate (a task created before the erasure, or a suppressed number), for
 * an entry that took effect before the interaction was committed: one
 * committed earlier is the erase's own to find (`mustWithdraw`).
 */
export async function handleInteractionStored(event: StoredInteractionEvent): Promise<void> {
  if (!event.data) return;
  const { phone, taskSid } = event.params;
  const db = firestore();
  const registry = firestoreErasureRegistry(db, readErasureHashKey());
  const stored = { phone, taskSid, data: event.data.data(), committedAt: event.data.createTime.toDate() };
  if (await withdrawIfErased(db, registry, readPhoneRegion(), stored)) logs.interactionWithdrawn(taskSid);
}

/** Deletes the stored interaction (and its task's records) when the registry withholds it; answers whether it did. */
export async function withdrawIfErased(
  db: Firestore,
  registry: ErasureRegistry,
  region: CountryCode,
  stored: { readonly phone: string; readonly taskSid: string; readonly data: unknown; readonly committedAt: Date },
): Promise<boolean> {
  const decoded = tryDecode(interactionSchema, stored.data);
  // Unreadable: the stats trigger reports it; there is no time to judge it by.
  if (!decoded.ok || !isE164(stored.phone)) return false;
  const named = [stored.phone, ...phonesMentioned(decoded.value.from ?? '', region)];
  const entries = await registry.entriesFor([...new Set(named)].slice(0, MAX_PHONES_CHECKED));
  // Committed before the erase registered: the erase finds it itself.
  if (!mustWithdraw(entries, decoded.value.startedAt, stored.committedAt)) return false;
  await deleteStoredTask(db, stored.phone, stored.taskSid);
  return true;
}

export const withdrawErasedInteraction = onDocumentCreated(
  {
    document: `${COLLECTIONS.customers}/{phone}/${COLLECTIONS.interactions}/{taskSid}`,
    // A failed run is delivered again; deleting what is already gone changes nothing.
    retry: true,
    secrets: [ERASURE_HASH_KEY],
  },
  handleInteractionStored,
);
