import { describe, expect, it } from 'vitest';
import { centreDayOf, centreDaysEndingWith, isTimeZone } from '../src/centreDay.js';
import { tryDecode } from '../src/decode.js';
import {
  DASHBOARD_SHARD_COUNT,
  dashboardShardFor,
  dashboardShardId,
  dashboardShardSchema,
  fromCounterKey,
  toCounterKey,
  type DashboardShard,
} from '../src/documents/dashboard.js';
import { effectiveReasonCodes, reasonCodeListSchema, type ReasonCodeList } from '../src/documents/reasonCodeList.js';
import { fileCaptureFailureRequestSchema } from '../src/wire/fileCaptureFailure.js';
import { sumDashboardShards } from '../src/dashboardSummary.js';

const timestamp = (iso: string) => ({ toDate: () => new Date(iso) });

describe('counter keys', () => {
  it.each(['Billing', 'Question answered', '', '__name__', '~tilde', 'a.b/c', '__'])('round-trips %j', (text) => {
    expect(fromCounterKey(toCounterKey(text))).toBe(text);
  });

  it('escapes the names Firestore refuses and leaves ordinary ones alone', () => {
    expect(toCounterKey('__name__')).toBe('~__name__');
    expect(toCounterKey('')).toBe('~');
    expect(toCounterKey('Billing')).toBe('Billing');
  });
});

describe('dashboard shards', () => {
  it('spreads worker SIDs over every shard, none more than twice its share', () => {
    const perShard = new Array<number>(DASHBOARD_SHARD_COUNT).fill(0);
    const workers = 6_400;
    for (let index = 0; index < workers; index += 1) {
      const sid = `WK${index.toString(16).padStart(32, '0')}`;
      perShard[dashboardShardFor(sid)] = (perShard[dashboardShardFor(sid)] ?? 0) + 1;
    }
    const share = workers / DASHBOARD_SHARD_COUNT;
    expect(Math.min(...perShard)).toBeGreaterThan(0);
    expect(Math.max(...perShard)).toBeLessThan(share * 2);
  });

  it('names shards with sortable ids', () => {
    expect(dashboardShardId(3)).toBe('03');
    expect(dashboardShardId(63)).toBe('63');
  });

  it('decodes a shard and refuses one without its day', () => {
    const shard = {
      day: '2026-12-06',
      shard: 3,
      timeZone: 'Europe/London',
      interactions: 2,
      missingOutcome: 1,
      byReason: { Billing: 1 },
      missingByCompletedReason: { 'Task completed': 1 },
      byQueue: { Support: { name: 'Support', interactions: 2, missingOutcome: 1, byReason: { Billing: 1 } } },
      byAgent: {},
      updatedAt: timestamp('2026-12-06T10:00:00Z'),
    };
    expect(tryDecode(dashboardShardSchema, shard).ok).toBe(true);
    expect(tryDecode(dashboardShardSchema, { ...shard, day: '6 Dec' }).ok).toBe(false);
  });
});

describe('centre days', () => {
  it('counts an instant in the centre time zone, not in UTC', () => {
    const lateEvening = new Date('2026-12-06T23:30:00Z');
    expect(centreDayOf(lateEvening, 'UTC')).toBe('2026-12-06');
    expect(centreDayOf(lateEvening, 'Europe/Berlin')).toBe('2026-12-07');
    expect(centreDayOf(lateEvening, 'America/Los_Angeles')).toBe('2026-12-06');
  });

  it('lists a range across a month end, oldest first', () => {
    expect(centreDaysEndingWith('2026-12-02', 3)).toEqual(['2026-11-30', '2026-12-01', '2026-12-02']);
  });

  it('knows real zones from typos', () => {
    expect(isTimeZone('Europe/London')).toBe(true);
    expect(isTimeZone('Europe/Londres')).toBe(false);
  });
});

