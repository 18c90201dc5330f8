/**
 * Fault injection for the stand-in TaskRouter: complete many tasks while their
 * callbacks are lost, the two ways TaskRouter loses them (it documents no
 * retry): the webhook answers 503 (the function or Firestore is down), or the
 * callback never arrives. Every event is still journaled for the Events API,
 * as TaskRouter keeps every event. Shared by the emulated test and the bench.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runWithConcurrency } from './concurrency.js';
import { completedTaskEvents, deliverTaskEvents } from './taskrouter/delivery.js';

export interface Outage {
  readonly url: string;
  /** Callbacks it refused. */
  readonly refused: () => number;
  close(): Promise<void>;
}

/** A webhook that answers every callback as taskrouterEvents does when storage is down: 503, nothing stored. */
export async function startOutageWebhook(): Promise<Outage> {
  let refused = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      refused += 1;
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { code: 'storageUnavailable', message: 'Temporarily unavailable; retry later.' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    refused: () => refused,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface LostCallbacksScenario {
  readonly tasks: number;
  /** The customers the tasks are spread over (round robin), so that stats count several tasks each. */
  readonly phones: readonly string[];
  readonly concurrency: number;
  /** The journal the Events API serves (the local stack's unless told otherwise). */
  readonly journal?: string;
  /** Where the even-numbered tasks' callbacks go: a webhook that answers 503. */
  readonly outageUrl: string;
  readonly outcome?: string;
  readonly workerSid?: string;
  readonly workerName?: string;
}

export interface CompletedTask {
  readonly taskSid: string;
  readonly phone: string;
  /** What the webhook answered to task.completed: null when it was dropped. */
  readonly completedStatus: number | null;
}

/** A small seeded generator (mulberry32): the same drops on every run, spread over every event type. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Even-numbered tasks: every callback to the outage (503). Odd-numbered tasks:
 * to the real webhook, each callback dropped with probability one half (a
 * seeded draw per task, so that a run is repeatable and `task.completed` is
 * among the dropped about half the time).
 */
export async function completeTasksWithLostCallbacks(scenario: LostCallbacksScenario): Promise<CompletedTask[]> {
  return runWithConcurrency(scenario.tasks, scenario.concurrency, async (index) => {
    const phone = scenario.phones[index % scenario.phones.length] ?? '';
    const events = completedTaskEvents({
      attributes: { from: phone, ...(scenario.outcome ? { conversations: { outcome: scenario.outcome } } : {}) },
      ...(scenario.workerSid ? { workerSid: scenario.workerSid } : {}),
      ...(scenario.workerName ? { workerName: scenario.workerName } : {}),
      ageSeconds: 60,
    });
    const toOutage = index % 2 === 0;
    const delivery = await deliverTaskEvents(events, {
      ...(scenario.journal ? { journal: scenario.journal } : {}),
      ...(toOutage ? { url: scenario.outageUrl } : { dropRate: 0.5, random: seededRandom(index) }),
    });
    return { taskSid: delivery.taskSid, phone, completedStatus: delivery.completed?.status ?? null };
  });
}
