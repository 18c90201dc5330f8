/**
 * The supervisor and admin views end to end: the plugin's second bundle in the
 * local desktop, Chromium, the emulators with the real rules, triggers and
 * functions. A supervisor watches the chart move as an agent completes a task;
 * an admin retires a reason code under an agent's open form; an admin files a
 * capture failure under a customer and finds it in that customer's history.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_QUEUES } from '../desktop/demoCentre.js';
import { startDesktop, type RunningDesktop } from '../desktop/server.js';
import { en as strings } from '../plugin/src/strings/en.js';
import { viewsEn as viewStrings } from '../plugin/src/strings/views.en.js';
import { adminFirestore, eventually } from '../test-support/localStack.js';
import { completedTaskParameters, newTaskSid, postCallback, uniquePhone } from '../test-support/taskrouter.js';
import { launchChromium, screenshot } from './support/browser.js';
import { openDesktop, type AgentPage } from './support/desktopSession.js';

// The functions allow the desktop's usual origin (ALLOWED_ORIGINS): fileCaptureFailure is called from the page.
const DESKTOP_PORT = 3000;

let browser: Browser | undefined;
let desktop: RunningDesktop | undefined;
const open: AgentPage[] = [];
const db = adminFirestore();

async function desktopAs(role: 'agent' | 'supervisor' | 'admin', name: string): Promise<AgentPage> {
  if (!browser || !desktop) throw new Error('The browser or the desktop did not start.');
  const session = await openDesktop(browser, desktop.url, role, name);
  open.push(session);
  return session;
}

async function openView(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Side navigation' }).getByRole('button', { name: link }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

/** The number beside a reason code in the chart, 0 while it has no row. */
async function chartCount(page: Page, reason: string): Promise<number> {
  const row = page.getByRole('region', { name: viewStrings.byReasonHeading }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: reason, exact: true }) });
  return (await row.count()) === 0 ? 0 : Number(await row.getByRole('cell').first().textContent());
}

async function reasonOptions(page: Page): Promise<string[]> {
  return page.getByRole('combobox', { name: strings.reasonCode }).locator('option').allTextContents();
}

beforeAll(async () => {
  desktop = await startDesktop({ port: DESKTOP_PORT });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const session of open.splice(0)) await session.close();
  await browser?.close();
  await desktop?.close();
});

describe('supervisors and admins in Flex', () => {
  it('an agent sees no views; a supervisor watches the chart change when an agent completes a task', async () => {
    const agent = await desktopAs('agent', 'Alice Agent');
    expect(await agent.page.getByRole('navigation', { name: 'Side navigation' }).getByRole('button').allTextContents()).toEqual(['Agent desktop']);

    const supervisor = await desktopAs('supervisor', 'Sam Supervisor');
    await openView(supervisor.page, strings.dashboardLink, viewStrings.dashboardHeading);
    await supervisor.page.getByRole('region', { name: viewStrings.byReasonHeading }).getByText(/interactions|No interactions/).first().waitFor();
    const reason = 'Callback requested';
    const before = await chartCount(supervisor.page, reason);
    // A supervisor is not offered the admins' editor.
    expect(await supervisor.page.getByRole('button', { name: strings.reasonCodesLink }).count()).toBe(0);

    await agent.ringIn(uniquePhone());
    await agent.openHistory();
    await agent.page.getByRole('combobox', { name: strings.reasonCode }).selectOption(reason);
    await agent.page.getByRole('button', { name: 'Complete' }).click();
    await agent.page.getByText('Task completed.').waitFor();

    await eventually(async () => expect(await chartCount(supervisor.page, reason)).toBe(before + 1));
    await screenshot(supervisor.page, 'supervisor-outcomes');
  });

  it('an admin retires a reason code and an agent’s open form drops it', async () => {
    const support = DEMO_QUEUES.find((queue) => queue.name === 'Support');
    if (!support) throw new Error('no Support queue in the demo');
    const retiring = `Escalated ${Date.now()}`;
    await db.doc(`reasonCodeLists/${support.sid}`).set({
      scope: 'queue',
      queueName: support.name,
      codes: [
        { id: 'e2e-keep', label: 'Question answered', active: true },
        { id: 'e2e-retire', label: retiring, active: true },
      ],
      reasonCodeRequired: true,
      updatedAt: new Date(),
      updatedBy: 'e2e-seed',
    });

    const agent = await desktopAs('agent', 'Alice Agent');
    await agent.page.getByLabel('Queue').selectOption({ label: support.name });
    await agent.ringIn(uniquePhone());
    await agent.openHistory();
    await eventually(async () => expect(await reasonOptions(agent.page)).toContain(retiring));

    const admin = await desktopAs('admin', 'Ada Admin');
    await openView(admin.page, strings.reasonCodesLink, viewStrings.reasonCodesHeading);
    await admin.page.getByRole('combobox', { name: viewStrings.listPicker }).selectOption({ label: viewStrings.queueListName(support.name) });
    await admin.page.getByRole('button', { name: `${viewStrings.retire} ${retiring}` }).click();
    await admin.page.getByText(viewStrings.saved).waitFor();

    await eventually(async () => expect(await reasonOptions(agent.page)).toEqual([strings.chooseReason, 'Question answered']));
    await admin.page.getByText(`${retiring} (${viewStrings.retired})`).waitFor();
    await screenshot(admin.page, 'admin-reason-codes');
  });

  it('an admin files a capture failure under a customer, and it appears in that customer’s history', async () => {
    const taskSid = newTaskSid();
    // No phone number anywhere in the attributes: the webhook cannot attribute it.
    const response = await postCallback(completedTaskParameters({ taskSid, attributes: { conversations: { outcome: 'Billing' } } }));
    expect(response.status).toBe(202);
    const customer = uniquePhone();

    const admin = await desktopAs('admin', 'Ada Admin');
    await openView(admin.page, strings.dashboardLink, viewStrings.dashboardHeading);
    const phone = admin.page.getByRole('textbox', { name: viewStrings.fileUnderLabel(taskSid) });
    await phone.fill('not a number');
    await phone.press('Enter');
    await admin.page.getByText(viewStrings.invalidPhone).waitFor();
    await phone.fill(customer);
    await phone.press('Enter');

    // Filed: the record stays, marked resolved, with the customer's history a click away.
    await admin.page.getByText(viewStrings.resolvedUnder(customer)).waitFor();
    await screenshot(admin.page, 'capture-failures');
    await admin.page.getByRole('button', { name: viewStrings.openHistory(customer) }).first().click();
    await admin.page.getByRole('heading', { name: viewStrings.historyHeading(customer) }).waitFor();
    await admin.page.getByRole('cell', { name: 'Billing' }).waitFor();
    await screenshot(admin.page, 'customer-history-from-dashboard');
    expect((await db.doc(`captureFailures/${taskSid}`).get()).get('resolved')).toBe(true);
  });
});
