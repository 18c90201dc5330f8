/** `npm run simulate` against the running emulator stack, as a person would call it. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { adminFirestore, eventually } from '../../test-support/localStack.js';
import { uniquePhone } from '../../test-support/taskrouter.js';

const run = promisify(execFile);
const simulate = (...args: string[]) => run('npx', ['tsx', 'scripts/simulate.ts', ...args], { cwd: process.cwd(), timeout: 60_000 });

describe('npm run simulate', () => {
  it('sends one signed task.completed that is stored for the caller', async () => {
    const phone = uniquePhone();

    const { stdout } = await simulate('--phone', phone, '--outcome', 'Billing', '--comment', 'from the simulator');

    expect(stdout).toMatch(/HTTP 201/);
    const stored = await adminFirestore().collection(`customers/${phone}/interactions`).get();
    expect(stored.docs.map((doc): unknown[] => [doc.get('outcome'), doc.get('comment')])).toEqual([['Billing', 'from the simulator']]);
  });

  it('sends a burst of N and reports throughput and response times', async () => {
    const phone = uniquePhone();

    const { stdout } = await simulate('--phone', phone, '--count', '20', '--concurrency', '5', '--outcome', 'Other');

    expect(stdout).toMatch(/20 events in [\d.]+ s/);
    expect(stdout).toMatch(/20× HTTP 201/);
    expect(stdout).toMatch(/median \d+ ms, p99 \d+ ms/);
    await eventually(async () => expect((await adminFirestore().doc(`customerStats/${phone}`).get()).get('interactionCount')).toBe(20));
  });
});
