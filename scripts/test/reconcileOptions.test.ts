import { describe, expect, it } from 'vitest';
import { readReconciliationSettings } from '../lib/reconciliation.js';
import { parseReconcileOptions } from '../lib/reconcileOptions.js';

const now = new Date('2026-11-24T12:00:00Z');
const parse = (...argv: string[]) => parseReconcileOptions(argv, now);

describe('npm run reconcile options', () => {
  it('reads a period, a dry run, and defaults the end to now', () => {
    expect(parse('--from', '2026-11-24T08:00:00Z', '--to', '2026-11-24T09:30:00+01:00', '--dry-run')).toEqual({
      from: new Date('2026-11-24T08:00:00Z'),
      to: new Date('2026-11-24T08:30:00Z'),
      dryRun: true,
      localStack: false,
      verbose: false,
      help: false,
    });
    expect(parse('--from', '2026-11-24T08:00Z').to).toEqual(now);
  });

  it.each([
    [[], /--from is required/],
    [['--from', 'yesterday'], /not an ISO 8601 time/],
    [['--from', '2026-11-24'], /not an ISO 8601 time with a zone/],
    [['--from', '2026-11-24T08:00:00'], /with a zone/],
    [['--from', '2026-11-24T10:00:00Z', '--to', '2026-11-24T09:00:00Z'], /must be before --to/],
    [['--from', '2026-11-24T10:00:00Z', '--to', '2026-11-25T09:00:00Z'], /in the future/],
    [['--from', '2026-10-20T10:00:00Z'], /more than 30 days ago/],
    [['--form', '2026-11-24T10:00:00Z'], /Unknown option '--form'/],
  ])('refuses %j with a clear message', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message);
  });

  it('answers --help without a period', () => {
    expect(parse('--help').help).toBe(true);
  });
});

describe('reconciliation settings from the environment', () => {
  const base = {
    TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
    TWILIO_AUTH_TOKEN: 'a'.repeat(32),
    TASKROUTER_WORKSPACE_SID: `WS${'0'.repeat(32)}`,
    ERASURE_HASH_KEY: 'k'.repeat(32),
    FIRESTORE_EMULATOR_HOST: '127.0.0.1:8080',
  };

  it("read the functions' retention period, so that what reconciliation recovers expires like the webhook's captures", () => {
    expect(readReconciliationSettings({ ...base, INTERACTION_RETENTION_DAYS: '730' }).retentionDays).toBe(730);
    expect(readReconciliationSettings({ ...base, INTERACTION_RETENTION_DAYS: 'none' }).retentionDays).toBeNull();
    expect(readReconciliationSettings(base).retentionDays).toBeNull();
  });

  it('refuse a retention period that is not a number of days, naming the setting', () => {
    expect(() => readReconciliationSettings({ ...base, INTERACTION_RETENTION_DAYS: 'two years' })).toThrow(/INTERACTION_RETENTION_DAYS/);
  });
});
