/**
 * `npm run bench`: what agents and supervisors feel, measured on the local
 * emulator suite, each figure in the same run as its comparison. Prints one
 * table and writes bench/results/latest.json. `--quick` runs smaller counts
 * (a smoke test of the benchmark itself, not figures to record).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { adminFirestore } from '../test-support/localStack.js';
import { REPO_ROOT } from '../local-stack/localStack.js';
import { benchOpenHistory } from './scenarios/openHistory.js';
import { benchBurst, benchEventToScreen, benchHotCustomer, warmWorkerPool } from './scenarios/pipeline.js';
import { benchDashboard, historyOpenCost, USD_PER_100K_READS } from './scenarios/dashboard.js';
import { interaction } from './scenarios/openHistory.js';
import { benchPluginWeight } from './scenarios/pluginWeight.js';
import { benchLostCallbacks } from './scenarios/lostCallbacks.js';

process.env['METADATA_SERVER_DETECTION'] ??= 'none';
const quick = process.argv.includes('--quick');
/** `--only lost-callbacks`: scenario 8 alone (the others take most of the run), written to its own JSON file. */
const onlyLostCallbacks = process.argv.includes('lost-callbacks') && process.argv.includes('--only');
const plan = quick
  ? { rounds: 3, oursSizes: [10, 1000], baselineSizes: [10, 1000], events: 20, burst: 100, concurrency: 20, customers: 10, hot: 20, mints: 5, dashboardRounds: 2, interactionsPerDay: 5_000, lostTasks: 40, lostCustomers: 8 }
  : { rounds: 15, oursSizes: [10, 1000, 10000], baselineSizes: [10, 1000, 5000], events: 200, burst: 1000, concurrency: 50, customers: 100, hot: 100, mints: 30, dashboardRounds: 9, interactionsPerDay: 50_000, lostTasks: 500, lostCustomers: 50 };

const log = (line: string) => console.log(`[bench] ${line}`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function lostCallbackRows(lost: Awaited<ReturnType<typeof benchLostCallbacks>>): [string, string][] {
  return [
    [`8. ${lost.tasks} tasks, callbacks 503 or dropped: stored before reconciliation`, `${lost.storedBeforeReconciliation} (${lost.callbacksRefused} callbacks answered 503)`],
    [`8. reconciliation: ${lost.eventsRead} events read, recovered; already stored; errors`, `${lost.reconciliationMs} ms: ${lost.recovered}; ${lost.alreadyStored}; ${lost.errors}`],
    ['8. all stats exact after (from the start of reconciliation)', lost.statsSettledMs === null ? 'did not settle' : `${lost.statsSettledMs} ms`],
    ['8. check: stored exactly once; with their worker; stats total; second run recovered', `${lost.storedExactlyOnce}; ${lost.withTheirWorker}; ${lost.statsTotal}; ${lost.secondRunRecovered}`],
  ];
}

async function onlyLostCallbacksScenario() {
  log('8 nothing lost: callbacks refused (503) or dropped, then reconciliation…');
  const lostCallbacks = await benchLostCallbacks(adminFirestore(), plan.lostTasks, plan.lostCustomers, 20);
  const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, quick, lostCallbacks };
  const outputDir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, 'lost-callbacks.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nBenchmark 8 ${results.date} · ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}${quick ? ' · QUICK' : ''}\n`);
  const rows = lostCallbackRows(lostCallbacks);
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log('\nJSON: bench/results/lost-callbacks.json');
  process.exit(0);
}

