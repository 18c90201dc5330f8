/**
 * Screenshots of the supervisor and admin views over the demo month, for the
 * README (docs/screenshots/). Run inside the emulators, after `npm run build`:
 *
 *   npm run with-emulators -- tsx e2e/screenshots.ts
 *
 * The browser tests save their own screenshots in test-results/screenshots/;
 * these show the views as `npm start` does, with a month of data.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seedDemoData } from '../desktop/demoData.js';
import { startDesktop } from '../desktop/server.js';
import { REPO_ROOT } from '../local-stack/localStack.js';
import { en as strings } from '../plugin/src/strings/en.js';
import { viewsEn as viewStrings } from '../plugin/src/strings/views.en.js';
import { launchChromium } from './support/browser.js';

const OUT = join(REPO_ROOT, 'docs', 'screenshots');

async function signIn(page: Page, url: string, role: 'supervisor' | 'admin', name: string): Promise<void> {
  await page.goto(`${url}?role=${role}&name=${encodeURIComponent(name)}`);
  await page.getByText(`Signed in as ${name}`).waitFor();
}

async function openView(page: Page, link: string, heading: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Side navigation' }).getByRole('button', { name: link }).click();
  await page.getByRole('heading', { name: heading, exact: true }).waitFor();
}

const shoot = (page: Page, name: string) => page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });

process.env['METADATA_SERVER_DETECTION'] ??= 'none';
mkdirSync(OUT, { recursive: true });
const seeded = await seedDemoData();
console.log(`[screenshots] demo data: ${seeded.interactions} interactions`);
const desktop = await startDesktop({ port: 3000 });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, desktop.url, 'admin', 'Ada Admin');
  await openView(page, strings.dashboardLink, viewStrings.dashboardHeading);
  await page.getByLabel(viewStrings.periods.last30).check();
  await page.getByRole('region', { name: viewStrings.byReasonHeading }).getByRole('row').nth(3).waitFor();
  // The trigger may still be counting the last demo events: let the live chart settle.
  await page.waitForTimeout(3000);
  await shoot(page, 'supervisor-outcomes');

  await page.getByRole('heading', { name: viewStrings.failuresHeading }).scrollIntoViewIfNeeded();
  await page.locator('section[aria-labelledby="supervisor-failures"]').screenshot({ path: join(OUT, 'capture-failures.png') });
  await page.locator('section[aria-labelledby="supervisor-missing"]').screenshot({ path: join(OUT, 'missing-outcomes.png') });

  await page.locator('section[aria-labelledby="supervisor-missing"]').getByRole('button').first().click();
  await page.getByRole('heading', { name: /^History of / }).waitFor();
  await page.getByRole('table').first().waitFor();
  await shoot(page, 'customer-history-from-dashboard');

  await openView(page, strings.reasonCodesLink, viewStrings.reasonCodesHeading);
  await page.getByRole('combobox', { name: viewStrings.listPicker }).selectOption({ label: viewStrings.queueListName('Internal transfers') });
  await page.getByRole('checkbox', { name: viewStrings.required }).waitFor();
  await shoot(page, 'admin-reason-codes-queue');
  await page.getByRole('combobox', { name: viewStrings.listPicker }).selectOption({ label: viewStrings.globalList });
  await page.getByRole('button', { name: `${viewStrings.rename} Billing` }).waitFor();
  await shoot(page, 'admin-reason-codes');
  console.log(`[screenshots] saved in ${OUT}`);
} finally {
  await browser.close();
  await desktop.close();
}
