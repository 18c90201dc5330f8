/**
 * The CORS answer the browser-facing endpoints share: POST only, preflights
 * cached for ten minutes, and only the given origins and request headers.
 */
import cors from 'cors';
import type { Request, Response } from 'firebase-functions/v2/https';

export function runCors(
  request: Request,
  response: Response,
  origins: readonly string[],
  allowedHeaders: readonly string[],
): Promise<void> {
  // preflightContinue: the handler answers the preflight itself, so that this promise always settles.
  const middleware = cors({ origin: [...origins], methods: ['POST'], allowedHeaders: [...allowedHeaders], maxAge: 600, preflightContinue: true });
  return new Promise((resolve, reject) =>
    middleware(request, response, (error?: unknown) => {
      if (!error) resolve();
      else reject(error instanceof Error ? error : new Error('The CORS middleware failed.', { cause: error }));
    }),
  );
}
