/**
 * A transfer in the local agent desktop: as in TaskRouter, the receiving agent
 * gets a new task (its own TaskSid) with the first task's attributes, the first
 * agent's reason code (and its `outcomeTaskSid`) included. That reason code is
 * not the second agent's: their form shows none and completion is refused until
 * they choose one.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { StandInShell } from '../desktop/shell/shellStore.js';
import { en as strings } from '../plugin/src/strings/en.js';
import { adminFirestore, eventually } from '../test-support/localStack.js';
import { uniquePhone } from '../test-support/taskrouter.js';
import { screenshot } from './support/browser.js';
import { desktopForTestFile, type AgentPage } from './support/desktopSession.js';

const desktopAs = desktopForTestFile();
const db = adminFirestore();

const agentDesktop = (name: string): Promise<AgentPage> => desktopAs('agent', name);

const openTasks = (page: Page) => page.evaluate(() => (window as unknown as { __standInShell: StandInShell }).__standInShell.tasks());

describe('a transferred task', () => {
  it('asks the second agent for a reason code of their own', async () => {
    const phone = uniquePhone();
    await db.doc(`customers/${phone}`).set({ phone, firstName: 'Radia', lastName: 'Perlman', createdAt: new Date(), createdBy: 'e2e-seed' });
    const first = await agentDesktop('Lena First');
    await first.ringIn(phone);
    await first.openHistory();
    await first.page.getByLabel(strings.reasonCode).selectOption('Billing');
    const [taskA] = await eventually(async () => {
      const tasks = await openTasks(first.page);
      expect(tasks[0]?.attributes).toMatchObject({ conversations: { outcome: 'Billing' } });
      return tasks;
    });
    if (!taskA) throw new Error('The first agent has no task.');
    expect(taskA.attributes).toMatchObject({ interactionHistory: { outcomeTaskSid: taskA.taskSid } });

    const second = await agentDesktop('Milo Second');
    const taskBSid = await second.page.evaluate(
      (transferred) => (window as unknown as { __standInShell: StandInShell }).__standInShell.receiveTransfer(transferred),
      taskA,
    );
    expect(taskBSid).not.toBe(taskA.taskSid);
    expect((await openTasks(second.page))[0]?.attributes).toEqual(taskA.attributes);
    await second.openHistory();
    const reason = second.page.getByRole('combobox', { name: strings.reasonCode });
    expect(await reason.inputValue()).toBe('');

    await second.page.getByRole('button', { name: 'Complete' }).click();

    await second.page.getByRole('alert').filter({ hasText: strings.outcomeRequired }).waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect((await openTasks(second.page)).map((task) => task.taskSid)).toEqual([taskBSid]);
    await screenshot(second.page, 'transfer-asks-second-agent');

    await reason.selectOption('Complaint');
    await second.page.getByRole('button', { name: 'Complete' }).click();
    await second.page.getByRole('status').filter({ hasText: 'Task completed.' }).waitFor();
    await eventually(async () => {
      const stored = await db.collection(`customers/${phone}/interactions`).get();
      expect(stored.docs.map((interaction): unknown => interaction.get('outcome'))).toEqual(['Complaint']);
    });
  });
});
