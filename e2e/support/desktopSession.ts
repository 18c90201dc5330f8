/** Opens the local agent desktop as a given worker and rings in tasks, as a person would. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDesktop, type RunningDesktop } from '../../desktop/server.js';
import { launchChromium, recordPageErrors } from './browser.js';

export interface AgentPage {
  readonly page: Page;
  readonly errors: string[];
  ringIn(phone: string, channel?: 'Voice call' | 'SMS' | 'WhatsApp'): Promise<void>;
  openHistory(): Promise<void>;
  close(): Promise<void>;
}

export interface DesktopOptions {
  /** Answer the plugin's token-minting calls with this HTTP status instead of a token, as an outage would. */
  readonly mintFailsWith?: number;
}

export async function openDesktop(
  browser: Browser,
  desktopUrl: string,
  role: Role,
  name: string,
  options: DesktopOptions = {},
): Promise<AgentPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
  const { mintFailsWith } = options;
  if (mintFailsWith !== undefined) {
    await context.route('**/mintFirebaseToken', (route) =>
      route.fulfill({
        status: mintFailsWith,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'upstreamUnavailable', message: 'Temporarily unavailable; retry later.' } }),
      }),
    );
  }
  const page = await context.newPage();
  const errors = recordPageErrors(page);
  await page.goto(`${desktopUrl}?role=${role}&name=${encodeURIComponent(name)}`);
  await page.getByText(`Signed in as ${name}`).waitFor();
  return {
    page,
    errors,
    async ringIn(phone, channel = 'Voice call') {
      await page.getByLabel('Caller number').fill(phone);
      await page.getByLabel('Channel').selectOption({ label: channel });
      await page.getByRole('button', { name: 'Ring in' }).click();
    },
    async openHistory() {
      await page.getByRole('tab', { name: 'History' }).click();
      await page.getByRole('heading', { name: 'Past interactions' }).waitFor();
    },
    async close() {
      expect(errors, 'uncaught errors on the page').toEqual([]);
      await context.close();
    },
  };
}

export type Role = 'agent' | 'supervisor' | 'admin';

/**
 * For a test file: starts the local desktop and Chromium before its tests and
 * closes them after, with every page opened through the returned function
 * (each checked for uncaught errors as it closes).
 */
export function desktopForTestFile(): (role: Role, name: string, options?: DesktopOptions) => Promise<AgentPage> {
  // Undefined until beforeAll has started them, and still undefined in afterAll if it failed.
  let browser: Browser | undefined;
  let desktop: RunningDesktop | undefined;
  const open: AgentPage[] = [];

  beforeAll(async () => {
    desktop = await startDesktop();
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    for (const agent of open.splice(0)) await agent.close();
    await browser?.close();
    await desktop?.close();
  });

  return async (role, name, options) => {
    if (!browser || !desktop) throw new Error('The browser or the desktop did not start.');
    const agent = await openDesktop(browser, desktop.url, role, name, options);
    open.push(agent);
    return agent;
  };
}
