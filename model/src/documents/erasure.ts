import * as z from 'zod/mini';
import { STAFF_ROLES } from '../roles.js';
import { storedTime } from './storedTime.js';

/** Who did something: a worker SID and role, `cli` (role null) for the command-line tools. */
export const actorSchema = z.object({
  uid: z.string(),
  role: z.nullable(z.enum(STAFF_ROLES)),
});

export type Actor = z.output<typeof actorSchema>;

/** A keyed hash (HMAC-SHA256, hex) of an E.164 number: how the registry names a number without keeping it. */
export const phoneHashId = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'not a keyed phone hash'));

/**
 * `erasures/{phoneHash}`: the erasure registry, written and read only by the
 * functions (no client access). It holds a keyed hash of the number, never
 * the number. Capture stores nothing for a number while it is `suppressed`,
 * nor for a task created before `erasedAt`.
 */
export const erasureSchema = z.object({
  /** The last erase of this number (when it registered, by Firestore's clock), or null when recording was only suppressed. */
  erasedAt: z.nullable(storedTime),
  /**
   * When that erase had deleted and redacted everything, or null while it
   * runs (or if it stopped part way). A profile change committed before this
   * is audited without values; absent in entries written before the field.
   */
  erasureFinishedAt: z._default(z.nullable(storedTime), null),
  erasedBy: z.nullable(actorSchema),
  suppressed: z.boolean(),
  suppressionChangedAt: z.nullable(storedTime),
  suppressionChangedBy: z.nullable(actorSchema),
  /**
   * Set while not suppressed (Firestore TTL deletes the entry then): once no
   * task created before the erasure can still arrive (the Events API keeps 30 days).
   */
  expireAt: z.nullable(storedTime),
});

export type Erasure = z.output<typeof erasureSchema>;
