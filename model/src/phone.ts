import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';

/** A phone number in E.164 form, e.g. `+14155550100`. Only `normalizePhone` makes one. */
export type { CountryCode } from 'libphonenumber-js';

export type E164 = string & { readonly __brand: 'E164' };

export const DEFAULT_PHONE_REGION: CountryCode = 'US';

/**
 * Channel prefixes that Twilio puts in front of an address (`whatsapp:+1415…`,
 * `sms:+1415…`). `client:`, `sip:` and `messenger:` (page-scoped ids, which can
 * look like digits) are not phone numbers and are deliberately absent: they
 * never normalise.
 */
const CHANNEL_PREFIX = /^(?:whatsapp|sms|mms|tel|rcs):/i;

const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** True when `value` is already written in canonical E.164 form. */
export function isE164(value: unknown): value is E164 {
  return typeof value === 'string' && E164_PATTERN.test(value);
}

/**
 * Turns whatever an agent typed or a channel delivered into the E.164 id of a
 * customer, or null when it is not a valid phone number. Anything that
 * returns non-null is safe as a Firestore document id.
 */
export function normalizePhone(raw: unknown, defaultRegion: CountryCode = DEFAULT_PHONE_REGION): E164 | null {
  if (typeof raw !== 'string') return null;
  const trimmed = raw.trim().replace(CHANNEL_PREFIX, '').trim();
  // Generous for formatting characters, strict on length: nothing longer is a phone number.
  if (trimmed.length === 0 || trimmed.length > 40) return null;
  // libphonenumber tolerates letters (vanity numbers) and stray punctuation; an id must not.
  if (!/^[+\d\s().\-/]+$/.test(trimmed) || /[/]/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion);
  if (!parsed || !parsed.isValid()) return null;
  const e164 = parsed.number;
  return isE164(e164) ? e164 : null;
}

/** The first candidate that normalises to a valid number, or null. */
export function firstValidPhone(candidates: readonly unknown[], defaultRegion?: CountryCode): E164 | null {
  for (const candidate of candidates) {
    const phone = normalizePhone(candidate, defaultRegion);
    if (phone) return phone;
  }
  return null;
}

/** True for a two-letter region the phone library knows, e.g. `US` or `GB`. */
export function isPhoneRegion(value: string): value is CountryCode {
  return isSupportedCountry(value);
}
