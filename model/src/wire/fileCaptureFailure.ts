/**
 * The fileCaptureFailure endpoint's contract: an admin files an event that
 * could not be attributed under a customer. POST with
 * `Authorization: Bearer <Firebase ID token>` (an admin session) and this
 * JSON body; the answer says what was written. Refusals use
 * `errorResponseSchema` (wire/mintFirebaseToken.ts).
 */
import * as z from 'zod/mini';
import { e164Id, taskSid } from '../documents/ids.js';

export const fileCaptureFailureRequestSchema = z.object({
  /** The capture failure's id, `captureFailures/{taskSid}`. */
  taskSid,
  /** The customer's number as typed; the function normalises it (PHONE_DEFAULT_REGION) and refuses one that is not valid. */
  customerPhone: z.string().check(z.minLength(1), z.maxLength(64)),
});

export type FileCaptureFailureRequest = z.infer<typeof fileCaptureFailureRequestSchema>;

export const fileCaptureFailureResponseSchema = z.object({
  /** `filed`: the interaction was stored now; `alreadyFiled`: an earlier request had filed it (nothing more written). */
  result: z.enum(['filed', 'alreadyFiled']),
  taskSid,
  /** The customer it is filed under, in E.164. */
  customerPhone: e164Id,
  /** `customers/{customerPhone}/interactions/{taskSid}`. */
  interactionPath: z.string(),
});

export type FileCaptureFailureResponse = z.infer<typeof fileCaptureFailureResponseSchema>;
