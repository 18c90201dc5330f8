import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/domain/tokenBucket.js';

describe('TokenBuckets', () => {
  it('lets a client spend its capacity, then says how long until the next token', () => {
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 0.5 });
    expect(buckets.take('a', 0)).toEqual({ allowed: true });
    expect(buckets.take('a', 0)).toEqual({ allowed: true });
    expect(buckets.take('a', 0)).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(buckets.take('a', 2_000)).toEqual({ allowed: true });
  });

  it('keeps clients apart, and a refund gives a token back', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001 });
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('b', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    buckets.refund('a', 0);
    expect(buckets.take('a', 0).allowed).toBe(true);
  });

  it('never holds more than its capacity, nor more clients than its bound', () => {
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 1 }, 2);
    buckets.refund('a', 0);
    expect(buckets.take('a', 0).allowed).toBe(true);
    expect(buckets.take('a', 0).allowed).toBe(false);
    buckets.take('b', 0);
    buckets.take('c', 0);
    // 'a' was forgotten (the least recently heard), so it starts again full.
    expect(buckets.take('a', 0).allowed).toBe(true);
  });
});
