import * as z from 'zod/mini';
import { STAFF_ROLES } from '../roles.js';
import { storedTime } from './storedTime.js';
import { e164Id } from './ids.js';

/**
 * A stored customer profile at `customers/{phone}`. What may be typed into it
 * is `customerProfileInputSchema` (customer.ts), which the rules mirror; this
 * is what a reader gets back.
 */
export const customerSchema = z.object({
  phone: e164Id,
  firstName: z.string(),
  lastName: z.string(),
  email: z.optional(z.string()),
  accountId: z.optional(z.string()),
  createdAt: storedTime,
  /** The worker SID (uid) of whoever created it, or `import` and the like for data written by an admin tool. */
  createdBy: z.string(),
  /** The creator's role claim; profiles created before the audit trail have none. */
  createdByRole: z.optional(z.enum(STAFF_ROLES)),
  updatedAt: z.optional(storedTime),
  updatedBy: z.optional(z.string()),
  /** The role claim of `updatedBy`, stamped with it (the audit trail reads both). */
  updatedByRole: z.optional(z.enum(STAFF_ROLES)),
});

export type Customer = z.output<typeof customerSchema>;
