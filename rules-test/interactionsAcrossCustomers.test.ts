/**
 * The collection-group query of interactions behind the supervisors' list of
 * interactions without an outcome: supervisors and admins may run it, agents
 * may not (they read interactions under one customer only), and nobody writes.
 */
import { readFileSync } from 'node:fs';
import { assertFails, assertSucceeds, initializeTestEnvironment, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { collectionGroup, doc, getDocs, limit, orderBy, query, setDoc, Timestamp, where } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A project of its own, so that clearing data never touches other suites.
const PROJECT_ID = 'demo-interaction-history-rules-group';
const PHONE = '+14155550100';
const TASK_SID = `WT${'4'.repeat(32)}`;
let env: RulesTestEnvironment | undefined;

function testEnv(): RulesTestEnvironment {
  if (!env) throw new Error('The rules test environment did not start.');
  return env;
}

const as = (role: 'agent' | 'supervisor' | 'admin', flexExp = Math.floor(Date.now() / 1000) + 3600) => {
  const uid = `WK${role.padEnd(32, '0').slice(0, 32)}`;
  return testEnv().authenticatedContext(uid, { role, workerSid: uid, flexExp }).firestore();
};

const withoutOutcome = (db: ReturnType<typeof as>) =>
  query(collectionGroup(db, 'interactions'), where('outcome', '==', null), orderBy('completedAt', 'desc'), limit(50));

beforeAll(async () => {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '127.0.0.1:8080').split(':');
  env = await initializeTestEnvironment({
    projectId: PROJECT_ID,
    firestore: { host: host ?? '127.0.0.1', port: Number(port), rules: readFileSync('firestore.rules', 'utf8') },
  });
  await testEnv().withSecurityRulesDisabled(async (admin) => {
    await setDoc(doc(admin.firestore(), `customers/${PHONE}/interactions/${TASK_SID}`), {
      taskSid: TASK_SID,
      customerPhone: PHONE,
      outcome: null,
      completedAt: Timestamp.now(),
      source: 'taskrouter',
    });
  });
});

afterAll(async () => {
  await env?.clearFirestore();
  await env?.cleanup();
});

describe('interactions across customers', () => {
  it('supervisors and admins may query them', async () => {
    const found = await assertSucceeds(getDocs(withoutOutcome(as('supervisor'))));
    expect(found.docs.map((document) => document.id)).toEqual([TASK_SID]);
    await assertSucceeds(getDocs(withoutOutcome(as('admin'))));
  });

  it('an agent, or a supervisor whose Flex session expired, may not', async () => {
    await assertFails(getDocs(withoutOutcome(as('agent'))));
    await assertFails(getDocs(withoutOutcome(as('supervisor', Math.floor(Date.now() / 1000) - 60))));
  });

  it('nobody writes them, even an admin', async () => {
    await assertFails(setDoc(doc(as('admin'), `customers/${PHONE}/interactions/WT${'5'.repeat(32)}`), { outcome: 'x' }));
  });
});
