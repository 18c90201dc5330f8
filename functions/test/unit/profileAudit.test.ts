import { describe, expect, it } from 'vitest';
import { auditProfileWrite, auditValue, erasedSince, UNFINISHED_ERASE_MS } from '../../src/domain/profileAudit.js';

const at = (iso: string) => ({ toDate: () => new Date(iso) });
const created = { phone: '+14155550100', firstName: 'Ada', lastName: 'Lovelace', createdAt: at('2026-01-01T00:00:00Z'), createdBy: 'WKa', createdByRole: 'agent' };

describe('auditProfileWrite', () => {
  it('credits a create to its stamp and lists every profile field, stamps aside', () => {
    expect(auditProfileWrite(undefined, created, null)).toEqual({
      action: 'profileCreated',
      actor: { uid: 'WKa', role: 'agent' },
      changes: [
        { field: 'firstName', before: null, after: 'Ada' },
        { field: 'lastName', before: null, after: 'Lovelace' },
        { field: 'phone', before: null, after: '+14155550100' },
      ],
    });
  });

  it('credits an update to its fresh stamp and lists only what changed', () => {
    const updated = { ...created, lastName: 'Byron', updatedAt: at('2026-02-01T00:00:00Z'), updatedBy: 'WKs', updatedByRole: 'supervisor' };
    expect(auditProfileWrite(created, updated, null)).toEqual({
      action: 'profileUpdated',
      actor: { uid: 'WKs', role: 'supervisor' },
      changes: [{ field: 'lastName', before: 'Lovelace', after: 'Byron' }],
    });
  });

  it('credits an update that did not renew the stamp to the system, saying so', () => {
    const stamped = { ...created, updatedAt: at('2026-02-01T00:00:00Z'), updatedBy: 'WKs', updatedByRole: 'supervisor' };
    const audit = auditProfileWrite(stamped, { ...stamped, firstName: 'Augusta' }, null);
    expect(audit?.actor).toEqual({ uid: 'system', role: null });
    expect(audit?.note).toMatch(/without a stamp/);
  });

  it('records nothing for a write that changed no profile field', () => {
    expect(auditProfileWrite(created, { ...created }, null)).toBeNull();
  });

  it('credits a delete to the deletion stamp, and records nothing for a delete without one (the functions record their own)', () => {
    expect(auditProfileWrite(created, undefined, { deletedBy: 'WKadmin', deletedByRole: 'admin' })?.actor).toEqual({ uid: 'WKadmin', role: 'admin' });
    expect(auditProfileWrite(created, undefined, null)).toBeNull();
  });
});

describe('auditValue', () => {
  it('keeps text as it is and writes anything else as JSON or an ISO date', () => {
    expect(auditValue('Ada')).toBe('Ada');
    expect(auditValue(42)).toBe('42');
    expect(auditValue(undefined)).toBeNull();
    expect(auditValue(at('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('erasedSince: whether a profile change is audited without values because of an erase', () => {
  const erasedAt = new Date('2026-12-06T10:00:00Z');
  const at = (offsetMs: number) => new Date(erasedAt.getTime() + offsetMs);

  it('never without an erase', () => {
    expect(erasedSince(at(0), { erasedAt: null, finishedAt: null })).toBe(false);
  });

  it('for a change before the erase finished, and not after', () => {
    const finishedAt = at(30_000);
    expect(erasedSince(at(-3_600_000), { erasedAt, finishedAt })).toBe(true);
    expect(erasedSince(at(10_000), { erasedAt, finishedAt })).toBe(true);
    expect(erasedSince(at(30_001), { erasedAt, finishedAt })).toBe(false);
  });

  it('while the erase runs or if it stopped part way: for UNFINISHED_ERASE_MS after it registered', () => {
    expect(erasedSince(at(UNFINISHED_ERASE_MS), { erasedAt, finishedAt: null })).toBe(true);
    expect(erasedSince(at(UNFINISHED_ERASE_MS + 1), { erasedAt, finishedAt: null })).toBe(false);
  });
});
