import { validator } from 'twilio-flex-token-validator';
import type { TwilioCredentials } from '../config.js';
import { flexTokenResultSchema, type FlexTokenResult } from '../domain/flexSession.js';
import { AppError } from '../errors.js';

export type FlexTokenValidator = (token: string) => Promise<FlexTokenResult>;

/**
 * The validator library rejects with a bare message, whatever went wrong: a
 * refused token, Twilio refusing our own credentials, an overloaded Twilio or
 * a call that never got an answer. The message is all there is to tell them apart.
 */
export type ValidatorRefusal = 'tokenRefused' | 'credentialsRefused' | 'unreachable';

/** Node's network errors carry an upper-case errno such as ECONNRESET or ENOTFOUND (case matters: "expired" is not one). */
const NETWORK_ERROR = /\bE[A-Z]{3,}\b|socket hang up/;
/** A non-JSON answer (an outage page), a timeout, or Twilio saying it cannot serve now (HTTP 429, 5xx). */
const TWILIO_UNAVAILABLE =
  /JSON|Unexpected (token|end)|timed? ?out|Too Many Requests|Internal Server Error|Service Unavailable|Bad Gateway|Gateway Time-?out/i;
/** Twilio's 20003 "Authenticate", or the library's own refusal to run without credentials: the fault is ours, not the agent's. */
const CREDENTIALS_REFUSED = /^Authenticate$|^Unauthorized: (AccountSid|AuthToken)/;

export function classifyValidatorRefusal(message: string): ValidatorRefusal {
  if (CREDENTIALS_REFUSED.test(message)) return 'credentialsRefused';
  if (NETWORK_ERROR.test(message) || TWILIO_UNAVAILABLE.test(message)) return 'unreachable';
  return 'tokenRefused';
}

/** Asks Twilio whether a Flex token is valid; gives up after `timeoutMs` with a 503. */
export function twilioFlexTokenValidator(credentials: TwilioCredentials, timeoutMs: number): FlexTokenValidator {
  return async (token) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new AppError('upstreamUnavailable', `Twilio did not answer within ${timeoutMs} ms.`, 503)),
        timeoutMs,
      );
    });
    const validation = validator(token, credentials.accountSid, credentials.authToken);
    validation.catch(() => undefined);
    try {
      const answer = await Promise.race([validation, timeout]);
      const parsed = flexTokenResultSchema.safeParse(answer);
      if (!parsed.success) throw new AppError('unauthenticated', 'The Flex token was not accepted.', 401);
      return parsed.data;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      switch (classifyValidatorRefusal(message)) {
        case 'unreachable':
          throw new AppError('upstreamUnavailable', 'Twilio could not be reached.', 503);
        case 'credentialsRefused':
          throw new AppError('configuration', 'Twilio refused this service\'s credentials; an admin must check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN.', 500);
        case 'tokenRefused':
          throw new AppError('unauthenticated', 'The Flex token is invalid or expired.', 401);
      }
    } finally {
      clearTimeout(timer);
    }
  };
}
