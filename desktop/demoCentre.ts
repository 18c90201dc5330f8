/**
 * A month of a small contact centre for the supervisors' and admins' views:
 * a few hundred interactions over 30 days across queues and agents, some
 * without an outcome (completed outside the plugin, with TaskRouter's
 * TaskCompletedReason), a few events that cannot be attributed, and the
 * reason-code lists. Everything arrives through the real webhook, so the
 * dashboard trigger builds the aggregates exactly as in production.
 * Deterministic (a seeded generator, fixed TaskSids): running it again adds nothing.
 */
import { createHash } from 'node:crypto';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { DEFAULT_REASON_CODES, GLOBAL_REASON_CODE_LIST_ID, reasonCodeListPath } from '@interaction-history/model';
import { runWithConcurrency } from '../local-stack/concurrency.js';
import { PROJECT_ID } from '../local-stack/localStack.js';
import { completedTaskParameters, postCallback } from '../local-stack/standInTaskRouter.js';
import { callbacksOf, stableSid, taskLifecycle } from '../local-stack/taskrouter/lifecycle.js';

const sidFor = (prefix: string, seed: string) => `${prefix}${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`;

/** The stand-in TaskRouter gives a queue named X the SID stableSid('WQ', X), as the desktop's tasks carry it. */
export const DEMO_QUEUES = ['Sales', 'Support', 'Billing', 'Internal transfers'].map((name) => ({ name, sid: stableSid('WQ', name) }));

export const DEMO_AGENTS = ['Alice Agent', 'Bob Agent', 'Carol Agent', 'Dan Agent', 'Erin Agent', 'Frank Agent'].map((name) => ({
  name,
  sid: sidFor('WK', `worker:${name}`),
}));

/** Why TaskRouter says tasks without an outcome were completed (the REST API's free-text reason). */
const COMPLETED_REASONS = ['Wrap-up timed out', 'Completed by supervisor', 'Completed through the REST API'];

/** mulberry32: a small seeded generator, so the demo month is the same on every start. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Demo callers: 555-01xx numbers are reserved for fiction in North America. */
const demoCaller = (index: number) => `+1415555${String(200 + index).padStart(4, '0')}`;

export interface DemoCentreOptions {
  readonly now: Date;
  readonly interactions?: number;
}

export async function seedDemoCentre(options: DemoCentreOptions): Promise<{ interactions: number; captureFailures: number }> {
  const random = seededRandom(20261206);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const count = options.interactions ?? 320;
  // Busier recently, and a working day shape: most completions between 09:00 and 18:00 UTC-8.
  const plans = Array.from({ length: count }, (_, index) => {
    const daysAgo = Math.floor(random() ** 1.5 * 30);
    const hour = 17 + Math.floor(random() * 9);
    const completedAt = new Date(options.now.getTime() - daysAgo * 86_400_000);
    completedAt.setUTCHours(hour % 24, Math.floor(random() * 60), Math.floor(random() * 60), 0);
    if (completedAt > options.now) completedAt.setTime(options.now.getTime() - (index + 1) * 60_000);
    const queue = pick(DEMO_QUEUES);
    const agent = pick(DEMO_AGENTS);
    const withoutOutcome = queue.name === 'Internal transfers' ? random() < 0.6 : random() < 0.1;
    const outcome = withoutOutcome ? null : pick(DEFAULT_REASON_CODES.slice(0, 7));
    return {
      index,
      completedAt,
      queue,
      agent,
      outcome,
      caller: demoCaller(Math.floor(random() * 60)),
      completedReason: pick(COMPLETED_REASONS),
      ageSeconds: 60 + Math.floor(random() * 900),
    };
  });

  await runWithConcurrency(plans.length, 8, async (position) => {
    const plan = plans[position];
    if (!plan) return;
    // The task's accepted reservation (who handled it) and its completion, as TaskRouter sends them.
    const events = taskLifecycle({
      taskSid: sidFor('WT', `demo-centre#${plan.index}`),
      attributes: { from: plan.caller, direction: 'inbound', ...(plan.outcome ? { conversations: { outcome: plan.outcome } } : {}) },
      channel: plan.index % 4 === 0 ? 'chat' : 'voice',
      queue: plan.queue.name,
      workers: [{ workerSid: plan.agent.sid, workerName: plan.agent.name }],
      completedAt: plan.completedAt,
      ageSeconds: plan.ageSeconds,
      ...(plan.outcome === null ? { completedReason: plan.completedReason } : {}),
    }).filter((event) => event.eventType === 'reservation.accepted' || event.eventType === 'task.completed');
    for (const callback of callbacksOf(events)) {
      const response = await postCallback(callback);
      if (response.status >= 300) throw new Error(`Seeding the demo centre failed: HTTP ${response.status}`);
    }
  });

  // A few events nobody could attribute: no number anywhere, attributes that are not JSON.
  const failures = [
    { attributes: { from: 'client:anonymous', conversations: { outcome: 'Complaint' } }, daysAgo: 1 },
    { attributes: { from: 'sip:reception@pbx.example', conversations: { outcome: 'Question answered' } }, daysAgo: 3 },
    { attributes: '{"from": "+14155550100", "conversations": ', daysAgo: 6 },
  ];
  for (const [index, failure] of failures.entries()) {
    const response = await postCallback(
      completedTaskParameters({
        taskSid: sidFor('WT', `demo-failure#${index}`),
        attributes: failure.attributes,
        queue: 'Support',
        completedAt: new Date(options.now.getTime() - failure.daysAgo * 86_400_000),
      }),
    );
    if (response.status >= 300 && response.status !== 202) throw new Error(`Seeding a capture failure failed: HTTP ${response.status}`);
  }

  return { interactions: plans.length, captureFailures: failures.length };
}

/** The reason codes in Firestore: the shipped list plus a retired code; internal transfers need none. */
export async function seedDemoReasonCodes(now: Date): Promise<void> {
  const db = getFirestore(getApps()[0] ?? initializeApp({ projectId: PROJECT_ID }));
  await db.doc(reasonCodeListPath(GLOBAL_REASON_CODE_LIST_ID)).set({
    scope: 'global',
    codes: [
      ...DEFAULT_REASON_CODES.map((label, index) => ({ id: `code-${index + 1}`, label, active: true })),
      { id: 'legacy-promo', label: 'Spring promotion', active: false },
    ],
    updatedAt: now,
    updatedBy: 'demo-data',
  });
  const transfers = DEMO_QUEUES.find((queue) => queue.name === 'Internal transfers');
  if (transfers) {
    await db.doc(reasonCodeListPath(transfers.sid)).set({
      scope: 'queue',
      queueName: transfers.name,
      codes: null,
      reasonCodeRequired: false,
      updatedAt: now,
      updatedBy: 'demo-data',
    });
  }
}
