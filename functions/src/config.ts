/**
 * Every setting the functions read, in one place. Values are read only inside
 * handlers (Firebase resolves them per instance); each reader checks what it
 * reads and names the key when something is missing or malformed.
 */
import { defineSecret, defineString } from 'firebase-functions/params';
import { isPhoneRegion, isTimeZone, type CountryCode } from '@interaction-history/model';
import { AppError } from './errors.js';

export const TWILIO_AUTH_TOKEN = defineSecret('TWILIO_AUTH_TOKEN', {
  description: 'Auth token of the Twilio account: checks X-Twilio-Signature and authenticates Flex token validation.',
});

export const TWILIO_ACCOUNT_SID = defineSecret('TWILIO_ACCOUNT_SID', {
  description: 'SID (AC…) of the Twilio account whose Flex tokens may sign in.',
});

export const TASKROUTER_WEBHOOK_URL = defineString('TASKROUTER_WEBHOOK_URL', {
  description:
    'The exact public URL of the taskrouterEvents function, as configured as the TaskRouter workspace event callback. Signatures are checked against it.',
});

export const PHONE_DEFAULT_REGION = defineString('PHONE_DEFAULT_REGION', {
  default: 'US',
  description: 'Two-letter region used to read phone numbers written without a country code.',
});

export const TASKROUTER_WORKSPACE_SID = defineString('TASKROUTER_WORKSPACE_SID', {
  description: 'The Flex TaskRouter workspace (WS…) whose events reconciliation reads back from the Events API.',
});

export const DEFAULT_TASKROUTER_API_URL = 'https://taskrouter.twilio.com';

export const TASKROUTER_API_URL = defineString('TASKROUTER_API_URL', {
  default: DEFAULT_TASKROUTER_API_URL,
  description:
    'Where TaskRouter\'s REST API is read (the Events API). Every URL the twilio library follows, next pages included, goes there. Change it only for a local stand-in.',
});

/**
 * How often reconcileTaskrouterEvents reads the Events API (Cloud Scheduler
 * syntax). Fixed at deploy time: Cloud Scheduler takes the schedule when the
 * function is deployed, so it is a constant here, not a runtime parameter.
 */
export const RECONCILIATION_SCHEDULE = 'every 5 minutes';

/**
 * Each run reads back from where the last complete run ended, less this much:
 * an event can be listed by the API a little after it happened, and a run that
 * overlaps its predecessor cannot miss one at the seam. Exactly-once capture
 * makes the overlap cost reads, not duplicates.
 */
export const RECONCILIATION_OVERLAP_MINUTES = 15;

/** The first run (no status yet) reads this far back. */
export const RECONCILIATION_FIRST_LOOKBACK_MINUTES = 60;

/**
 * How long a scheduled run may take (Cloud Functions' timeoutSeconds). A run cut
 * short leaves `coveredUntil` where it was, so the next run reads the period again.
 */
export const RECONCILIATION_TIMEOUT_SECONDS = 540;

export const CENTRE_TIME_ZONE = defineString('CENTRE_TIME_ZONE', {
  default: 'UTC',
  description:
    "IANA time zone of the contact centre (e.g. Europe/London, America/Chicago): the supervisors' dashboard counts a day as a day in this zone.",
});

export const FLEX_ORIGIN = 'https://flex.twilio.com';

export const ALLOWED_ORIGINS = defineString('ALLOWED_ORIGINS', {
  default: FLEX_ORIGIN,
  description:
    'Comma-separated browser origins allowed to call mintFirebaseToken (CORS), e.g. https://flex.twilio.com,http://localhost:3000. Never *.',
});

function configurationError(key: string, problem: string): AppError {
  return new AppError('configuration', `Setting ${key} ${problem}`, 500);
}

function requireValue(key: string, value: string): string {
  if (value.trim() === '') throw configurationError(key, 'is not set.');
  return value.trim();
}

export interface WebhookSettings {
  readonly authToken: string;
  readonly publicUrl: string;
  readonly defaultRegion: CountryCode;
}

export function readPhoneRegion(): CountryCode {
  const region = PHONE_DEFAULT_REGION.value().trim().toUpperCase();
  if (!isPhoneRegion(region)) throw configurationError('PHONE_DEFAULT_REGION', `is "${region}", not a two-letter region such as US.`);
  return region;
}

/** The centre's time zone, checked against the runtime's zone database. */
export function readCentreTimeZone(): string {
  const timeZone = CENTRE_TIME_ZONE.value().trim();
  if (!isTimeZone(timeZone)) throw configurationError('CENTRE_TIME_ZONE', `is "${timeZone}", not an IANA time zone such as Europe/London.`);
  return timeZone;
}

export function readWebhookSettings(): WebhookSettings {
  const publicUrl = requireValue('TASKROUTER_WEBHOOK_URL', TASKROUTER_WEBHOOK_URL.value());
  let parsed: URL;
  try {
    parsed = new URL(publicUrl);
  } catch {
    throw configurationError('TASKROUTER_WEBHOOK_URL', `is "${publicUrl}", not an absolute URL.`);
  }
  const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  if (parsed.protocol !== 'https:' && !local) {
    throw configurationError('TASKROUTER_WEBHOOK_URL', 'must be an https:// URL (http is accepted only for a local emulator).');
  }
  return {
    authToken: requireValue('TWILIO_AUTH_TOKEN', TWILIO_AUTH_TOKEN.value()),
    publicUrl,
    defaultRegion: readPhoneRegion(),
  };
}

