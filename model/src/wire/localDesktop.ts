/**
 * The local desktop's own requests (the stand-in Flex shell of `npm start`), shell to server: one schema each, from
 * which the shell's body types come and through which the server decodes
 * them (a malformed body is a 400 naming what is wrong, never a guess).
 */
import * as z from 'zod/mini';
import { STAFF_ROLES } from '../roles.js';

export const signInRequestSchema = z.object({
  role: z.enum(STAFF_ROLES),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
});

export type SignInRequest = z.input<typeof signInRequestSchema>;

/** A task the shell completed: the stand-in TaskRouter turns it into its documented lifecycle events. */
export const completeTaskRequestSchema = z.object({
  taskSid: z.string().check(z.regex(/^WT[0-9a-f]{32}$/)),
  attributes: z.optional(z.record(z.string(), z.unknown())),
  channel: z.optional(z.string()),
  queue: z.optional(z.string()),
  queueSid: z.optional(z.string().check(z.regex(/^WQ[0-9a-f]{32}$/))),
  workerSid: z.optional(z.string()),
  workerName: z.optional(z.string()),
  ageSeconds: z.optional(z.number().check(z.nonnegative())),
  order: z.optional(z.string()),
  dropCallbacks: z.optional(z.boolean()),
});

export type CompleteTaskRequest = z.input<typeof completeTaskRequestSchema>;
