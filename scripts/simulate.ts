/**
 * `npm run simulate -- ...`: a stand-in TaskRouter for scripts and demos.
 * Completes one task, or a burst, with every event of its lifecycle in
 * Twilio's documented shapes: all of them are kept for the stand-in's Events
 * API, and the workspace callbacks are sent, signed with the local auth token,
 * to a running local stack (unless told to drop them). Reports what the
 * webhook answered.
 */
import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@interaction-history/model';
import { percentile, runWithConcurrency } from '../local-stack/concurrency.js';
import { completedTaskEvents, DELIVERED_EVENT_TYPES, deliverTaskEvents } from '../local-stack/taskrouter/delivery.js';
import { parseSimulateOptions, SIMULATE_USAGE, simulatedAttributes } from './lib/simulateOptions.js';

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
  // The event whose answer is reported: task.completed, or the one type asked for with --event.
  const reported = options.event;
  const eventTypes = reported === 'task.completed' ? DELIVERED_EVENT_TYPES : [reported];
  const started = performance.now();
  const outcomes = await runWithConcurrency(options.count, options.concurrency, async () => {
    const phone = options.phone ?? randomUsPhone();
    const events = completedTaskEvents({ attributes: simulatedAttributes(options, phone), channel: options.channel === 'voice' ? 'voice' : 'chat' });
    const sent = performance.now();
    const delivery = await deliverTaskEvents(events, { dropRate: options.dropRate, eventTypes, ...(options.url ? { url: options.url } : {}) });
    const answer = delivery.answers.find((a) => a.eventType === reported);
    return { answer, delivery, phone, ms: performance.now() - sent };
  });
  const seconds = (performance.now() - started) / 1000;
  const dropped = outcomes.reduce((sum, outcome) => sum + outcome.delivery.dropped, 0);
  if (options.count === 1) {
    const [only] = outcomes;
    if (only) {
      const body = only.delivery.completed ? ` ${JSON.stringify(only.delivery.completed.body)}` : '';
      console.log(`${only.delivery.taskSid} (${only.phone}) → ${only.answer ? `HTTP ${only.answer.status}${body}` : `${reported} callback dropped`}`);
    }
  } else {
    const byStatus = new Map<string, number>();
    for (const outcome of outcomes) {
      const key = outcome.answer ? `HTTP ${outcome.answer.status}` : 'dropped';
      byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
    }
    const latencies = outcomes.map((outcome) => outcome.ms).sort((a, b) => a - b);
    console.log(`${options.count} events in ${seconds.toFixed(2)} s (${(options.count / seconds).toFixed(1)}/s) at concurrency ${options.concurrency}`);
    console.log(`answers: ${[...byStatus].map(([status, count]) => `${count}× ${status}`).join(', ')}`);
    console.log(`response time: median ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`);
  }
  if (dropped > 0) {
    console.log(`${dropped} callbacks dropped; every event is in the stand-in's Events API, where reconciliation finds them (npm start runs it regularly; or npm run reconcile -- --local-stack --from <time>).`);
  }
  if (outcomes.some((outcome) => outcome.delivery.answers.some((a) => a.status >= 300))) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('Is the local stack running? Start it with `npm start`.');
  process.exitCode = 1;
});