export interface TwilioCredentials {
  readonly accountSid: string;
  readonly authToken: string;
}

export function readTwilioCredentials(): TwilioCredentials {
  const accountSid = requireValue('TWILIO_ACCOUNT_SID', TWILIO_ACCOUNT_SID.value());
  if (!/^AC[0-9a-f]{32}$/.test(accountSid)) throw configurationError('TWILIO_ACCOUNT_SID', 'must look like AC followed by 32 hex digits.');
  return { accountSid, authToken: requireValue('TWILIO_AUTH_TOKEN', TWILIO_AUTH_TOKEN.value()) };
}

/** The CORS allow-list: Flex always, plus configured origins; a wildcard is refused, not honoured. */
export function readAllowedOrigins(): string[] {
  const configured = ALLOWED_ORIGINS.value()
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of configured) {
    if (origin === '*' || !/^https?:\/\/[^/\s*]+$/.test(origin)) {
      throw configurationError('ALLOWED_ORIGINS', `contains "${origin}", which is not an origin such as https://flex.twilio.com.`);
    }
  }
  return [...new Set([FLEX_ORIGIN, ...configured])];
}

export interface EventsApiConfiguration extends TwilioCredentials {
  readonly workspaceSid: string;
  readonly apiUrl: string;
}

/** TASKROUTER_API_URL: absolute, https (http only for a local stand-in), an origin with at most a path prefix. */
export function checkTaskrouterApiUrl(value: string): string {
  let parsed: URL;
  try {
    parsed = new URL(value.trim());
  } catch {
    throw configurationError('TASKROUTER_API_URL', `is "${value}", not an absolute URL such as ${DEFAULT_TASKROUTER_API_URL}.`);
  }
  const local = parsed.hostname === '127.0.0.1' || parsed.hostname === 'localhost';
  if (parsed.protocol !== 'https:' && !(local && parsed.protocol === 'http:')) {
    throw configurationError('TASKROUTER_API_URL', 'must be an https:// URL (http is accepted only for a local stand-in).');
  }
  if (parsed.search !== '' || parsed.hash !== '') throw configurationError('TASKROUTER_API_URL', 'must not carry a query or a fragment.');
  return parsed.href.replace(/\/+$/, '');
}

export function checkWorkspaceSid(value: string): string {
  const workspaceSid = requireValue('TASKROUTER_WORKSPACE_SID', value);
  if (!/^WS[0-9a-f]{32}$/.test(workspaceSid)) throw configurationError('TASKROUTER_WORKSPACE_SID', 'must look like WS followed by 32 hex digits.');
  return workspaceSid;
}

export function readEventsApiConfiguration(): EventsApiConfiguration {
  return {
    ...readTwilioCredentials(),
    workspaceSid: checkWorkspaceSid(TASKROUTER_WORKSPACE_SID.value()),
    apiUrl: checkTaskrouterApiUrl(TASKROUTER_API_URL.value() || DEFAULT_TASKROUTER_API_URL),
  };
}

export const ERASURE_HASH_KEY = defineSecret('ERASURE_HASH_KEY', {
  description:
    'Key of the HMAC that names an erased or suppressed phone number in the erasure registry (erasures/{hash}), so that the number itself is never kept. At least 32 characters; changing it forgets every erasure and suppression.',
});

export const INTERACTION_RETENTION_DAYS = defineString('INTERACTION_RETENTION_DAYS', {
  default: 'none',
  description:
    'Days after completion when an interaction expires (Firestore TTL on expireAt), e.g. 730. `none` (the default): interactions are kept until erased.',
});

/** Below this, the keyed hash of a phone number could be brute-forced with the key as well as the number. */
export const ERASURE_HASH_KEY_MIN_LENGTH = 32;

export function readErasureHashKey(): string {
  const key = requireValue('ERASURE_HASH_KEY', ERASURE_HASH_KEY.value());
  if (key.length < ERASURE_HASH_KEY_MIN_LENGTH) throw configurationError('ERASURE_HASH_KEY', `must be at least ${ERASURE_HASH_KEY_MIN_LENGTH} characters.`);
  return key;
}

/** The retention period in days, or null for none. */
export function readRetentionDays(): number | null {
  return parseRetentionDays(INTERACTION_RETENTION_DAYS.value());
}

/** INTERACTION_RETENTION_DAYS as days, or null for none; the same rule for the functions and the scripts. */
export function parseRetentionDays(setting: string): number | null {
  const raw = setting.trim();
  if (raw === '' || raw.toLowerCase() === 'none') return null;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw configurationError('INTERACTION_RETENTION_DAYS', `is "${raw}", not a whole number of days from 1 to 36500, or none.`);
  }
  return days;
}
