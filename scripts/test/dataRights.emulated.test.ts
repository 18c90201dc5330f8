/**
 * `npm run erase`, `npm run export` and `npm run suppression` as an operator
 * runs them (the scripts in child processes, with the emulators' variables),
 * against the real emulators.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { auditEntrySchema, customerExportSchema, customerPath, customerStatsPath, decode } from '@interaction-history/model';
import { REPO_ROOT } from '../../local-stack/localStack.js';
import { adminFirestore, eventually } from '../../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../../test-support/taskrouter.js';

const db = adminFirestore();

/** Runs a script with its standard input a pipe (not a terminal), as in CI or a pipeline. */
function run(script: 'erase' | 'export' | 'suppression', ...args: string[]) {
  const result = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], { cwd: REPO_ROOT, encoding: 'utf8', input: '', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function seed(phone: string) {
  await db.doc(customerPath(phone)).create({ phone, firstName: 'Cli', lastName: 'Customer', createdAt: new Date(), createdBy: 'seed' });
  for (const outcome of ['Billing', 'Other']) {
    expect((await postCallback(completedTaskParameters({ attributes: { from: phone, conversations: { outcome } } }))).status).toBe(201);
  }
  await eventually(async () => expect((await db.doc(customerStatsPath(phone)).get()).get('interactionCount')).toBe(2));
}

const interactionsOf = async (phone: string) => (await db.collection(`${customerPath(phone)}/interactions`).get()).size;

describe('npm run erase', () => {
  it('refuses without a terminal unless --yes, and erases nothing', async () => {
    const phone = uniquePhone();
    await seed(phone);

    const refused = run('erase', '--phone', phone);

    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Refusing to erase without a terminal');
    expect(await interactionsOf(phone)).toBe(2);
  });

  it('on --dry-run reports what it would remove and removes nothing', async () => {
    const phone = uniquePhone();
    await seed(phone);

    const dryRun = run('erase', '--phone', phone, '--dry-run');

    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toContain('would remove:');
    expect(dryRun.stdout).toMatch(/ {6}2 {2}interactions/);
    expect(await interactionsOf(phone)).toBe(2);
  });

  it('with --yes --suppress erases everything, reports it, suppresses, and the audit trail names the command line', async () => {
    const phone = uniquePhone();
    await seed(phone);

    const erased = run('erase', '--phone', phone, '--yes', '--suppress');

    expect(erased.status, erased.stderr).toBe(0);
    expect(erased.stdout).toContain('removed:');
    expect(erased.stdout).toMatch(/ {6}2 {2}interactions/);
    expect(erased.stdout).toContain('Recording of this number is suppressed');
    expect(await interactionsOf(phone)).toBe(0);
    expect((await db.doc(customerPath(phone)).get()).exists).toBe(false);
    const entries = await db.collection('auditLog').where('action', '==', 'customerErased').where('actor.uid', '==', 'cli').get();
    expect(entries.docs.map((entry) => decode(auditEntrySchema, entry.data(), entry.ref.path)).some((entry) => entry.counts?.['interactions'] === 2)).toBe(true);

    const status = run('suppression', '--phone', phone);
    expect(status.stdout).toContain(`${phone}: suppressed`);
    const lifted = run('suppression', '--phone', phone, '--lift');
    expect(lifted.stdout).toContain(`${phone}: recorded normally (changed)`);
  });
});

describe('npm run export', () => {
  it('writes only the JSON document to standard output', async () => {
    const phone = uniquePhone();
    await seed(phone);

    const exported = run('export', '--phone', phone);

    expect(exported.status, exported.stderr).toBe(0);
    const document = decode(customerExportSchema, JSON.parse(exported.stdout), 'export output');
    expect(document.phone).toBe(phone);
    expect(document.profile?.data).toMatchObject({ firstName: 'Cli', lastName: 'Customer' });
    expect(document.interactions).toHaveLength(2);
    expect(document.countingMarkers).toHaveLength(2);
  });

  it('refuses an invalid number with a clear message and a failing status', () => {
    const refused = run('export', '--phone', 'nope');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--phone "nope" is not a valid phone number.');
    expect(refused.stdout).toBe('');
  });
});
