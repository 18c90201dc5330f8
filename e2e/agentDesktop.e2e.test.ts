/**
 * End to end, as a new user would see it: the real plugin bundle in the local
 * agent desktop, Debian's Chromium, the emulators with the real rules, and
 * completions travelling through the signed webhook and the stats trigger.
 */
import { describe, expect, it } from 'vitest';
import { en as strings } from '../plugin/src/strings/en.js';
import { adminFirestore, eventually } from '../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../test-support/taskrouter.js';
import { screenshot } from './support/browser.js';
import { desktopForTestFile } from './support/desktopSession.js';

const desktopAs = desktopForTestFile();
const db = adminFirestore();

async function seedCustomer(phone: string, firstName: string, lastName: string, history: { outcome: string; comment: string; daysAgo: number }[] = []) {
  await db.doc(`customers/${phone}`).set({ phone, firstName, lastName, createdAt: new Date(), createdBy: 'e2e-seed' });
  for (const entry of history) {
    const response = await postCallback(
      completedTaskParameters({
        completedAt: new Date(Date.now() - entry.daysAgo * 86_400_000),
        attributes: { from: phone, conversations: { outcome: entry.outcome }, interactionHistory: { comment: entry.comment } },
      }),
    );
    expect(response.status).toBe(201);
  }
}

describe('an agent working tasks in the desktop', () => {
  it('sees the history of a known caller, newest first', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone, 'Ada', 'Lovelace', [
      { outcome: 'Order placed', comment: 'First order', daysAgo: 9 },
      { outcome: 'Billing', comment: 'Invoice fixed', daysAgo: 1 },
    ]);
    const agent = await desktopAs('agent', 'Alice Agent');

    await agent.ringIn(phone);
    await agent.openHistory();

    await agent.page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    await agent.page.getByRole('cell', { name: 'First order' }).waitFor();
    const comments = await agent.page.getByRole('row').evaluateAll((rows) => rows.slice(1).map((row) => row.children[5]?.textContent));
    expect(comments).toEqual(['Invoice fixed', 'First order']);
    await screenshot(agent.page, 'history-known-caller');
  });

  it('cannot complete without a reason code: a notification says why and the History tab comes forward', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone, 'Grace', 'Hopper');
    const agent = await desktopAs('agent', 'Bob Agent');
    await agent.ringIn(phone);
    expect(await agent.page.getByRole('tab', { name: 'Info' }).getAttribute('aria-selected')).toBe('true');

    await agent.page.getByRole('button', { name: 'Complete' }).click();

    await agent.page.getByRole('alert').filter({ hasText: strings.outcomeRequired }).waitFor();
    await eventually(async () => expect(await agent.page.getByRole('tab', { name: 'History' }).getAttribute('aria-selected')).toBe('true'));
    expect(await agent.page.getByRole('navigation', { name: 'Tasks' }).getByRole('button', { name: phone }).count()).toBe(1);
    // The reason code says what is missing and has the keyboard, though its tab was not on screen when completion was refused.
    const reason = agent.page.getByRole('combobox', { name: strings.reasonCode });
    await agent.page.getByText(strings.outcomeRequiredInline).waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await eventually(async () => expect(await reason.evaluate((element) => element === document.activeElement)).toBe(true));
    await screenshot(agent.page, 'completion-blocked');
  });

  it('completes with a reason and comment, and another agent sees the interaction appear live without reloading', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone, 'Katherine', 'Johnson');
    const watcher = await desktopAs('agent', 'Dana Watcher');
    await watcher.ringIn(phone);
    await watcher.openHistory();
    await watcher.page.getByText(strings.historyEmpty).waitFor();
    const agent = await desktopAs('agent', 'Carol Agent');
    await agent.ringIn(phone);
    await agent.openHistory();
    const comment = `Live update check ${Date.now()} 👍`;

    await agent.page.getByLabel(strings.reasonCode).selectOption('Billing');
    await agent.page.getByLabel(strings.comment).fill(comment);
    await agent.page.getByRole('button', { name: 'Complete' }).click();

    await agent.page.getByRole('status').filter({ hasText: 'Task completed.' }).waitFor();
    await watcher.page.getByRole('cell', { name: comment }).waitFor({ timeout: 30_000 });
    const row = watcher.page.getByRole('row').filter({ hasText: comment });
    expect(await row.textContent()).toContain('Billing');
    expect(await row.textContent()).toContain('Carol Agent');
    await screenshot(agent.page, 'completed-task');
    await screenshot(watcher.page, 'live-update-other-agent');
  });
});

describe('when the history cannot be reached', () => {
  it('still lets the agent choose a reason code and complete, and the interaction is captured', async () => {
    const phone = uniquePhone();
    const agent = await desktopAs('agent', 'Erin Offline', { mintFailsWith: 503 });
    await agent.ringIn(phone);
    await agent.page.getByRole('tab', { name: 'History' }).click();

    const alert = agent.page.getByRole('alert').filter({ hasText: strings.signInFailed });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(strings.outcomeWithoutHistory);
    await screenshot(agent.page, 'history-unavailable');
    await agent.page.getByLabel(strings.reasonCode).selectOption('Complaint');
    await agent.page.getByRole('button', { name: 'Complete' }).click();

    await agent.page.getByRole('status').filter({ hasText: 'Task completed.' }).waitFor();
    await eventually(async () => {
      const stored = await db.collection(`customers/${phone}/interactions`).get();
      expect(stored.docs.map((interaction): unknown => interaction.get('outcome'))).toEqual(['Complaint']);
    });
  });
});

