import * as z from 'zod/mini';

/** A Firestore Timestamp from either SDK (Admin or web); both have `toDate()`. A Date passes as it is. */
interface TimestampLike {
  toDate(): Date;
}

const isTimestampLike = (value: unknown): value is TimestampLike | Date =>
  value instanceof Date ||
  (typeof value === 'object' && value !== null && typeof (value as { toDate?: unknown }).toDate === 'function');

/**
 * A stored time, decoded to a Date. The one place where Firestore timestamps
 * become Dates, for the functions, the plugin and the tests alike.
 */
export const storedTime = z.pipe(
  z.custom<TimestampLike | Date>(isTimestampLike, 'not a timestamp'),
  z.transform((value) => (value instanceof Date ? value : value.toDate())),
);
