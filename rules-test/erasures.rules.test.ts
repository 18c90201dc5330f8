/**
 * The erasure registry, `erasures/{phoneHash}`: no client reads or writes it,
 * whatever the role; only the functions (Admin SDK) use it.
 */
import { readFileSync } from 'node:fs';
import { assertFails, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collection, deleteDoc, doc, getDoc, getDocs, setDoc } from 'firebase/firestore';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';

// A project of its own, so that clearing data between tests never touches other suites.
const PROJECT_ID = 'demo-interaction-history-erasure-rules';
const HASH = 'a'.repeat(64);
let env: RulesTestEnvironment | undefined;

function testEnv(): RulesTestEnvironment {
  if (!env) throw new Error('The rules test environment did not start.');
  return env;
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;
const as = (role: 'agent' | 'supervisor' | 'admin') => {
  const uid = `WK${role.padEnd(32, '0')}`;
  return testEnv().authenticatedContext(uid, { role, workerSid: uid, flexExp: inOneHour() }).firestore();
};

beforeAll(async () => {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { rules: readFileSync('firestore.rules', 'utf8'), host: host ?? '127.0.0.1', port: Number(port) },
  });
});
afterAll(async () => {
  await env?.cleanup();
});
beforeEach(async () => {
  await testEnv().clearFirestore();
  await testEnv().withSecurityRulesDisabled(async (context) => {
    await setDoc(doc(context.firestore(), `erasures/${HASH}`), { erasedAt: new Date(), suppressed: true });
  });
});

describe('erasures/{phoneHash}', () => {
  for (const role of ['agent', 'supervisor', 'admin'] as const) {
    it(`refuses ${role}s every read and write`, async () => {
      const db = as(role);
      await assertFails(getDoc(doc(db, `erasures/${HASH}`)));
      await assertFails(getDocs(collection(db, 'erasures')));
      await assertFails(setDoc(doc(db, `erasures/${'b'.repeat(64)}`), { erasedAt: new Date(), suppressed: false }));
      await assertFails(setDoc(doc(db, `erasures/${HASH}`), { suppressed: false }, { merge: true }));
      await assertFails(deleteDoc(doc(db, `erasures/${HASH}`)));
    });
  }

  it('refuses a session without sign-in', async () => {
    const db = testEnv().unauthenticatedContext().firestore();
    await assertFails(getDoc(doc(db, `erasures/${HASH}`)));
    await assertFails(deleteDoc(doc(db, `erasures/${HASH}`)));
  });
});
