/**
 * The security rules, loaded from firestore.rules into the Firestore
 * emulator. Every path, every kind of session (none, expired, no role,
 * agent, supervisor, admin), every operation: an allowed and a denied case.
 */
import { readFileSync } from 'node:fs';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestContext,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import {
  collection,
  deleteDoc,
  deleteField,
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
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// A project of its own, so that clearing data between tests never touches other suites.
const PROJECT_ID = 'demo-interaction-history-rules';
const PHONE = '+14155550100';
const OTHER_PHONE = '+14155550111';
const TASK_SID = `WT${'1'.repeat(32)}`;

// Undefined until beforeAll has started it, and still undefined in afterAll if it failed.
let env: RulesTestEnvironment | undefined;

function testEnv(): RulesTestEnvironment {
  if (!env) throw new Error('The rules test environment did not start.');
  return env;
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
const oneMinuteAgo = () => Math.floor(Date.now() / 1000) - 60;

type Session = 'none' | 'expired' | 'noRole' | 'agent' | 'supervisor' | 'admin';

const uids = new WeakMap<RulesTestContext, string>();

function as(session: Session): RulesTestContext {
  const uid = `WK${session.padEnd(32, '0').slice(0, 32)}`;
  const context = contextFor(session, uid);
  uids.set(context, uid);
  return context;
}

function contextFor(session: Session, uid: string): RulesTestContext {
  switch (session) {
    case 'none':
      return testEnv().unauthenticatedContext();
    case 'expired':
      return testEnv().authenticatedContext(uid, { role: 'agent', workerSid: uid, flexExp: oneMinuteAgo() });
    case 'noRole':
      return testEnv().authenticatedContext(uid, { workerSid: uid, flexExp: inOneHour() });
    default:
      return testEnv().authenticatedContext(uid, { role: session, workerSid: uid, flexExp: inOneHour() });
  }
}

const uidOf = (context: RulesTestContext) => uids.get(context);

function newProfile(context: RulesTestContext, phone = PHONE, extra: Record<string, unknown> = {}) {
  return {
    phone,
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    accountId: 'ACC-1',
    createdAt: serverTimestamp(),
    createdBy: uidOf(context) ?? 'nobody',
    ...extra,
  };
}

async function seed() {
  await testEnv().withSecurityRulesDisabled(async (admin) => {
    const db = admin.firestore();
    await setDoc(doc(db, `customers/${PHONE}`), {
      phone: PHONE,
      firstName: 'Grace',
      lastName: 'Hopper',
      createdAt: Timestamp.fromDate(new Date('2026-01-01')),
      createdBy: 'WKseed',
    });
    await setDoc(doc(db, `customers/${PHONE}/interactions/${TASK_SID}`), {
      taskSid: TASK_SID,
      customerPhone: PHONE,
      outcome: 'Billing',
      completedAt: Timestamp.now(),
      source: 'taskrouter',
    });
    await setDoc(doc(db, `customerStats/${PHONE}`), { interactionCount: 1, missingOutcomeCount: 0, lastOutcome: 'Billing', lastInteractionAt: Timestamp.now() });
    await setDoc(doc(db, `captureFailures/${TASK_SID}`), { taskSid: TASK_SID, reason: 'noValidPhone' });
    await setDoc(doc(db, `customerStats/${PHONE}/countedInteractions/${TASK_SID}`), { countedAt: Timestamp.now() });
    await setDoc(doc(db, 'systemStatus/reconciliation'), { trigger: 'schedule', recovered: 2, errorCount: 0 });
  });
}

beforeAll(async () => {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { rules: readFileSync('firestore.rules', 'utf8'), host: host ?? '127.0.0.1', port: Number(port) },
  });
});

beforeEach(async () => {
  await testEnv().clearFirestore();
  await seed();
});

afterAll(async () => {
  await env?.cleanup();
});

const STAFF: Session[] = ['agent', 'supervisor', 'admin'];
const NOT_STAFF: Session[] = ['none', 'expired', 'noRole'];

