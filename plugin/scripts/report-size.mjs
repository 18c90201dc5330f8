// Prints each bundle's minified and gzip sizes, split by where the bytes come
// from (read off the source map), and fails the build past a budget: the
// agents' bundle, and the supervisor and admin views' bundle that agents never
// download.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

export const BUNDLE = new URL('../dist/plugin-interaction-history.js', import.meta.url);
export const VIEWS_BUNDLE = new URL('../dist/plugin-interaction-history-views.js', import.meta.url);
const BUDGET_GZIP_BYTES = 160 * 1024;
/** Loaded once per supervisor or admin session, on opening a view; it borrows Firebase from the agents' bundle. */
const VIEWS_BUDGET_GZIP_BYTES = 80 * 1024;

const GROUPS = [
  ['Firebase', /node_modules\/(@firebase|firebase|idb|tslib)\//],
  ['UI (Paste tokens)', /node_modules\/@twilio-paste\//],
  ['Phone library', /node_modules\/libphonenumber-js\//],
  ['Schema library (zod)', /node_modules\/zod\//],
  ['React JSX runtime', /node_modules\/react\//],
  ['Our code', /./],
];

function groupOf(source) {
  return (GROUPS.find(([, pattern]) => pattern.test(source)) ?? GROUPS[GROUPS.length - 1])[0];
}

export function measureBundle(bundle = BUNDLE, budgetGzipBytes = BUDGET_GZIP_BYTES) {
  const code = readFileSync(bundle, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(new URL(`${bundle.href}.map`), 'utf8')));
  const lines = code.split('\n');
  const parts = new Map(GROUPS.map(([group]) => [group, []]));
  // Walk the mappings in order and give each generated span to the group of its source.
  let previous = null;
  const flush = (until) => {
    if (!previous) return;
    const line = lines[previous.generatedLine - 1] ?? '';
    const end = until && until.generatedLine === previous.generatedLine ? until.generatedColumn : line.length;
    parts.get(groupOf(previous.source ?? ''))?.push(line.slice(previous.generatedColumn, end));
  };
  map.eachMapping((mapping) => {
    flush(mapping);
    previous = mapping;
  });
  flush(null);
  const total = Buffer.byteLength(code);
  const gzip = gzipSync(code, { level: 9 }).length;
  const groups = [...parts].map(([group, spans]) => {
    const text = spans.join('');
    return { group, minifiedBytes: Buffer.byteLength(text), gzipBytes: text ? gzipSync(text, { level: 9 }).length : 0 };
  });
  return { minifiedBytes: total, gzipBytes: gzip, budgetGzipBytes, groups };
}

/** The supervisor and admin views' bundle. */
export const measureViewsBundle = () => measureBundle(VIEWS_BUNDLE, VIEWS_BUDGET_GZIP_BYTES);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const reports = { agent: measureBundle(), views: measureViewsBundle() };
  const files = { agent: 'plugin-interaction-history.js', views: 'plugin-interaction-history-views.js' };
  let over = false;
  for (const [which, report] of Object.entries(reports)) {
    console.log(`\n${files[which]}: ${kb(report.minifiedBytes)} minified, ${kb(report.gzipBytes)} gzip (budget ${kb(report.budgetGzipBytes)} gzip)`);
    for (const { group, minifiedBytes, gzipBytes } of report.groups) {
      if (minifiedBytes > 0) console.log(`  ${group.padEnd(22)} ${kb(minifiedBytes).padStart(9)} minified  ${kb(gzipBytes).padStart(9)} gzip (alone)`);
    }
    if (report.gzipBytes > report.budgetGzipBytes) {
      console.error(`${files[which]} is over its budget by ${kb(report.gzipBytes - report.budgetGzipBytes)} gzip.`);
      over = true;
    }
  }
  // The agents' figures stay at the top level, as before; the views' beside them.
  writeFileSync(new URL('../dist/size.json', import.meta.url), JSON.stringify({ ...reports.agent, views: reports.views }, null, 2));
  if (over) process.exit(1);
}
