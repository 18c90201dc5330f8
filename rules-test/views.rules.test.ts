/**
 * The rules for the supervisors' and admins' documents: dashboard shards,
 * interactions without an outcome across customers, reason-code lists, and
 * the dashboard's markers. Each allowed case has a denied one beside it.
 */
import { readFileSync } from 'node:fs';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestContext, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import {
  collection,
  collectionGroup,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  limit,
  orderBy,
  query,
  serverTimestamp,
  setDoc,
  Timestamp,
  updateDoc,
  where,
} from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';

// A project of its own, so that clearing data between tests never touches other suites.
const PROJECT_ID = 'demo-interaction-history-views-rules';
const PHONE = '+14155550100';
const TASK_SID = `WT${'1'.repeat(32)}`;
const QUEUE_SID = `WQ${'a'.repeat(32)}`;
const DAY = '2026-12-06';

let env: RulesTestEnvironment | undefined;

function testEnv(): RulesTestEnvironment {
  if (!env) throw new Error('The rules test environment did not start.');
  return env;
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

type Session = 'none' | 'expired' | 'agent' | 'supervisor' | 'admin';

function as(session: Session): RulesTestContext {
  const uid = `WK${session.padEnd(32, '0').slice(0, 32)}`;
  if (session === 'none') return testEnv().unauthenticatedContext();
  if (session === 'expired') return testEnv().authenticatedContext(uid, { role: 'admin', workerSid: uid, flexExp: Math.floor(Date.now() / 1000) - 60 });
  return testEnv().authenticatedContext(uid, { role: session, workerSid: uid, flexExp: inOneHour() });
}

const uidOf = (session: Session) => `WK${session.padEnd(32, '0').slice(0, 32)}`;

beforeAll(async () => {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { rules: readFileSync('firestore.rules', 'utf8'), host: host ?? '127.0.0.1', port: Number(port) },
  });
});

beforeEach(async () => {
  await testEnv().clearFirestore();
  await testEnv().withSecurityRulesDisabled(async (admin) => {
    const db = admin.firestore();
    await setDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/07`), { day: DAY, shard: 7, interactions: 3, missingOutcome: 1, byReason: { Billing: 2 } });
    await setDoc(doc(db, `dashboardCounted/${TASK_SID}`), { taskSid: TASK_SID, state: 'counted' });
    await setDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`), {
      taskSid: TASK_SID,
      customerPhone: PHONE,
      outcome: null,
      queueSid: QUEUE_SID,
      workerSid: uidOf('agent'),
      completedAt: Timestamp.now(),
      source: 'taskrouter',
    });
    await setDoc(doc(db, 'reasonCodeLists/global'), {
      scope: 'global',
      codes: [{ id: 'billing', label: 'Billing', active: true }],
      updatedAt: Timestamp.now(),
      updatedBy: 'WKseed',
    });
  });
});

afterAll(async () => {
  await env?.cleanup();
});

describe('dashboard shards', () => {
  it.each<Session>(['supervisor', 'admin'])('%s may read a day and query a range of days', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/07`)));
    await assertSucceeds(getDocs(collection(db, `dashboardDays/${DAY}/dashboardShards`)));
    await assertSucceeds(getDocs(query(collectionGroup(db, 'dashboardShards'), where('day', '>=', '2026-11-07'), where('day', '<=', DAY))));
  });

  it.each<Session>(['agent', 'expired', 'none'])('%s may read neither a day nor a range', async (session) => {
    const db = as(session).firestore();
    await assertFails(getDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/07`)));
    await assertFails(getDocs(collection(db, `dashboardDays/${DAY}/dashboardShards`)));
    await assertFails(getDocs(query(collectionGroup(db, 'dashboardShards'), where('day', '>=', '2026-11-07'))));
  });

  it.each<Session>(['agent', 'supervisor', 'admin'])('%s may not write a shard', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/08`), { day: DAY, interactions: 1 }));
    await assertFails(updateDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/07`), { interactions: 0 }));
    await assertFails(deleteDoc(doc(db, `dashboardDays/${DAY}/dashboardShards/07`)));
  });

  it('nobody reads or writes the dashboard markers, not even an admin', async () => {
    const db = as('admin').firestore();
    await assertFails(getDoc(doc(db, `dashboardCounted/${TASK_SID}`)));
    await assertFails(setDoc(doc(db, `dashboardCounted/WT${'2'.repeat(32)}`), { state: 'removed' }));
  });
});

