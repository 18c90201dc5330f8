/**
 * `npm run simulate -- ...`: a stand-in TaskRouter for scripts and demos.
 * Completes one task, or a burst, sending each task's callbacks as TaskRouter
 * documents them, signed with the local auth token, to a running local stack,
 * and reports what the webhook answered.
 */
import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@interaction-history/model';
import { percentile, runWithConcurrency } from '../local-stack/concurrency.js';
import { parseSimulateOptions, SIMULATE_USAGE, simulatedAttributes } from './lib/simulateOptions.js';
import {
  capturedCallbacks,
  inDeliveryOrder,
  postCallback,
  taskEvents,
  type CallbackResponse,
} from '../local-stack/standInTaskRouter.js';
import { stableSid } from '../local-stack/taskrouter/lifecycle.js';

const worker = (name: string) => ({ workerSid: stableSid('WK', name), workerName: name });

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
  const workers = [worker(options.agent), ...(options.transferTo ? [worker(options.transferTo)] : [])];
  const tasks = await runWithConcurrency(options.count, options.concurrency, async () => {
    const phone = options.phone ?? randomUsPhone();
    const events = taskEvents({
      attributes: simulatedAttributes(options, phone),
      channel: options.channel === 'voice' ? 'voice' : 'chat',
      workers,
      ...(options.completedReason ? { completedReason: options.completedReason } : {}),
    });
    const callbacks = capturedCallbacks(events).filter((callback) => options.event === null || callback['EventType'] === options.event);
    const answers: (CallbackResponse & { eventType: string; ms: number })[] = [];
    // One task's callbacks one after another, in the order asked for; tasks run side by side.
    for (const callback of inDeliveryOrder(callbacks, options.order)) {
      const sent = performance.now();
      const response = await postCallback(callback, options.url ? { url: options.url } : {});
      answers.push({ ...response, eventType: callback['EventType'] ?? '', ms: performance.now() - sent });
    }
    return { taskSid: events[0]?.index.taskSid ?? '', phone, answers };
  });
  const seconds = (performance.now() - started) / 1000;
  const answers = tasks.flatMap((task) => task.answers);
  if (options.count === 1) {
    for (const task of tasks) {
      console.log(`${task.taskSid} (${task.phone}), handled by ${workers.map((w) => w.workerName).join(' then ')}:`);
      for (const answer of task.answers) console.log(`  ${answer.eventType} → HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
    }
  } else {
    const byStatus = new Map<number, number>();
    for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    console.log(
      `${options.count} tasks (${answers.length} events) in ${seconds.toFixed(2)} s (${(answers.length / seconds).toFixed(1)} events/s) at concurrency ${options.concurrency}`,
    );
    console.log(`answers: ${[...byStatus].map(([status, count]) => `${count}× HTTP ${status}`).join(', ')}`);
    console.log(`response time: median ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`);
  }
  if (answers.some((answer) => answer.status >= 300)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('Is the local stack running? Start it with `npm start`.');
  process.exitCode = 1;
});
