/** `npm run simulate` against the running emulator stack, as a person would call it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { adminFirestore, eventually } from '../../test-support/localStack.js';
import { uniquePhone } from '../../test-support/taskrouter.js';

const run = promisify(execFile);
const simulate = (...args: string[]) => run('npx', ['tsx', 'scripts/simulate.ts', ...args], { cwd: process.cwd(), timeout: 60_000 });

describe('npm run simulate', () => {
  it('completes one task, stored for the caller with the agent its reservation events name', async () => {
    const phone = uniquePhone();

    const { stdout } = await simulate('--phone', phone, '--outcome', 'Billing', '--comment', 'from the simulator', '--agent', 'Bob Agent');

    expect(stdout).toMatch(/task\.completed → HTTP 201/);
    expect(stdout).toMatch(/reservation\.accepted → HTTP 200/);
    const stored = await adminFirestore().collection(`customers/${phone}/interactions`).get();
    expect(stored.docs.map((doc): unknown[] => [doc.get('outcome'), doc.get('comment'), doc.get('workerName')])).toEqual([
      ['Billing', 'from the simulator', 'Bob Agent'],
    ]);
  });

  it('transfers a task and delivers task.completed first: the agent who wrapped up is recorded, both as accepted', async () => {
    const phone = uniquePhone();

    await simulate('--phone', phone, '--outcome', 'Other', '--agent', 'Bob Agent', '--transfer-to', 'Carol Agent', '--order', 'completed-first');

    const stored = await adminFirestore().collection(`customers/${phone}/interactions`).get();
    expect(stored.docs.map((doc): unknown => [doc.get('workerName'), (doc.get('acceptedWorkers') as { workerName: string }[]).map((w) => w.workerName)])).toEqual([
      ['Carol Agent', ['Bob Agent', 'Carol Agent']],
    ]);
  });

  it('sends a burst of N and reports throughput and response times', async () => {
    const phone = uniquePhone();

    const { stdout } = await simulate('--phone', phone, '--count', '20', '--concurrency', '5', '--outcome', 'Other');

    expect(stdout).toMatch(/20 tasks \(80 events\) in [\d.]+ s/);
    expect(stdout).toMatch(/20× HTTP 201/);
    expect(stdout).toMatch(/60× HTTP 200/);
    expect(stdout).toMatch(/median \d+ ms, p99 \d+ ms/);
    await eventually(async () => expect((await adminFirestore().doc(`customerStats/${phone}`).get()).get('interactionCount')).toBe(20));
  });
});