describe('customers/{phone}: reading', () => {
  it.each(STAFF)('%s may get a profile and query profiles', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, `customers/${PHONE}`)));
    await assertSucceeds(getDocs(query(collection(db, 'customers'), where('lastName', '==', 'Hopper'), limit(10))));
  });

  it.each(NOT_STAFF)('%s may neither get nor query', async (session) => {
    const db = as(session).firestore();
    await assertFails(getDoc(doc(db, `customers/${PHONE}`)));
    await assertFails(getDocs(collection(db, 'customers')));
  });
});

describe('customers/{phone}: creating', () => {
  it.each(STAFF)('%s may create a valid profile for a new phone', async (session) => {
    const context = as(session);
    await assertSucceeds(setDoc(doc(context.firestore(), `customers/${OTHER_PHONE}`), newProfile(context, OTHER_PHONE)));
  });

  it('accepts a profile with only the required fields', async () => {
    const context = as('agent');
    const { email: _email, accountId: _accountId, ...required } = newProfile(context, OTHER_PHONE);
    await assertSucceeds(setDoc(doc(context.firestore(), `customers/${OTHER_PHONE}`), required));
  });

  it.each(NOT_STAFF)('%s may not create a profile', async (session) => {
    const context = as(session);
    await assertFails(setDoc(doc(context.firestore(), `customers/${OTHER_PHONE}`), newProfile(context, OTHER_PHONE)));
  });

  it('refuses a second profile for a phone that already has one', async () => {
    const context = as('agent');
    await assertFails(setDoc(doc(context.firestore(), `customers/${PHONE}`), newProfile(context, PHONE)));
  });

  it.each([
    ['an id that is not E.164', '4155550111', { phone: '4155550111' }],
    ['an id that differs from phone', OTHER_PHONE, { phone: '+14155550122' }],
    ['an extra key', OTHER_PHONE, { role: 'admin' }],
    ['a missing last name', OTHER_PHONE, { lastName: undefined }],
    ['an empty first name', OTHER_PHONE, { firstName: '' }],
    ['a blank first name', OTHER_PHONE, { firstName: '   ' }],
    ['a first name that is a number', OTHER_PHONE, { firstName: 42 }],
    ['an oversized last name', OTHER_PHONE, { lastName: 'x'.repeat(101) }],
    ['an email that is not an address', OTHER_PHONE, { email: 'not-an-email' }],
    ['an email with a line break', OTHER_PHONE, { email: 'ada@example.com\nBcc: x@evil.example' }],
    ['a first name with a line break', OTHER_PHONE, { firstName: 'Ada\nLovelace' }],
    ['a last name with a control character', OTHER_PHONE, { lastName: 'Love\u0007lace' }],
    ['an oversized email', OTHER_PHONE, { email: `${'a'.repeat(250)}@example.com` }],
    ['an account id that is a map', OTHER_PHONE, { accountId: { nested: true } }],
    ['an oversized account id', OTHER_PHONE, { accountId: 'x'.repeat(65) }],
    ['createdBy naming someone else', OTHER_PHONE, { createdBy: 'WKsomeoneelse' }],
    ['createdAt set by the client', OTHER_PHONE, { createdAt: Timestamp.fromDate(new Date('2020-01-01')) }],
  ])('refuses %s', async (_label, id, change) => {
    const context = as('agent');
    const data = Object.fromEntries(
      Object.entries({ ...newProfile(context, OTHER_PHONE), ...change }).filter(([, value]) => value !== undefined),
    );
    await assertFails(setDoc(doc(context.firestore(), `customers/${id}`), data));
  });
});