describe('interactions without an outcome, across customers', () => {
  const missing = (session: Session, size: number) =>
    getDocs(
      query(
        collectionGroup(as(session).firestore(), 'interactions'),
        where('outcome', '==', null),
        where('queueSid', '==', QUEUE_SID),
        orderBy('completedAt', 'desc'),
        limit(size),
      ),
    );

  it.each<Session>(['supervisor', 'admin'])('%s may read a bounded page', async (session) => {
    await assertSucceeds(missing(session, 50));
  });

  it('a supervisor may not read an unbounded or oversized page', async () => {
    await assertFails(missing('supervisor', 500));
    await assertFails(getDocs(query(collectionGroup(as('supervisor').firestore(), 'interactions'), where('outcome', '==', null))));
  });

  it.each<Session>(['agent', 'expired', 'none'])('%s may not query interactions across customers', async (session) => {
    await assertFails(missing(session, 50));
  });
});

describe('reason-code lists', () => {
  const globalList = (session: Session, extra: Record<string, unknown> = {}) => ({
    scope: 'global',
    codes: [
      { id: 'billing', label: 'Billing', active: true },
      { id: 'legacy', label: 'Legacy', active: false },
    ],
    updatedAt: serverTimestamp(),
    updatedBy: uidOf(session),
    ...extra,
  });
  const queueList = (session: Session, extra: Record<string, unknown> = {}) => ({
    scope: 'queue',
    queueName: 'Internal transfers',
    codes: null,
    reasonCodeRequired: false,
    updatedAt: serverTimestamp(),
    updatedBy: uidOf(session),
    ...extra,
  });

  it.each<Session>(['agent', 'supervisor', 'admin'])('%s may read them (agents choose from them)', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, 'reasonCodeLists/global')));
    await assertSucceeds(getDocs(collection(db, 'reasonCodeLists')));
  });

  it.each<Session>(['expired', 'none'])('%s may not read them', async (session) => {
    await assertFails(getDoc(doc(as(session).firestore(), 'reasonCodeLists/global')));
  });

  it('an admin may save the global list and a queue list, stamped', async () => {
    const db = as('admin').firestore();
    await assertSucceeds(setDoc(doc(db, 'reasonCodeLists/global'), globalList('admin')));
    await assertSucceeds(setDoc(doc(db, `reasonCodeLists/${QUEUE_SID}`), queueList('admin')));
    await assertSucceeds(setDoc(doc(db, `reasonCodeLists/${QUEUE_SID}`), queueList('admin', { codes: [{ id: 'x', label: 'X', active: true }], reasonCodeRequired: true })));
  });

  it.each<Session>(['agent', 'supervisor', 'expired', 'none'])('%s may not save a list', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, 'reasonCodeLists/global'), globalList(session)));
    await assertFails(setDoc(doc(db, `reasonCodeLists/${QUEUE_SID}`), queueList(session)));
  });

  it.each<[string, string, Record<string, unknown>]>([
    ['a stamp naming someone else', 'global', { updatedBy: 'WKother' }],
    ['a client time', 'global', { updatedAt: Timestamp.fromDate(new Date('2020-01-01')) }],
    ['an extra key', 'global', { colour: 'red' }],
    ['a global list without codes', 'global', { codes: null }],
    ['a required flag on the global list', 'global', { reasonCodeRequired: false }],
    ['codes that are not a list', 'global', { codes: 'Billing' }],
    ['more than 200 codes', 'global', { codes: Array.from({ length: 201 }, (_, index) => ({ id: `c${index}`, label: `C${index}`, active: true })) }],
    ['a list id that is neither global nor a queue SID', 'sales', { scope: 'queue' }],
    ['a queue scope under the global id', 'global', { scope: 'queue' }],
  ])('an admin may not save a list with %s', async (_label, listId, change) => {
    await assertFails(setDoc(doc(as('admin').firestore(), `reasonCodeLists/${listId}`), globalList('admin', change)));
  });

  it('a queue list refuses a required flag that is not a boolean', async () => {
    await assertFails(setDoc(doc(as('admin').firestore(), `reasonCodeLists/${QUEUE_SID}`), queueList('admin', { reasonCodeRequired: 'no' })));
  });

  it('nobody deletes a list, not even an admin', async () => {
    await assertFails(deleteDoc(doc(as('admin').firestore(), 'reasonCodeLists/global')));
  });
});
