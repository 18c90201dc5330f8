/**
 * `npm run simulate -- ...`: a stand-in TaskRouter for scripts and demos.
 * Completes one task, or a burst, with every event of its lifecycle as
 * TaskRouter documents them: all are kept for the stand-in's Events API, and
 * the captured callbacks are sent, signed with the local auth token, to a
 * running local stack (unless told to drop them). Reports what the webhook
 * answered.
 */
import { randomBytes } from 'node:crypto';
import { normalizePhone } from '@interaction-history/model';
import { percentile, runWithConcurrency } from '../local-stack/concurrency.js';
import { taskEvents } from '../local-stack/standInTaskRouter.js';
import { deliverTaskEvents } from '../local-stack/taskrouter/delivery.js';
import { stableSid } from '../local-stack/taskrouter/lifecycle.js';
import { parseSimulateOptions, SIMULATE_USAGE, simulatedAttributes } from './lib/simulateOptions.js';

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
    const delivery = await deliverTaskEvents(events, {
      order: options.order,
      eventType: options.event,
      dropRate: options.dropRate,
      ...(options.url ? { url: options.url } : {}),
    });
    return { ...delivery, phone };
  });
  const seconds = (performance.now() - started) / 1000;
  const answers = tasks.flatMap((task) => task.answers);
  const dropped = tasks.reduce((sum, task) => sum + task.dropped, 0);
  if (options.count === 1) {
    for (const task of tasks) {
      console.log(`${task.taskSid} (${task.phone}), handled by ${workers.map((w) => w.workerName).join(' then ')}:`);
      for (const answer of task.answers) console.log(`  ${answer.eventType} → HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
      if (task.completed === null && options.event === null) console.log('  task.completed callback dropped');
    }
  } else {
    const byStatus = new Map<number, number>();
    for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    const latencies = answers.map((answer) => answer.ms).sort((a, b) => a - b);
    console.log(
      `${options.count} tasks (${answers.length} events) in ${seconds.toFixed(2)} s (${(answers.length / seconds).toFixed(1)} events/s) at concurrency ${options.concurrency}`,
    );
    console.log(`answers: ${[...byStatus].map(([status, count]) => `${count}× HTTP ${status}`).join(', ')}`);
    if (latencies.length > 0) console.log(`response time: median ${percentile(latencies, 0.5).toFixed(0)} ms, p99 ${percentile(latencies, 0.99).toFixed(0)} ms`);
  }
  if (dropped > 0) {
    console.log(
      `${dropped} callbacks dropped; every event is in the stand-in's Events API, where reconciliation finds them (npm start runs it regularly; or npm run reconcile -- --local-stack --from <time>).`,
    );
  }
  if (answers.some((answer) => answer.status >= 300)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  console.error('Is the local stack running? Start it with `npm start`.');
  process.exitCode = 1;
});
