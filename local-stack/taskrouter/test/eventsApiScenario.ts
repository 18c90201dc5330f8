/**
 * What the tests of the Events API stand-in share with the functions'
 * reconciliation tests (functions/test/unit/reconcileTaskrouterEvents.test.ts):
 * one account and workspace, a fixed clock, a worker, a task's events by age,
 * and the stand-in started for them.
 */
import { startEventsApiServer, type EventsApiServer, type EventsApiServerOptions } from '../eventsApiServer.js';
import { stableSid, taskLifecycle, type LifecycleEvent, type TaskScenario } from '../lifecycle.js';

export const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const AUTH_TOKEN = 'local-auth-token-for-tests';
export const WS = `WS${'2'.repeat(32)}`;
export const NOW = Date.parse('2026-11-24T12:00:00Z');
export const MINUTE = 60_000;
export const ALICE = { workerSid: stableSid('WK', 'alice'), workerName: 'Alice Agent' };

/** Every event of a task completed `minutesAgo` before NOW: a 120 s voice call from +14155550100 in Everyone, handled by Alice, unless overridden. */
export function taskCompletedMinutesAgo(overrides: Partial<TaskScenario> & { minutesAgo: number }): LifecycleEvent[] {
  const { minutesAgo, ...rest } = overrides;
  return taskLifecycle(
    {
      attributes: { from: '+14155550100' },
      channel: 'voice',
      queue: 'Everyone',
      workers: [ALICE],
      completedAt: new Date(NOW - minutesAgo * MINUTE),
      ageSeconds: 120,
      ...rest,
    },
    { accountSid: ACCOUNT_SID, workspaceSid: WS },
  );
}

/** The stand-in for this account and workspace, its clock at NOW; the caller closes it. */
export function startScenarioEventsApi(options: Partial<EventsApiServerOptions> = {}): Promise<EventsApiServer> {
  return startEventsApiServer({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN, workspaceSids: [WS], now: () => NOW, ...options });
}
