/**
 * `npm run simulate -- --drop-callbacks` then `npm run reconcile`, as a person
 * would run them against the emulators: the task whose callbacks were dropped
 * is only in the stand-in's Events API until the backfill stores it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localReconciliationEnv, startLocalEventsApi } from '../../local-stack/taskrouter/localEventsApi.js';
import type { EventsApiServer } from '../../local-stack/taskrouter/eventsApiServer.js';
import { adminFirestore } from '../../test-support/localStack.js';
import { uniquePhone } from '../../test-support/taskrouter.js';

const run = promisify(execFile);
let journalDir = '';
let eventsApi: EventsApiServer;
let env: NodeJS.ProcessEnv = {};
const from = new Date(Date.now() - 60_000).toISOString();

const command = (script: string, ...args: string[]) => run('npx', ['tsx', script, ...args], { cwd: process.cwd(), timeout: 60_000, env });
const reconcile = (...args: string[]) => command('scripts/reconcile.ts', '--from', from, ...args);
const interactionsOf = async (phone: string) => (await adminFirestore().collection(`customers/${phone}/interactions`).get()).docs;

beforeAll(async () => {
  journalDir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));
  const journal = join(journalDir, 'events.jsonl');
  eventsApi = await startLocalEventsApi({ port: 0, journal });
  env = { ...process.env, ...localReconciliationEnv(eventsApi.baseUrl), LOCAL_TASKROUTER_JOURNAL: journal };
});

afterAll(async () => {
  await eventsApi.close();
  rmSync(journalDir, { recursive: true, force: true });
});

describe('a task whose callbacks were dropped, then npm run reconcile', () => {
  const phone = uniquePhone();

  it('is not stored by the webhook', async () => {
    const { stdout } = await command('scripts/simulate.ts', '--phone', phone, '--outcome', 'Billing', '--drop-callbacks');
    expect(stdout).toMatch(/task\.completed callback dropped/);
    expect(await interactionsOf(phone)).toHaveLength(0);
  });

  it('a dry run says it would recover it, and writes nothing', async () => {
    const { stdout } = await reconcile('--dry-run');
    expect(stdout).toMatch(/Dry run \(nothing written\)/);
    expect(stdout).toMatch(/tasks completed\s+1\n/);
    expect(stdout).toMatch(/would be recovered\s+1\n/);
    expect(await interactionsOf(phone)).toHaveLength(0);
  });

  it('the backfill stores it once, with its worker; a second backfill finds it stored', async () => {
    expect((await reconcile()).stdout).toMatch(/recovered\s+1\n/);
    const stored = await interactionsOf(phone);
    expect(stored.map((doc): unknown[] => [doc.get('outcome'), doc.get('workerName')])).toEqual([['Billing', 'Alice Agent']]);

    const again = (await reconcile()).stdout;
    expect(again).toMatch(/already stored\s+1\n/);
    expect(again).toMatch(/recovered\s+0\n/);
    expect(await interactionsOf(phone)).toHaveLength(1);
  });

  it('refuses a bad period with a clear message and exit code 2', async () => {
    await expect(command('scripts/reconcile.ts', '--from', 'last tuesday')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--from "last tuesday" is not an ISO 8601 time') as unknown,
    });
  });
});