async function main() {
  if (onlyLostCallbacks) return onlyLostCallbacksScenario();
  const db = adminFirestore();
  log('5/6 plugin weight…');
  const pluginWeight = await benchPluginWeight();
  log('1/6 opening the history…');
  const openHistory = await benchOpenHistory(plan);
  log('2/6 event to screen…');
  const eventToScreen = await benchEventToScreen(plan.events);
  log('3/6 burst (after a ramp that warms the emulator\'s worker pool)…');
  await warmWorkerPool(plan.concurrency);
  const burst = await benchBurst(db, plan.burst, plan.concurrency, plan.customers);
  log('4/6 hot customer…');
  const hotCustomer = await benchHotCustomer(db, plan.hot);
  log('8/8 nothing lost: callbacks refused (503) or dropped, then reconciliation…');
  const lostCallbacks = await benchLostCallbacks(db, plan.lostTasks, plan.lostCustomers, 20);
  log('7/8 the supervisors\' dashboard…');
  const dashboard = await benchDashboard({ rounds: plan.dashboardRounds, interactionsPerDay: plan.interactionsPerDay });
  const historyCost = historyOpenCost([10, 1000, 10000], 10, interaction);
  log('6/6 token minting…');
  // Loaded last: it brings nock, which intercepts every HTTP request of this process once loaded.
  const { benchTokenMinting } = await import('./scenarios/tokenMinting.js');
  const tokenMinting = await benchTokenMinting(plan.mints, 150);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    quick,
    openHistory,
    eventToScreen,
    burst,
    hotCustomer,
    pluginWeight,
    tokenMinting,
    lostCallbacks,
    dashboard,
    historyCost,
  };
  const outputDir = join(REPO_ROOT, 'bench', 'results');
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);

  const rows: [string, string][] = [];
  for (const [size, summary] of Object.entries(openHistory.ours)) rows.push([`1. open history, ours, ${size} interactions (median)`, `${summary.medianMs} ms`]);
  for (const [size, summary] of Object.entries(openHistory.baseline)) {
    rows.push([`1. open history, sample's design, ${size} interactions (median)`, `${summary.medianMs} ms (document ${kb(openHistory.baselineDocumentBytes[size] ?? 0)})`]);
  }
  rows.push([`1. ours, largest ÷ smallest history`, `${openHistory.oursRatioLargestToSmallest}×`]);
  rows.push([`2. event to screen (median / p95, ${eventToScreen.samples} events)`, `${eventToScreen.medianMs} / ${eventToScreen.p95Ms} ms, lost ${eventToScreen.lost}`]);
  rows.push([`3. burst ${burst.events} at concurrency ${burst.concurrency}`, `${burst.eventsPerSecond} events/s`]);
  rows.push(['3. burst response time (median / p99)', `${burst.response.medianMs} / ${burst.response.p99Ms} ms`]);
  rows.push(['3. burst check: answers; stored; distinct; stats', `${JSON.stringify(burst.statuses)}; ${burst.storedInteractions}; ${burst.distinctTaskSids}; ${burst.statsCount}`]);
  rows.push(['3. burst: all stats settled after', burst.statsSettledMs === null ? 'did not settle' : `${burst.statsSettledMs} ms`]);
  rows.push([`4. hot customer, ${hotCustomer.completions} at once: stats settled after`, hotCustomer.statsSettledMs === null ? 'did not settle' : `${hotCustomer.statsSettledMs} ms`]);
  rows.push(['4. hot customer: interactionCount', String(hotCustomer.interactionCount)]);
  rows.push(['5. plugin bundle (minified / gzip)', `${kb(pluginWeight.minifiedBytes)} / ${kb(pluginWeight.gzipBytes)} (budget ${kb(pluginWeight.budgetGzipBytes)})`]);
  for (const group of pluginWeight.groups.filter((entry) => entry.minifiedBytes > 0)) {
    rows.push([`5.   ${group.group}`, `${kb(group.minifiedBytes)} / ${kb(group.gzipBytes)} gzip alone`]);
  }
  rows.push(['5. views bundle, supervisors and admins only (minified / gzip)', `${kb(pluginWeight.views.minifiedBytes)} / ${kb(pluginWeight.views.gzipBytes)} (budget ${kb(pluginWeight.views.budgetGzipBytes)})`]);

  rows.push([`6. mint, cache cold (Twilio answers after ${tokenMinting.twilioDelayMs} ms), median`, `${tokenMinting.cold.medianMs} ms`]);
  rows.push(['6. mint, cache warm, median', `${tokenMinting.warm.medianMs} ms`]);
  rows.push(...lostCallbackRows(lostCallbacks));

  const reads = (count: number, bytes: number) => `${count} documents, ${kb(bytes)}`;
  rows.push([`7. dashboard, a day of ${dashboard.interactionsPerDay} interactions (median)`, `${dashboard.day.open.medianMs} ms; ${reads(dashboard.day.documentsRead, dashboard.day.bytes)}`]);
  rows.push(['7. dashboard, last 7 days (median)', `${dashboard.week.open.medianMs} ms; ${reads(dashboard.week.documentsRead, dashboard.week.bytes)}`]);
  rows.push(['7. dashboard, last 30 days (median)', `${dashboard.month.open.medianMs} ms; ${reads(dashboard.month.documentsRead, dashboard.month.bytes)}`]);
  rows.push(['7. dashboard check: interactions summed for the day', String(dashboard.day.interactionsSummed)]);
  rows.push([`7. price per open at $${USD_PER_100K_READS}/100k reads: day / 7 / 30 days; raw day`, `$${dashboard.usdPerOpen.day} / $${dashboard.usdPerOpen.week} / $${dashboard.usdPerOpen.month}; $${dashboard.usdPerOpen.rawDay}`]);
  for (const row of historyCost) {
    rows.push([`8. open History tab, ${row.historySize} interactions: ours; sample's design`, `${reads(row.ours.documentsRead, row.ours.bytes)}; ${reads(row.sample.documentsRead, row.sample.bytes)}`]);
  }

  const width = Math.max(...rows.map(([label]) => label.length));
  console.log(`\nBenchmarks ${results.date} · ${results.machine.cpus} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}${quick ? ' · QUICK' : ''}\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
  console.log(`\nJSON: bench/results/latest.json`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
