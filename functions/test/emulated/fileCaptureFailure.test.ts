/**
 * fileCaptureFailure in the emulator, called over HTTP with real ID tokens
 * from the Auth emulator: who may call it, what it refuses, and that a filed
 * interaction is stored once, appears in the customer's history and leaves
 * the failure resolved (not deleted) with an audit entry.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deleteApp, initializeApp } from 'firebase/app';
import { connectAuthEmulator, initializeAuth, inMemoryPersistence, signInWithCustomToken } from 'firebase/auth';
import {
  auditEntrySchema,
  captureFailurePath,
  captureFailureSchema,
  COLLECTIONS,
  decode,
  fileCaptureFailureResponseSchema,
  interactionPath,
  interactionSchema,
  interactionsPath,
  type StaffRole,
} from '@interaction-history/model';
import { adminFirestore, eventually, functionUrl, PROJECT_ID, readDocument } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, stableSid, uniquePhone } from '../../../test-support/taskrouter.js';
import { mintCustomToken } from '../../../test-support/webSession.js';

const db = adminFirestore();
const FILE_URL = functionUrl('fileCaptureFailure');

/** An ID token for a session with `role`, signed in to the Auth emulator as the plugin signs in. */
async function idTokenFor(role: StaffRole, options: { flexExp?: number; uid?: string } = {}): Promise<{ token: string; uid: string }> {
  const uid = options.uid ?? `WK${randomBytes(16).toString('hex')}`;
  const app = initializeApp({ apiKey: 'demo-key', projectId: PROJECT_ID }, `file-${randomBytes(6).toString('hex')}`);
  try {
    const auth = initializeAuth(app, { persistence: inMemoryPersistence });
    connectAuthEmulator(auth, `http://${process.env['FIREBASE_AUTH_EMULATOR_HOST'] ?? ''}`, { disableWarnings: true });
    const { user } = await signInWithCustomToken(auth, await mintCustomToken(role, uid, options.flexExp));
    return { token: await user.getIdToken(), uid };
  } finally {
    await deleteApp(app);
  }
}

async function file(body: unknown, token?: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(FILE_URL, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** A signed callback whose caller has no phone number: stored as an unattributable capture failure. */
async function unattributable(attributes: Record<string, unknown> | string = { from: 'client:anonymous', conversations: { outcome: 'Billing' } }) {
  const parameters = completedTaskParameters({ attributes, queue: 'Support' });
  const response = await postCallback(parameters);
  expect(response.body).toMatchObject({ result: 'unattributable' });
  return parameters.TaskSid;
}

const failure = (taskSid: string) => readDocument(captureFailureSchema, captureFailurePath(taskSid));

async function auditEntriesFor(taskSid: string) {
  const entries = await db.collection(COLLECTIONS.auditLog).where('subject', '==', captureFailurePath(taskSid)).get();
  return entries.docs.map((entry) => decode(auditEntrySchema, entry.data(), entry.ref.path));
}

describe('fileCaptureFailure: who may call it', () => {
  it('refuses a request without a token (401), an agent and a supervisor (403), and an expired Flex session (401), writing nothing', async () => {
    const taskSid = await unattributable();
    const phone = uniquePhone();
    const body = { taskSid, customerPhone: phone };

    expect((await file(body)).status).toBe(401);
    expect((await file(body, 'not-a-token')).status).toBe(401);
    expect((await file(body, (await idTokenFor('agent')).token)).status).toBe(403);
    expect((await file(body, (await idTokenFor('supervisor')).token)).status).toBe(403);
    expect((await file(body, (await idTokenFor('admin', { flexExp: Math.floor(Date.now() / 1000) - 60 })).token)).status).toBe(401);

    expect((await failure(taskSid))?.resolved).toBe(false);
    expect((await db.doc(interactionPath(phone, taskSid)).get()).exists).toBe(false);
  });
});

describe('fileCaptureFailure: what it refuses', () => {
  it('refuses a number that is not valid, and a body without a TaskSid, with 400 and nothing written', async () => {
    const taskSid = await unattributable();
    const { token } = await idTokenFor('admin');

    const invalid = await file({ taskSid, customerPhone: '12345' }, token);
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body)).toContain('not a valid phone number');
    expect((await file({ customerPhone: '+14155550100' }, token)).status).toBe(400);
    expect((await failure(taskSid))?.resolved).toBe(false);
  });

  it('answers 404 for a failure that does not exist', async () => {
    const { token } = await idTokenFor('admin');
    expect((await file({ taskSid: `WT${'0'.repeat(31)}9`, customerPhone: '+14155550100' }, token)).status).toBe(404);
  });

  it('refuses to file a note that sits beside a stored interaction (409)', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ attributes: { from: phone, interactionHistory: { comment: 'x'.repeat(2_500) } } });
    expect((await postCallback(parameters)).status).toBe(201);
    const { token } = await idTokenFor('admin');

    expect((await file({ taskSid: parameters.TaskSid, customerPhone: uniquePhone() }, token)).status).toBe(409);
  });

  it('refuses to file under a number whose recording is suppressed (409), storing nothing, as capture itself withholds it', async () => {
    const taskSid = await unattributable();
    const phone = uniquePhone();
    const { token } = await idTokenFor('admin');
    const suppression = await fetch(functionUrl('setRecordingSuppression'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ phone, suppressed: true }),
    });
    expect(suppression.status).toBe(200);

    expect((await file({ taskSid, customerPhone: phone }, token)).status).toBe(409);
    expect((await db.doc(`customers/${phone}/interactions/${taskSid}`).get()).exists).toBe(false);
    expect(await failure(taskSid)).toMatchObject({ resolved: false });
  });

  it('refuses (409) when the number the event itself names is suppressed, whoever it is filed under', async () => {
    const caller = uniquePhone();
    // The agent chose a number that is not one: unattributable, and the record names the caller.
    const taskSid = await unattributable({ from: caller, interactionHistory: { customerPhone: '12' }, conversations: { outcome: 'Billing' } });
    const { token } = await idTokenFor('admin');
    const suppression = await fetch(functionUrl('setRecordingSuppression'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ phone: caller, suppressed: true }),
    });
    expect(suppression.status).toBe(200);
    const elsewhere = uniquePhone();

    expect((await file({ taskSid, customerPhone: elsewhere }, token)).status).toBe(409);
    expect((await db.doc(`customers/${elsewhere}/interactions/${taskSid}`).get()).exists).toBe(false);
    expect(await failure(taskSid)).toMatchObject({ resolved: false });
  });
});