describe('an unknown caller', () => {
  it('can be created, with empty fields and an already-used number refused', async () => {
    const phone = uniquePhone();
    const first = await desktopAs('agent', 'Erin Agent');
    const second = await desktopAs('agent', 'Frank Agent');
    for (const agent of [first, second]) {
      await agent.ringIn(phone);
      await agent.openHistory();
      await agent.page.getByText(strings.unknownCaller(phone)).waitFor();
    }
    expect(await first.page.getByRole('textbox', { name: strings.phone, exact: true }).inputValue()).toBe(phone);

    await first.page.getByRole('button', { name: strings.createCustomer }).click();
    expect(await first.page.getByText(strings.fieldErrors['required'] ?? '').count()).toBe(2);
    await screenshot(first.page, 'create-customer-refused-empty');

    await first.page.getByRole('textbox', { name: strings.firstName }).fill('Hedy');
    await first.page.getByRole('textbox', { name: strings.lastName }).fill('Lamarr');
    await first.page.getByRole('button', { name: strings.createCustomer }).click();
    await first.page.getByRole('status').filter({ hasText: strings.customerCreated }).waitFor();
    await first.page.getByRole('heading', { name: 'Hedy Lamarr' }).waitFor();
    await screenshot(first.page, 'customer-created');

    await second.page.getByRole('textbox', { name: strings.firstName }).fill('Someone');
    await second.page.getByRole('textbox', { name: strings.lastName }).fill('Else');
    await second.page.getByRole('button', { name: strings.createCustomer }).click();
    await second.page.getByRole('alert').filter({ hasText: strings.duplicatePhone(phone) }).waitFor();
    await screenshot(second.page, 'duplicate-number-refused');
    expect((await db.doc(`customers/${phone}`).get()).get('firstName')).toBe('Hedy');
  });
});

describe('searching another number', () => {
  it('files the completed task under the customer found, not the phone it came from', async () => {
    const caller = uniquePhone();
    const searched = uniquePhone();
    await seedCustomer(searched, 'Margaret', 'Hamilton');
    const agent = await desktopAs('agent', 'Gina Agent');
    await agent.ringIn(caller);
    await agent.openHistory();

    const digits = searched.slice(2);
    await agent.page.getByRole('textbox', { name: strings.searchLabel }).fill(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`);
    await agent.page.getByRole('button', { name: strings.searchButton }).click();
    await agent.page.getByRole('heading', { name: 'Margaret Hamilton' }).waitFor();
    await agent.page.getByText(strings.showingSearched(searched)).waitFor();
    await screenshot(agent.page, 'searched-customer');
    await agent.page.getByLabel(strings.reasonCode).selectOption('Question answered');
    await agent.page.getByRole('button', { name: 'Complete' }).click();
    await agent.page.getByRole('status').filter({ hasText: 'Task completed.' }).waitFor();

    const filed = await db.collection(`customers/${searched}/interactions`).get();
    expect(filed.docs.map((doc): unknown => doc.get('from'))).toEqual([caller]);
    expect((await db.collection(`customers/${caller}/interactions`).get()).size).toBe(0);
  });

  it('can go back to the caller', async () => {
    const caller = uniquePhone();
    const searched = uniquePhone();
    await seedCustomer(caller, 'Caller', 'Person');
    await seedCustomer(searched, 'Other', 'Person');
    const agent = await desktopAs('agent', 'Hal Agent');
    await agent.ringIn(caller);
    await agent.openHistory();
    await agent.page.getByRole('textbox', { name: strings.searchLabel }).fill(searched);
    await agent.page.getByRole('button', { name: strings.searchButton }).click();
    await agent.page.getByRole('heading', { name: 'Other Person' }).waitFor();

    await agent.page.getByRole('button', { name: strings.backToCaller(caller) }).click();

    await agent.page.getByRole('heading', { name: 'Caller Person' }).waitFor();
  });
});

describe('roles', () => {
  it('shows the delete control to an admin and not to an agent', async () => {
    const phone = uniquePhone();
    await seedCustomer(phone, 'Barbara', 'Liskov');
    const admin = await desktopAs('admin', 'Ivy Admin');
    const agent = await desktopAs('agent', 'Jack Agent');
    for (const worker of [admin, agent]) {
      await worker.ringIn(phone);
      await worker.openHistory();
      await worker.page.getByRole('heading', { name: 'Barbara Liskov' }).waitFor();
    }

    expect(await admin.page.getByRole('button', { name: strings.deleteCustomer }).count()).toBe(1);
    expect(await agent.page.getByRole('button', { name: strings.deleteCustomer }).count()).toBe(0);
    await screenshot(admin.page, 'admin-sees-delete');
  });
});

describe('the built plugin bundle', () => {
  it('initialises in the stand-in Flex, adds its tab and registers its completion guard, without page errors', async () => {
    const agent = await desktopAs('agent', 'Kim Agent');
    // The shell loads the bundle after sign-in, as Flex loads plugins after login.
    await agent.page.waitForFunction(() => document.querySelector('script[src$="plugin-interaction-history.js"]') !== null);
    await agent.page.waitForFunction(
      () => (window as unknown as { __standInFlex: { registeredTabs: unknown[] } }).__standInFlex.registeredTabs.length > 0,
      undefined,
      { timeout: 15_000 },
    );

    const registered = await agent.page.evaluate(() => {
      const flex = (window as unknown as { __standInFlex: { registeredTabs: { element: { props: { uniqueName: string } } }[]; listenerCount(name: string): number } }).__standInFlex;
      return { tabs: flex.registeredTabs.map((tab) => tab.element.props.uniqueName), guards: flex.listenerCount('beforeCompleteTask') };
    });

    expect(registered).toEqual({ tabs: ['interaction-history'], guards: 1 });
    expect(agent.errors).toEqual([]);
  });
});
