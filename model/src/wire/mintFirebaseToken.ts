/**
 * The mintFirebaseToken endpoint's contract: the plugin (and the local
 * desktop's stand-in) POST a request, the function answers with a token or an
 * error. Both sides decode through these schemas.
 */
import * as z from 'zod/mini';

/** Flex tokens are JWTs of a few kilobytes; anything far beyond is not one. */
export const FLEX_TOKEN_MAX_LENGTH = 16_384;

export const mintRequestSchema = z.object({
  token: z.string().check(z.minLength(1), z.maxLength(FLEX_TOKEN_MAX_LENGTH)),
});
export type MintRequest = z.infer<typeof mintRequestSchema>;

export const mintResponseSchema = z.object({ firebaseToken: z.string().check(z.minLength(1)) });
export type MintResponse = z.infer<typeof mintResponseSchema>;

/** Every function answers a refusal in this shape (functions/src/http/sendError.ts). */
export const errorResponseSchema = z.object({
  error: z.object({
    code: z.optional(z.string()),
    message: z.string(),
    /** With 429 (and the `Retry-After` header): seconds until a new attempt may be served. */
    retryAfterSeconds: z.optional(z.int().check(z.minimum(0))),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
