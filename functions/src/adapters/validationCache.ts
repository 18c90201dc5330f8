import { createHash } from 'node:crypto';

/**
 * Remembers validated Flex tokens so that a plugin reload does not call
 * Twilio again. Keyed on a SHA-256 of the token: the token itself is never
 * kept. Bounded, so a flood of tokens cannot exhaust memory.
 */
export class ValidationCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly maxEntries = 5_000) {}

  static keyOf(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  get(token: string, now: number): T | undefined {
    const key = ValidationCache.keyOf(token);
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(token: string, value: T, expiresAt: number): void {
    const key = ValidationCache.keyOf(token);
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    // Maps iterate in insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
