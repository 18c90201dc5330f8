import * as z from 'zod/mini';
import { storedTime } from './storedTime.js';

const count = z.int().check(z.minimum(0));

/** Kept per customer by a Firestore trigger at `customerStats/{phone}`. */
export const customerStatsSchema = z.object({
  interactionCount: count,
  lastInteractionAt: z.nullable(storedTime),
  lastOutcome: z.nullable(z.string()),
  missingOutcomeCount: count,
});

export type CustomerStats = z.output<typeof customerStatsSchema>;
