import * as z from 'zod/mini';
import { STAFF_ROLES } from '../roles.js';
import { storedTime } from './storedTime.js';

/**
 * `profileDeletions/{phone}`: who deleted a profile. Firestore triggers do not
 * carry the writer's identity, so the admin's browser writes this in the same
 * batch as the delete (the rules require it, equal to the session's claims);
 * the audit trigger reads it into the entry and removes it. No client reads it.
 */
export const profileDeletionSchema = z.object({
  deletedBy: z.string(),
  deletedByRole: z.enum(STAFF_ROLES),
  deletedAt: storedTime,
});

export type ProfileDeletion = z.output<typeof profileDeletionSchema>;
