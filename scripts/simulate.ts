/**
 * `npm run simulate -- ...`: a stand-in TaskRouter for scripts and demos.
 * Sends one event, or a burst, signed with the local auth token, to a running
 * local stack, and reports what the webhook answered.
 */
import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@interaction-history/model';
import { percentile, runWithConcurrency } from '../local-stack/concurrency.js';
import { parseSimulateOptions, SIMULATE_USAGE, simulatedAttributes } from './lib/simulateOptions.js';
import { completedTaskParameters, postCallback } from '../local-stack/standInTaskRouter.js';

function randomUsPhone(): string {
  for (;;) {
    const candidate = `+1415${200 + (randomBytes(2).readUInt16BE() % 800)}${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}

async function main(): Promise<void> {
  const options = parseSimulateOptions(process.argv.slice(2).filter((argument) => argument !== '--'));
  if (options.help) {
    console.log(SIMULATE_USAGE);
    return;
  }
  const started = performance.now();
  const outcomes = await runWithConcurrency(options.count, options.concurrency, async () => {
    const phone = options.phone ?? randomUsPhone();
    const parameters = { ...completedTaskParameters({ attributes: simulatedAttributes(options, phone), channel: options.channel === 'voice' ? 'voice' : 'chat' }), EventType: options.event };
    const sent = performance.now();
    const response = await postCallback(parameters, options.url ? { url: options.url } : {});
    return { status: response.status, body: response.body, taskSid: parameters.TaskSid, phone, ms: performance.now() - sent };
  });
  const seconds = (performance.now() - started) / 1000;
  if (options.count === 1) {
    const [only] = outcomes;
    if (only) console.log(`${only.taskSid} (${only.phone}) → HTTP ${only.status} ${JSON.stringify(only.body)}`);
  } else {
    const byStatus = new Map<number, number>();
    for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
    console.log(`${options.count} events in ${seconds.toFixed(2)} s (${(options.count / seconds).toFixed(1)}/s) at concurrency ${options.concurrency}`);
    console.log(`answers: ${[...byStatus].map(([status, count]) => `${count}× HTTP ${status}`).join(', ')}`);
    console.log(`response time: median ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`);
  }
  if (outcomes.some((outcome) => outcome.status >= 300)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('Is the local stack running? Start it with `npm start`.');
  process.exitCode = 1;
});