describe('fileCaptureFailure: filing', () => {
  it('stores the interaction under the customer typed in national form, resolves the record with who and when, and audits it', async () => {
    const taskSid = await unattributable();
    const phone = uniquePhone();
    const national = `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`;
    const admin = await idTokenFor('admin');

    const answer = await file({ taskSid, customerPhone: national }, admin.token);

    expect(answer.status).toBe(201);
    expect(decode(fileCaptureFailureResponseSchema, answer.body, 'answer')).toEqual({
      result: 'filed',
      taskSid,
      customerPhone: phone,
      interactionPath: interactionPath(phone, taskSid),
    });
    const stored = await readDocument(interactionSchema, interactionPath(phone, taskSid));
    expect(stored).toMatchObject({ taskSid, customerPhone: phone, outcome: 'Billing', queueSid: stableSid('WQ', 'Support'), source: 'taskrouter' });
    const resolved = await failure(taskSid);
    expect(resolved).toMatchObject({ resolved: true, resolvedBy: admin.uid, filedCustomerPhone: phone, reason: 'noValidPhone' });
    expect(resolved?.resolvedAt).toBeInstanceOf(Date);
    const audit = await auditEntriesFor(taskSid);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'captureFailureFiled', actor: { uid: admin.uid, role: 'admin' } });

    // It appears in the customer's history (the History tab's query) and is counted by the triggers like any other.
    const history = await db.collection(interactionsPath(phone)).orderBy('completedAt', 'desc').limit(10).get();
    expect(history.docs.map((document) => document.id)).toEqual([taskSid]);
    await eventually(async () => expect((await db.doc(`customerStats/${phone}`).get()).get('interactionCount')).toBe(1));
  });

  it('files once: the same request again answers alreadyFiled, another customer is refused, and one interaction exists', async () => {
    const taskSid = await unattributable();
    const phone = uniquePhone();
    const { token } = await idTokenFor('admin');

    expect((await file({ taskSid, customerPhone: phone }, token)).status).toBe(201);
    const again = await file({ taskSid, customerPhone: phone }, token);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ result: 'alreadyFiled' });
    const elsewhere = uniquePhone();
    expect((await file({ taskSid, customerPhone: elsewhere }, token)).status).toBe(409);

    const everywhere = await db.collectionGroup('interactions').where('taskSid', '==', taskSid).get();
    expect(everywhere.docs.map((document) => document.ref.path)).toEqual([interactionPath(phone, taskSid)]);
    expect(await auditEntriesFor(taskSid)).toHaveLength(1);
  });

  it('files an event whose attributes were not JSON, without an outcome, keeping the raw record', async () => {
    const taskSid = await unattributable('{not json');
    const phone = uniquePhone();
    const { token } = await idTokenFor('admin');

    expect((await file({ taskSid, customerPhone: phone }, token)).status).toBe(201);

    expect((await readDocument(interactionSchema, interactionPath(phone, taskSid)))?.outcome).toBeNull();
    expect((await failure(taskSid))?.parametersJson).toContain('{not json');
  });
});