describe('customers/{phone}: updating', () => {
  const stamp = (context: RulesTestContext) => ({ updatedAt: serverTimestamp(), updatedBy: uidOf(context) });

  it.each(STAFF)('%s may change profile fields with a stamp', async (session) => {
    const context = as(session);
    await assertSucceeds(updateDoc(doc(context.firestore(), `customers/${PHONE}`), { firstName: 'Amazing Grace', email: 'grace@example.com', ...stamp(context) }));
  });

  it.each(NOT_STAFF)('%s may not update', async (session) => {
    const context = as(session);
    await assertFails(updateDoc(doc(context.firestore(), `customers/${PHONE}`), { firstName: 'X', updatedAt: serverTimestamp(), updatedBy: 'x' }));
  });

  it.each<[string, (context: RulesTestContext) => Record<string, unknown>]>([
    ['no stamp', () => ({ firstName: 'X' })],
    ['a stamp naming someone else', () => ({ firstName: 'X', updatedAt: serverTimestamp(), updatedBy: 'WKother' })],
    ['a stamp with a client time', (context: RulesTestContext) => ({ firstName: 'X', updatedAt: Timestamp.fromDate(new Date('2020-01-01')), updatedBy: uidOf(context) })],
    ['a changed phone', (context: RulesTestContext) => ({ phone: OTHER_PHONE, ...stamp(context) })],
    ['a changed createdBy', (context: RulesTestContext) => ({ createdBy: uidOf(context), ...stamp(context) })],
    ['a changed createdAt', (context: RulesTestContext) => ({ createdAt: serverTimestamp(), ...stamp(context) })],
    ['an extra key', (context: RulesTestContext) => ({ vip: true, ...stamp(context) })],
    ['an emptied name', (context: RulesTestContext) => ({ lastName: '', ...stamp(context) })],
    ['an oversized name', (context: RulesTestContext) => ({ lastName: 'y'.repeat(101), ...stamp(context) })],
    ['a name with a line break', (context: RulesTestContext) => ({ firstName: 'Ada\nX', ...stamp(context) })],
    ['a removed first name', (context: RulesTestContext) => ({ firstName: deleteField(), ...stamp(context) })],
    ['an email that is not an address', (context: RulesTestContext) => ({ email: 'not-an-email', ...stamp(context) })],
    ['an account id that is a number', (context: RulesTestContext) => ({ accountId: 42, ...stamp(context) })],
  ])('refuses an update with %s', async (_label, change) => {
    const context = as('agent');
    await assertFails(updateDoc(doc(context.firestore(), `customers/${PHONE}`), change(context)));
  });

  it('refuses an update of a profile that does not exist', async () => {
    const context = as('agent');
    await assertFails(updateDoc(doc(context.firestore(), `customers/${OTHER_PHONE}`), { firstName: 'X', ...stamp(context) }));
  });
});

describe('customers/{phone}: deleting', () => {
  it('an admin may delete a profile', async () => {
    await assertSucceeds(deleteDoc(doc(as('admin').firestore(), `customers/${PHONE}`)));
  });

  it.each<Session>(['agent', 'supervisor', 'none', 'expired', 'noRole'])('%s may not delete a profile', async (session) => {
    await assertFails(deleteDoc(doc(as(session).firestore(), `customers/${PHONE}`)));
  });

  it('an expired admin session may not delete', async () => {
    const uid = `WK${'e'.repeat(32)}`;
    const expiredAdmin = testEnv().authenticatedContext(uid, { role: 'admin', workerSid: uid, flexExp: oneMinuteAgo() });
    await assertFails(deleteDoc(doc(expiredAdmin.firestore(), `customers/${PHONE}`)));
  });
});

describe('customers/{phone}/interactions', () => {
  const path = `customers/${PHONE}/interactions/${TASK_SID}`;

  it.each(STAFF)('%s may get one and run the history query', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, path)));
    await assertSucceeds(getDocs(query(collection(db, `customers/${PHONE}/interactions`), orderBy('completedAt', 'desc'), limit(10))));
  });

  it.each(NOT_STAFF)('%s may neither get nor query', async (session) => {
    const db = as(session).firestore();
    await assertFails(getDoc(doc(db, path)));
    await assertFails(getDocs(collection(db, `customers/${PHONE}/interactions`)));
  });

  it.each(STAFF)('%s may not create, update or delete one', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, `customers/${PHONE}/interactions/WT${'2'.repeat(32)}`), { taskSid: 'x', outcome: 'Forged' }));
    await assertFails(updateDoc(doc(db, path), { outcome: 'Changed' }));
    await assertFails(deleteDoc(doc(db, path)));
  });
});

