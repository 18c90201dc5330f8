import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  captureFailureExpiry,
  FILED_FAILURE_KEEP_DAYS,
  filedFailureExpiry,
  interactionExpiry,
  TASK_CAPTURE_KEEP_DAYS,
} from '../../src/domain/retention.js';

const DAY_MS = 86_400_000;
const received = new Date('2026-12-01T12:00:00Z');

describe('expiry dates', () => {
  it('an interaction and a capture failure expire after the retention period, or never without one', () => {
    expect(interactionExpiry(received, 30)).toEqual(new Date('2026-12-31T12:00:00Z'));
    expect(interactionExpiry(received, null)).toBeNull();
    expect(captureFailureExpiry(received, 730)).toEqual(new Date(received.getTime() + 730 * DAY_MS));
    expect(captureFailureExpiry(received, null)).toBeNull();
  });

  it('a filed failure expires FILED_FAILURE_KEEP_DAYS after filing, or sooner when its retention says so', () => {
    const filedAt = new Date('2026-12-05T00:00:00Z');
    const afterFiling = new Date(filedAt.getTime() + FILED_FAILURE_KEEP_DAYS * DAY_MS);
    expect(filedFailureExpiry(null, filedAt)).toEqual(afterFiling);
    expect(filedFailureExpiry(new Date(afterFiling.getTime() + DAY_MS), filedAt)).toEqual(afterFiling);
    const sooner = new Date(afterFiling.getTime() - DAY_MS);
    expect(filedFailureExpiry(sooner, filedAt)).toEqual(sooner);
  });

  it('keeps task captures longer than the Events API keeps events (30 days)', () => {
    expect(TASK_CAPTURE_KEEP_DAYS).toBeGreaterThan(30);
  });
});

describe('firestore.indexes.json', () => {
  it('declares a TTL policy on expireAt for every collection the functions give an expiry', () => {
    const declared = JSON.parse(readFileSync(new URL('../../../firestore.indexes.json', import.meta.url), 'utf8')) as {
      fieldOverrides: { collectionGroup: string; fieldPath: string; ttl?: boolean }[];
    };
    const withTtl = declared.fieldOverrides.filter((override) => override.fieldPath === 'expireAt' && override.ttl === true);
    expect(withTtl.map((override) => override.collectionGroup).sort()).toEqual(['captureFailures', 'erasures', 'interactions', 'taskCaptures']);
  });
});
