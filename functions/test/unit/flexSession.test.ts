import { describe, expect, it } from 'vitest';
import { ValidationCache } from '../../src/adapters/validationCache.js';
import { decideSession } from '../../src/domain/flexSession.js';

const now = new Date('2026-11-28T12:00:00Z');
const worker = `WK${'a'.repeat(32)}`;
const result = (roles: string[], workerSid: string | null = worker, expiration = '2026-11-28T13:00:00Z') => ({
  valid: true as const,
  expiration,
  roles,
  worker_sid: workerSid,
});

describe('decideSession', () => {
  it('opens a session with the highest staff role and the Flex expiry in seconds', () => {
    expect(decideSession(result(['agent', 'admin']), now)).toEqual({
      allowed: true,
      uid: worker,
      claims: { role: 'admin', workerSid: worker, flexExp: Date.parse('2026-11-28T13:00:00Z') / 1000 },
      expiresAt: new Date('2026-11-28T13:00:00Z'),
    });
  });

  it.each([
    ['guest', result(['guest', 'agent'])],
    ['guest', result(['agent'], null)],
    ['noStaffRole', result([])],
    ['expired', result(['agent'], worker, '2026-11-28T11:59:59Z')],
  ])('refuses with %s', (reason, validation) => {
    expect(decideSession(validation, now)).toEqual({ allowed: false, reason });
  });
});

describe('ValidationCache', () => {
  it('keys entries on a hash, never on the token', () => {
    const cache = new ValidationCache<string>();
    cache.set('secret-token', 'value', 1000);
    expect(JSON.stringify([...(cache as unknown as { entries: Map<string, unknown> }).entries.keys()])).not.toContain('secret-token');
    expect(cache.get('secret-token', 999)).toBe('value');
  });

  it('forgets an entry at its expiry', () => {
    const cache = new ValidationCache<string>();
    cache.set('t', 'value', 1000);
    expect(cache.get('t', 1000)).toBeUndefined();
  });

  it('keeps at most its limit, dropping the oldest first', () => {
    const cache = new ValidationCache<number>(2);
    cache.set('a', 1, 10);
    cache.set('b', 2, 10);
    cache.set('c', 3, 10);
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)]).toEqual([undefined, 2, 3]);
  });
});
