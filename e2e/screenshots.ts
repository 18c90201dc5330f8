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
/** The demo data is deterministic (seeding again adds nothing): on a busy machine, a webhook that answered 503 is simply asked again. */
async function seed(attempts = 4): Promise<Awaited<ReturnType<typeof seedDemoData>>> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await seedDemoData();
    } catch (error) {
      if (attempt >= attempts) throw error;
      console.warn(`[screenshots] seeding failed (${error instanceof Error ? error.message : String(error)}); again`);
    }
  }
}
const seeded = await seed();
console.log(`[screenshots] demo data: ${seeded.interactions} interactions`);
const desktop = await startDesktop({ port: 3000 });
const browser = await launchChromium();
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await signIn(page, desktop.url, 'admin', 'Ada Admin');
  await openView(page, strings.dashboardLink, viewStrings.dashboardHeading);
  await page.getByLabel(viewStrings.periods.last30).check();
  await page.getByRole('region', { name: viewStrings.byReasonHeading }).getByRole('row').nth(3).waitFor();
  // The dashboard trigger may still be counting the demo month: wait until the live total stops moving.
  const caption = page.getByRole('region', { name: viewStrings.byReasonHeading }).locator('caption');
  let last = '';
  for (let stableFor = 0, waited = 0; stableFor < 3 && waited < 240; waited += 5) {
    await page.waitForTimeout(5000);
    const now = (await caption.textContent()) ?? '';
    stableFor = now === last ? stableFor + 1 : 0;
    last = now;
  }
  console.log(`[screenshots] ${last}`);
  await page.screenshot({ path: join(OUT, 'supervisor-outcomes.png') });

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
