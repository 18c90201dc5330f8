/** Calling the admin data-rights endpoints, and looking through everything stored, for tests. */
import type { DocumentReference, Firestore } from 'firebase-admin/firestore';
import { functionUrl } from '../local-stack/localStack.js';

export interface EndpointAnswer {
  readonly status: number;
  readonly body: unknown;
}

export async function callDataRights(name: 'eraseCustomer' | 'exportCustomer' | 'setRecordingSuppression', body: unknown, idToken?: string): Promise<EndpointAnswer> {
  const response = await fetch(functionUrl(name), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(idToken ? { Authorization: `Bearer ${idToken}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

export interface StoredDocument {
  readonly path: string;
  readonly data: Record<string, unknown>;
}

/**
 * Every document in the database, found by walking every collection and,
 * under every document (including ones that exist only as parents of
 * subcollections), every subcollection, with the Admin SDK.
 */
export async function everyDocument(db: Firestore): Promise<StoredDocument[]> {
  const found: StoredDocument[] = [];
  const walkDocument = async (ref: DocumentReference): Promise<void> => {
    const snapshot = await ref.get();
    if (snapshot.exists) found.push({ path: ref.path, data: snapshot.data() ?? {} });
    for (const collection of await ref.listCollections()) {
      await Promise.all((await collection.listDocuments()).map(walkDocument));
    }
  };
  for (const collection of await db.listCollections()) {
    await Promise.all((await collection.listDocuments()).map(walkDocument));
  }
  return found;
}
