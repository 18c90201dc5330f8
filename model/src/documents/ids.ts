import * as z from 'zod/mini';

/** A TaskRouter SID: two letters and 32 lowercase hex digits. */
export const sidOf = (prefix: string) => z.string().check(z.regex(new RegExp(`^${prefix}[0-9a-f]{32}$`), `not a ${prefix} SID`));

export const taskSid = sidOf('WT');

/** A phone number in E.164 form, as customers are keyed. */
export const e164Id = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/, 'not an E.164 phone number'));
