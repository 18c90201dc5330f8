/**
 * Pure: a token bucket per client. Each client may spend `capacity` at once
 * and earns `refillPerSecond` back; time is passed in. The map is bounded
 * (oldest clients forgotten first), so a flood of addresses cannot exhaust
 * memory; a forgotten client starts again with a full bucket.
 */
export interface BucketLimits {
  readonly capacity: number;
  readonly refillPerSecond: number;
}

export type Allowance = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    readonly limits: BucketLimits,
    private readonly maxClients = 10_000,
  ) {}

  private current(client: string, now: number): { tokens: number; updatedAt: number } {
    const bucket = this.buckets.get(client) ?? { tokens: this.limits.capacity, updatedAt: now };
    const earned = (Math.max(0, now - bucket.updatedAt) / 1000) * this.limits.refillPerSecond;
    const tokens = Math.min(this.limits.capacity, bucket.tokens + earned);
    // Re-inserted, so that the map's first key is the client heard from least recently.
    this.buckets.delete(client);
    const refreshed = { tokens, updatedAt: now };
    this.buckets.set(client, refreshed);
    while (this.buckets.size > this.maxClients) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) break;
      this.buckets.delete(oldest);
    }
    return refreshed;
  }

  /** Spends one token if the client has one; otherwise says how long until it will. */
  take(client: string, now: number): Allowance {
    const bucket = this.current(client, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.limits.refillPerSecond)) };
  }

  /** Gives back a token spent on something that turned out not to count against the client. */
  refund(client: string, now: number): void {
    const bucket = this.current(client, now);
    bucket.tokens = Math.min(this.limits.capacity, bucket.tokens + 1);
  }
}
