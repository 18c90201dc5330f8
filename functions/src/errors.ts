/** Error codes a caller can act on; each maps to one HTTP status. */
export type AppErrorCode =
  | 'configuration'
  | 'methodNotAllowed'
  | 'badSignature'
  | 'malformedRequest'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'rateLimited'
  | 'upstreamUnavailable'
  | 'storageUnavailable'
  | 'payloadTooLarge';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly httpStatus: number,
    /** For 429 and 503: when trying again may succeed, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** gRPC status codes of Firestore errors that a later retry may fix. */
const RETRYABLE_GRPC_CODES = new Set([
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED
  10, // ABORTED
  13, // INTERNAL
  14, // UNAVAILABLE
]);

export function isRetryableStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' && RETRYABLE_GRPC_CODES.has(code);
}

/** INVALID_ARGUMENT: Firestore refuses the document itself (a value out of range, too large); retrying cannot help. */
const PERMANENT_GRPC_CODES = new Set([3]);

export function isPermanentStorageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // The Admin SDK validates some values (dates out of range) before sending and throws a plain Error without a code.
  if (code === undefined && error instanceof Error && /^(Value for argument|Cannot encode value)/.test(error.message)) return true;
  return typeof code === 'number' && PERMANENT_GRPC_CODES.has(code);
}

/** One place that decides what an error means to the HTTP caller. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isRetryableStorageError(error)) {
    return new AppError('storageUnavailable', 'Storage is unavailable; retry later.', 503);
  }
  return new AppError('storageUnavailable', 'Unexpected error; retry later.', 500);
}

/**
 * Rejects with a 503 when `work` takes longer than `milliseconds`. The work
 * itself is not cancelled: writes are idempotent, so one that lands late is
 * found as a duplicate when the sender retries.
 */
export async function withDeadline<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // If the deadline wins, a late failure of the work has no one left to hear it.
  work.catch(() => undefined);
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new AppError('storageUnavailable', `No answer from storage within ${milliseconds} ms.`, 503)),
      milliseconds,
    );
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