describe('reason codes: which list wins', () => {
  const list = (labels: [string, boolean][], extra: Partial<ReasonCodeList> = {}): ReasonCodeList => ({
    scope: 'global',
    codes: labels.map(([label, active], index) => ({ id: `c${index}`, label, active })),
    updatedAt: new Date(),
    updatedBy: 'WKadmin',
    ...extra,
  });
  const defaults = ['Default'];

  it('prefers the queue list, then the global list, then UI attributes, then the defaults', () => {
    const queueList = list([['Queue code', true]], { scope: 'queue' });
    const globalList = list([['Global code', true]]);
    expect(effectiveReasonCodes({ queueList, globalList, uiAttributeCodes: ['UI'], defaults }).choices).toEqual(['Queue code']);
    expect(effectiveReasonCodes({ queueList: null, globalList, uiAttributeCodes: ['UI'], defaults }).source).toBe('globalList');
    expect(effectiveReasonCodes({ queueList: null, globalList: null, uiAttributeCodes: ['UI'], defaults }).choices).toEqual(['UI']);
    expect(effectiveReasonCodes({ queueList: null, globalList: null, uiAttributeCodes: null, defaults }).choices).toEqual(defaults);
  });

  it('offers only active codes, in stored order', () => {
    const globalList = list([['B', true], ['Retired', false], ['A', true]]);
    expect(effectiveReasonCodes({ queueList: null, globalList, uiAttributeCodes: null, defaults }).choices).toEqual(['B', 'A']);
  });

  it('a queue document without codes only sets whether a code is required', () => {
    const queueList = list([], { scope: 'queue', codes: null, reasonCodeRequired: false });
    const globalList = list([['Global code', true]]);
    const result = effectiveReasonCodes({ queueList, globalList, uiAttributeCodes: null, defaults });
    expect(result).toEqual({ choices: ['Global code'], source: 'globalList', required: false });
    expect(effectiveReasonCodes({ queueList: null, globalList, uiAttributeCodes: null, defaults }).required).toBe(true);
  });

  it('refuses a code with an empty label or an id with spaces', () => {
    const base = { scope: 'global', codes: [{ id: 'a', label: 'A', active: true }], updatedAt: timestamp('2026-12-06T10:00:00Z'), updatedBy: 'WKx' };
    expect(tryDecode(reasonCodeListSchema, base).ok).toBe(true);
    expect(tryDecode(reasonCodeListSchema, { ...base, codes: [{ id: 'a', label: '', active: true }] }).ok).toBe(false);
    expect(tryDecode(reasonCodeListSchema, { ...base, codes: [{ id: 'a b', label: 'A', active: true }] }).ok).toBe(false);
  });
});

describe('fileCaptureFailure request', () => {
  it('needs a TaskSid and a number', () => {
    expect(tryDecode(fileCaptureFailureRequestSchema, { taskSid: `WT${'a'.repeat(32)}`, customerPhone: '+14155550100' }).ok).toBe(true);
    expect(tryDecode(fileCaptureFailureRequestSchema, { taskSid: 'nope', customerPhone: '+14155550100' }).ok).toBe(false);
    expect(tryDecode(fileCaptureFailureRequestSchema, { taskSid: `WT${'a'.repeat(32)}`, customerPhone: '' }).ok).toBe(false);
  });
});

describe('summing shards', () => {
  const shard = (overrides: Partial<DashboardShard>): DashboardShard => ({
    day: '2026-12-06',
    shard: 0,
    timeZone: 'UTC',
    interactions: 0,
    missingOutcome: 0,
    byReason: {},
    missingByCompletedReason: {},
    byQueue: {},
    byAgent: {},
    updatedAt: new Date(),
    ...overrides,
  });

  it('adds counts across shards and days, decodes escaped keys, and leaves out what went back to zero', () => {
    const totals = sumDashboardShards([
      shard({
        interactions: 2,
        missingOutcome: 1,
        byReason: { Billing: 1, '~__odd__': 0 },
        byQueue: { WQ1: { name: 'Support', interactions: 2, missingOutcome: 1, byReason: { Billing: 1 } } },
      }),
      shard({
        day: '2026-12-07',
        shard: 5,
        interactions: 1,
        byReason: { Billing: 1 },
        byQueue: { WQ1: { name: null, interactions: 1, missingOutcome: 0, byReason: { Billing: 1 } }, Gone: { name: 'Gone', interactions: 0, missingOutcome: 0, byReason: {} } },
      }),
    ]);
    expect(totals.interactions).toBe(3);
    expect(totals.missingOutcome).toBe(1);
    expect(totals.byReason).toEqual({ Billing: 2 });
    expect(totals.byQueue).toEqual({ WQ1: { name: 'Support', interactions: 3, missingOutcome: 1, byReason: { Billing: 2 } } });
    expect(totals.days).toEqual(['2026-12-06', '2026-12-07']);
  });
});