describe('customerStats', () => {
  it.each(STAFF)('%s may get and list stats', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, `customerStats/${PHONE}`)));
    await assertSucceeds(getDocs(query(collection(db, 'customerStats'), limit(5))));
  });

  it.each(NOT_STAFF)('%s may neither get nor list stats', async (session) => {
    const db = as(session).firestore();
    await assertFails(getDoc(doc(db, `customerStats/${PHONE}`)));
    await assertFails(getDocs(query(collection(db, 'customerStats'), limit(5))));
  });

  it.each(STAFF)('%s may not write stats', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, `customerStats/${OTHER_PHONE}`), { interactionCount: 99 }));
    await assertFails(updateDoc(doc(db, `customerStats/${PHONE}`), { interactionCount: 0 }));
    await assertFails(deleteDoc(doc(db, `customerStats/${PHONE}`)));
  });

  it('nobody reads the trigger bookkeeping', async () => {
    await assertFails(getDoc(doc(as('admin').firestore(), `customerStats/${PHONE}/countedInteractions/${TASK_SID}`)));
  });
});

describe('captureFailures', () => {
  it.each<Session>(['supervisor', 'admin'])('%s may get and list failures', async (session) => {
    const db = as(session).firestore();
    await assertSucceeds(getDoc(doc(db, `captureFailures/${TASK_SID}`)));
    await assertSucceeds(getDocs(collection(db, 'captureFailures')));
  });

  it.each<Session>(['agent', 'none', 'expired', 'noRole'])('%s may not read failures', async (session) => {
    const db = as(session).firestore();
    await assertFails(getDoc(doc(db, `captureFailures/${TASK_SID}`)));
    await assertFails(getDocs(collection(db, 'captureFailures')));
  });

  it.each(STAFF)('%s may not write failures', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, `captureFailures/WT${'3'.repeat(32)}`), { reason: 'x' }));
    await assertFails(deleteDoc(doc(db, `captureFailures/${TASK_SID}`)));
  });
});

describe('systemStatus/reconciliation', () => {
  it.each<Session>(['supervisor', 'admin'])('%s may read the reconciliation status', async (session) => {
    await assertSucceeds(getDoc(doc(as(session).firestore(), 'systemStatus/reconciliation')));
  });

  it.each<Session>(['agent', 'none', 'expired', 'noRole'])('%s may not read the reconciliation status', async (session) => {
    await assertFails(getDoc(doc(as(session).firestore(), 'systemStatus/reconciliation')));
  });

  it.each(STAFF)('%s may not write it, nor read other system documents', async (session) => {
    const db = as(session).firestore();
    await assertFails(setDoc(doc(db, 'systemStatus/reconciliation'), { recovered: 0 }));
    await assertFails(deleteDoc(doc(db, 'systemStatus/reconciliation')));
    await assertFails(getDocs(collection(db, 'systemStatus')));
  });
});

describe('anything else', () => {
  it('is denied, even to an admin', async () => {
    const db = as('admin').firestore();
    await assertFails(getDoc(doc(db, 'settings/global')));
    await assertFails(setDoc(doc(db, 'settings/global'), { a: 1 }));
    await assertFails(getDocs(collection(db, 'workers')));
  });

  it('a role claim outside the three is not staff', async () => {
    const uid = `WK${'f'.repeat(32)}`;
    const guest = testEnv().authenticatedContext(uid, { role: 'guest', workerSid: uid, flexExp: inOneHour() });
    await assertFails(getDoc(doc(guest.firestore(), `customers/${PHONE}`)));
  });

  it('a session whose flexExp is not a number is not staff', async () => {
    const uid = `WK${'d'.repeat(32)}`;
    const odd = testEnv().authenticatedContext(uid, { role: 'admin', workerSid: uid, flexExp: 'never' });
    await assertFails(getDoc(doc(odd.firestore(), `customers/${PHONE}`)));
  });
});

it('seeded data is really there, so denials above are the rules and not missing documents', async () => {
  await testEnv().withSecurityRulesDisabled(async (admin) => {
    expect((await getDoc(doc(admin.firestore(), `customers/${PHONE}`))).exists()).toBe(true);
  });
});
