import type { Response } from 'firebase-functions/v2/https';
import type { ErrorResponse } from '@interaction-history/model';
import { toAppError } from '../errors.js';
import * as logs from '../logs.js';

/** The one place where an error becomes an HTTP answer: a status that tells the truth and a JSON body. */
export function sendError(response: Response, endpoint: string, error: unknown): void {
  const appError = toAppError(error);
  logs.requestFailed(endpoint, appError.code, appError.httpStatus, error instanceof Error ? error.message : String(error));
  const message = appError.httpStatus >= 500 && appError.code !== 'configuration' ? 'Temporarily unavailable; retry later.' : appError.message;
  const retryAfterSeconds = appError.retryAfterSeconds;
  if (retryAfterSeconds !== undefined) response.set('Retry-After', String(retryAfterSeconds));
  response.status(appError.httpStatus).json({
    error: { code: appError.code, message, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) },
  } satisfies ErrorResponse);
}
