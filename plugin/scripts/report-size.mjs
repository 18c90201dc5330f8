// Prints the bundle's minified and gzip sizes, split by where the bytes come
// from (read off the source map), and fails the build past the budget.
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

export const BUNDLE = new URL('../dist/plugin-interaction-history.js', import.meta.url);
const BUDGET_GZIP_BYTES = 160 * 1024;

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

export function measureBundle() {
  const code = readFileSync(BUNDLE, 'utf8');
  const map = new SourceMapConsumer(JSON.parse(readFileSync(new URL(`${BUNDLE.href}.map`), 'utf8')));
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
  return { minifiedBytes: total, gzipBytes: gzip, budgetGzipBytes: BUDGET_GZIP_BYTES, groups };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = measureBundle();
  console.log(`\nplugin-interaction-history.js: ${kb(report.minifiedBytes)} minified, ${kb(report.gzipBytes)} gzip (budget ${kb(BUDGET_GZIP_BYTES)} gzip)`);
  for (const { group, minifiedBytes, gzipBytes } of report.groups) {
    if (minifiedBytes > 0) console.log(`  ${group.padEnd(22)} ${kb(minifiedBytes).padStart(9)} minified  ${kb(gzipBytes).padStart(9)} gzip (alone)`);
  }
  writeFileSync(new URL('../dist/size.json', import.meta.url), JSON.stringify(report, null, 2));
  if (report.gzipBytes > BUDGET_GZIP_BYTES) {
    console.error(`Bundle is over its budget by ${kb(report.gzipBytes - BUDGET_GZIP_BYTES)} gzip.`);
    process.exit(1);
  }
}
