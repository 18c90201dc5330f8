import { describe, expect, it } from 'vitest';
import { NO_AGENT_KEY, NO_COMPLETED_REASON_KEY } from '@interaction-history/model';
import { dashboardContributionOf, sameContribution, shardChangeFor, type DashboardInteraction } from '../../src/domain/dashboardCounts.js';
import { reasonCodeListChanges } from '../../src/domain/reasonCodeChanges.js';

const base: DashboardInteraction = {
  taskSid: `WT${'a'.repeat(32)}`,
  completedAt: new Date('2026-12-06T03:30:00Z'),
  outcome: 'Billing',
  outcomeMissing: false,
  queue: 'Sales',
  queueSid: `WQ${'b'.repeat(32)}`,
  workerSid: `WK${'c'.repeat(32)}`,
  workerName: 'Alice Agent',
  completedReason: 'Task completed',
};

describe('where an interaction counts in the dashboard', () => {
  it('on its day in the centre zone, under its queue SID and worker, by its reason code', () => {
    const contribution = dashboardContributionOf(base, 'America/Los_Angeles');
    expect(contribution).toMatchObject({ day: '2026-12-05', reasonKey: 'Billing', queueKey: base.queueSid, agentKey: base.workerSid, completedReasonKey: null });
    expect(dashboardContributionOf(base, 'UTC').day).toBe('2026-12-06');
  });

  it('counts an inherited outcome (outcomeMissing) as missing, keyed by why the task was completed', () => {
    const contribution = dashboardContributionOf({ ...base, outcomeMissing: true, completedReason: 'Wrap-up timed out' }, 'UTC');
    expect(contribution.reasonKey).toBeNull();
    expect(contribution.completedReasonKey).toBe('Wrap-up timed out');
    expect(dashboardContributionOf({ ...base, outcome: null, outcomeMissing: true, completedReason: null }, 'UTC').completedReasonKey).toBe(NO_COMPLETED_REASON_KEY);
  });

  it('falls back to the queue name and to no agent, and moves when the worker becomes known', () => {
    const unknown = dashboardContributionOf({ ...base, queueSid: null, workerSid: null, workerName: null }, 'UTC');
    expect(unknown.queueKey).toBe('Sales');
    expect(unknown.agentKey).toBe(NO_AGENT_KEY);
    expect(sameContribution(unknown, dashboardContributionOf(base, 'UTC'))).toBe(false);
    expect(sameContribution(dashboardContributionOf(base, 'UTC'), dashboardContributionOf(base, 'UTC'))).toBe(true);
  });

  it('takes back exactly what it adds, and never renames on the way out', () => {
    const contribution = dashboardContributionOf({ ...base, outcome: null, outcomeMissing: true }, 'UTC');
    const added = shardChangeFor(contribution, 1, { queueName: 'Sales', agentName: 'Alice Agent' });
    const removed = shardChangeFor(contribution, -1, { queueName: 'Sales', agentName: 'Alice Agent' });
    expect(added).toMatchObject({ interactions: 1, missingOutcome: 1, queue: { name: 'Sales' } });
    expect(removed).toMatchObject({ interactions: -1, missingOutcome: -1, queue: { name: null }, agent: { name: null } });
  });
});

describe('reason-code list changes for the audit trail', () => {
  const list = (codes: { id: string; label: string; active: boolean }[], reasonCodeRequired?: boolean) => ({
    scope: 'queue' as const,
    codes,
    ...(reasonCodeRequired === undefined ? {} : { reasonCodeRequired }),
    updatedAt: new Date(),
    updatedBy: 'WKadmin',
  });

  it('names an added, a renamed, a retired and a removed code, the new order and the flag', () => {
    const before = list([
      { id: 'a', label: 'A', active: true },
      { id: 'b', label: 'B', active: true },
      { id: 'c', label: 'C', active: true },
    ]);
    const after = list(
      [
        { id: 'b', label: 'B2', active: true },
        { id: 'a', label: 'A', active: false },
        { id: 'd', label: 'D', active: true },
      ],
      false,
    );
    const fields = reasonCodeListChanges(before, after).map((change) => change.field);
    expect(fields).toEqual(['codes.b', 'codes.a', 'codes.d', 'codes.c', 'order', 'reasonCodeRequired']);
  });

  it('says nothing changed when nothing did', () => {
    const same = list([{ id: 'a', label: 'A', active: true }]);
    expect(reasonCodeListChanges(same, same)).toEqual([]);
  });
});
