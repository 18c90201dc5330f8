/**
 * Nothing lost, as a supervisor would see it: an agent completes a task while
 * the stand-in TaskRouter drops every callback (the desktop's switch); the
 * task is only in the stand-in's Events API until reconciliation runs (the
 * scheduled function's own use case, as `npm start` runs it), and then it
 * appears in another agent's open History tab without a reload.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDesktop, type RunningDesktop } from '../desktop/server.js';
import type { EventsApiServer } from '../local-stack/taskrouter/eventsApiServer.js';
import { localReconciliationEnv, startLocalEventsApi } from '../local-stack/taskrouter/localEventsApi.js';
import { en as strings } from '../plugin/src/strings/en.js';
import { readReconciliationSettings, scheduledRun } from '../scripts/lib/reconciliation.js';
import { adminFirestore } from '../test-support/localStack.js';
import { uniquePhone } from '../test-support/taskrouter.js';
import { launchChromium, screenshot } from './support/browser.js';
import { openDesktop, type AgentPage } from './support/desktopSession.js';

let browser: Browser | undefined;
let desktop: RunningDesktop | undefined;
let eventsApi: EventsApiServer | undefined;
const open: AgentPage[] = [];
const db = adminFirestore();

async function desktopAs(name: string): Promise<AgentPage> {
  if (!browser || !desktop) throw new Error('The browser or the desktop did not start.');
  const agent = await openDesktop(browser, desktop.url, 'agent', name);
  open.push(agent);
  return agent;
}

beforeAll(async () => {
  desktop = await startDesktop();
  eventsApi = await startLocalEventsApi({ port: 0 });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  for (const agent of open.splice(0)) await agent.close();
  await browser?.close();
  await eventsApi?.close();
  await desktop?.close();
});

describe('a task completed while TaskRouter\'s callbacks are dropped', () => {
  it('appears in another agent\'s open History tab once reconciliation runs', async () => {
    if (!eventsApi) throw new Error('The Events API did not start.');
    const phone = uniquePhone();
    // A known customer, as in the desktop's live-update test: the History tab then shows (and the plugin files
    // the outcome under) this profile.
    await db.doc(`customers/${phone}`).set({ phone, firstName: 'Rene', lastName: 'Recovered', createdAt: new Date(), createdBy: 'e2e-seed' });
    const watcher = await desktopAs('Gina Watcher');
    await watcher.ringIn(phone);
    await watcher.openHistory();
    await watcher.page.getByRole('heading', { name: 'Rene Recovered' }).waitFor();
    const agent = await desktopAs('Frank Dropped');
    await agent.ringIn(phone);
    await agent.openHistory();
    const comment = `Recovered by reconciliation ${Date.now()}`;
    await agent.page.getByLabel(strings.reasonCode).selectOption('Billing');
    await agent.page.getByLabel(strings.comment).fill(comment);

    await agent.page.getByLabel('Drop TaskRouter callbacks (reconciliation recovers the tasks)').check();
    await agent.page.getByRole('button', { name: 'Complete' }).click();
    await agent.page.getByRole('status').filter({ hasText: 'Its callbacks were dropped' }).waitFor();

    // The webhook heard nothing: the interaction is not there.
    expect((await db.collection(`customers/${phone}/interactions`).get()).size).toBe(0);
    expect(await watcher.page.getByRole('cell', { name: comment }).count()).toBe(0);

    // The Events API reads its dates to the second: a run in the completion's own second leaves it to the next run.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const status = await scheduledRun(db, readReconciliationSettings({ ...process.env, ...localReconciliationEnv(eventsApi.baseUrl) }));

    expect(status.errorCount).toBe(0);
    expect(status.recovered).toBeGreaterThanOrEqual(1);
    expect((await db.collection(`customers/${phone}/interactions`).get()).docs.map((doc): unknown => doc.get('comment'))).toEqual([comment]);
    await watcher.page.getByRole('cell', { name: comment }).waitFor({ timeout: 30_000 });
    const row = watcher.page.getByRole('row').filter({ hasText: comment });
    expect(await row.textContent()).toContain('Billing');
    expect(await row.textContent()).toContain('Frank Dropped');
    await screenshot(watcher.page, 'recovered-by-reconciliation');
  });
});
