/**
 * Pure: how the data-rights features name a number without keeping it, which
 * numbers an event or a stored record mentions, and whether capture must
 * withhold an event because of an erasure or a suppression.
 */
import { createHmac } from 'node:crypto';
import { findPhoneNumbersInText } from 'libphonenumber-js';
import { isE164, normalizePhone, type CountryCode, type E164, type Erasure } from '@interaction-history/model';
import { daysAfter } from './retention.js';

/** HMAC-SHA256 of the E.164 number under the configured key, in hex: the registry's document id. */
export function phoneHash(phone: E164, key: string): string {
  return createHmac('sha256', key).update(phone, 'utf8').digest('hex');
}

/** The subject an audit entry names once the number has been erased. */
export const erasureSubject = (hash: string): string => `erasure:${hash}`;

/**
 * How long an erase-only registry entry is kept: a task created before the
 * erasure can still arrive late, or be reconciled from TaskRouter's Events
 * API, which keeps events for 30 days; a margin on top.
 */
export const ERASE_ONLY_REGISTRY_DAYS = 45;

/** When an entry that does not suppress recording may be forgotten (TTL), or null to keep it. */
export function registryExpiry(entry: Pick<Erasure, 'erasedAt' | 'suppressed'>, now: Date): Date | null {
  if (entry.suppressed) return null;
  if (entry.erasedAt === null) return now;
  return daysAfter(entry.erasedAt, ERASE_ONLY_REGISTRY_DAYS);
}

/** A bound on the numbers checked per event, so that a pathological payload cannot make capture slow. */
export const MAX_PHONES_CHECKED = 20;

/** How many numbers a capture-failure record lists by hash, and how much of its parameters is read for them. */
export const MAX_PHONES_INDEXED = 50;
export const MAX_TEXT_INDEXED = 256 * 1024;

export interface PhoneIndex {
  readonly mentionedPhoneHashes: readonly string[];
  /** The list may be incomplete: the record must be read whole to know. */
  readonly needsTextScan: boolean;
}

/**
 * The numbers a capture-failure record names, by keyed hash, for erase and
 * export to find it by a query: every number in `text` (the event's
 * parameters as JSON), unless the text is too long to read at capture or
 * names too many, when the record is marked to be read whole instead.
 */
export function phoneIndexOf(text: string, region: CountryCode, hashOf: (phone: E164) => string): PhoneIndex {
  if (text.length > MAX_TEXT_INDEXED) return { mentionedPhoneHashes: [], needsTextScan: true };
  const phones = [...phonesMentioned(text, region)];
  return {
    mentionedPhoneHashes: phones.slice(0, MAX_PHONES_INDEXED).map(hashOf),
    needsTextScan: phones.length > MAX_PHONES_INDEXED,
  };
}

/**
 * Every valid number written in `text`, in E.164 form: numbers in any
 * national or international format (libphonenumber's finder, which reads
 * `whatsapp:+44…` too) and bare E.164 strings.
 */
export function phonesMentioned(text: string, region: CountryCode): Set<E164> {
  const found = new Set<E164>();
  for (const match of text.matchAll(/\+[1-9]\d{6,14}/g)) {
    const phone = normalizePhone(match[0], region);
    if (phone) found.add(phone);
  }
  for (const number of findPhoneNumbersInText(text, { defaultCountry: region })) {
    if (isE164(number.number.number) && number.number.isValid()) found.add(number.number.number);
  }
  return found;
}

/** True when `text` names `phone` in any format. */
export function mentionsPhone(text: string, phone: E164, region: CountryCode): boolean {
  return text.includes(phone) || phonesMentioned(text, region).has(phone);
}

/**
 * Whether an event for a task created at `taskCreatedAt` must be withheld
 * because of these registry entries (one per number the event names): while
 * a number is suppressed, nothing; after an erase, nothing of a task created
 * before it (replays, late deliveries, reconciliation).
 */
export function mustWithhold(entries: readonly Erasure[], taskCreatedAt: Date): boolean {
  return entries.some((entry) => entry.suppressed || (entry.erasedAt !== null && taskCreatedAt.getTime() <= entry.erasedAt.getTime()));
}

/**
 * For the withdraw triggers, which look again at a record already stored
 * (committed at `committedAt`): withheld by an entry that took effect before
 * the record was committed. What was committed before an erase registered is
 * the erase's own to find and delete (it registers before it looks); what was
 * recorded before a suppression was set is kept.
 */
export function mustWithdraw(entries: readonly Erasure[], taskCreatedAt: Date, committedAt: Date): boolean {
  return entries.some((entry) => {
    const tookEffect = [entry.erasedAt, entry.suppressed ? entry.suppressionChangedAt : null]
      .filter((time): time is Date => time !== null)
      .map((time) => time.getTime());
    return tookEffect.length > 0 && Math.max(...tookEffect) < committedAt.getTime() && mustWithhold([entry], taskCreatedAt);
  });
}
