/**
 * Data rights end to end: an admin erases a customer from the History tab of
 * the real plugin, while an agent has the same customer open; the agent's tab
 * follows live. Agents never see the admin's panel.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktop, type RunningDesktop } from '../desktop/server.js';
import { en as strings } from '../plugin/src/strings/en.js';
import { adminFirestore } from '../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../test-support/taskrouter.js';
import { launchChromium, screenshot } from './support/browser.js';
import { openDesktop, type AgentPage } from './support/desktopSession.js';

let browser: Browser | undefined;
let desktop: RunningDesktop | undefined;
const open: AgentPage[] = [];
const db = adminFirestore();

async function desktopAs(role: 'agent' | 'admin', name: string): Promise<AgentPage> {
  if (!browser || !desktop) throw new Error('The browser or the desktop did not start.');
  const page = await openDesktop(browser, desktop.url, role, name);
  open.push(page);
  return page;
}

beforeAll(async () => {
  desktop = await startDesktop();
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const page of open.splice(0)) await page.close();
  await browser?.close();
  await desktop?.close();
});

describe('erasing a customer from the History tab', () => {
  it("removes everything, and an agent's open tab for that number shows no customer and no history", async () => {
    const phone = uniquePhone();
    await db.doc(`customers/${phone}`).set({ phone, firstName: 'Erin', lastName: 'Rased', createdAt: new Date(), createdBy: 'e2e-seed' });
    for (const comment of ['First call', 'Second call']) {
      const answer = await postCallback(completedTaskParameters({ attributes: { from: phone, conversations: { outcome: 'Billing' }, interactionHistory: { comment } } }));
      expect(answer.status).toBe(201);
    }
    const agent = await desktopAs('agent', 'Alice Agent');
    await agent.ringIn(phone);
    await agent.openHistory();
    await agent.page.getByRole('heading', { name: 'Erin Rased' }).waitFor();
    await agent.page.getByRole('cell', { name: 'Second call' }).waitFor();
    // Agents are offered neither erase nor export.
    expect(await agent.page.getByRole('button', { name: strings.dataRights.eraseButton }).count()).toBe(0);
    expect(await agent.page.getByRole('button', { name: strings.dataRights.exportButton }).count()).toBe(0);

    const admin = await desktopAs('admin', 'Ada Admin');
    await admin.ringIn(phone);
    await admin.openHistory();
    await admin.page.getByRole('heading', { name: 'Erin Rased' }).waitFor();
    await admin.page.getByRole('button', { name: strings.dataRights.exportButton }).waitFor();
    await admin.page.getByRole('button', { name: strings.dataRights.eraseButton }).click();
    await admin.page.getByRole('textbox', { name: strings.dataRights.typeToConfirm(phone) }).fill(phone);
    await screenshot(admin.page, 'data-rights-erase-confirmation');
    await admin.page.getByRole('button', { name: strings.dataRights.confirmErase }).click();

    await admin.page.getByText(/^Erased \d+ records\.$/).waitFor();
    await agent.page.getByText(strings.unknownCaller(phone)).waitFor();
    await agent.page.getByText(strings.historyEmpty).waitFor();
    expect(await agent.page.getByRole('heading', { name: 'Erin Rased' }).count()).toBe(0);
    await screenshot(agent.page, 'data-rights-agent-after-erase');
    expect((await db.collection(`customers/${phone}/interactions`).get()).size).toBe(0);
    expect((await db.doc(`customerStats/${phone}`).get()).exists).toBe(false);
  });
});
