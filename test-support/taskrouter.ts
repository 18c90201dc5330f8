/** TaskRouter callbacks for tests, and phone numbers that never collide between tests. */
import { normalizePhone } from '@interaction-history/model';

export * from '../local-stack/standInTaskRouter.js';

/** A valid San Francisco number, random enough that tests running side by side never share a customer. */
export function uniquePhone(): string {
  for (;;) {
    const exchange = 200 + Math.floor(Math.random() * 800);
    const line = Math.floor(Math.random() * 10_000);
    const candidate = `+1415${exchange}${String(line).padStart(4, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}

/** A valid UK mobile number (the form WhatsApp senders have), unique per call. */
export function uniqueUkMobile(): string {
  for (;;) {
    const candidate = `+447${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
    if (normalizePhone(candidate) === candidate) return candidate;
  }
}
