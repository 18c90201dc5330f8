import { describe, expect, it } from 'vitest';
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
