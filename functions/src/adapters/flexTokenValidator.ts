import { validator } from 'twilio-flex-token-validator';
import type { TwilioCredentials } from '../config.js';
import { flexTokenResultSchema, type FlexTokenResult } from '../domain/flexSession.js';
import { AppError } from '../errors.js';

export type FlexTokenValidator = (token: string) => Promise<FlexTokenResult>;

/**
 * The validator library rejects with a bare message for both a refused token
 * and a failed call; these are the messages of a call that never got Twilio's
 * verdict (socket errors, a non-JSON answer).
 */
const UNREACHABLE = /\bE[A-Z]{3,}\b|socket hang up|JSON|Unexpected (token|end)|timed? ?out/i;

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
      if (UNREACHABLE.test(message)) throw new AppError('upstreamUnavailable', 'Twilio could not be reached.', 503);
      throw new AppError('unauthenticated', 'The Flex token is invalid or expired.', 401);
    } finally {
      clearTimeout(timer);
    }
  };
}
