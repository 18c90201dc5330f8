import * as z from 'zod/mini';
import { isE164 } from './phone.js';

/** Bounds shared by the create-customer form, the security rules and the tests. */
export const CUSTOMER_LIMITS = {
  nameMaxLength: 100,
  emailMaxLength: 254,
  accountIdMaxLength: 64,
} as const;

/** Line breaks and other control characters have no place in a name; the rules refuse them too. */
const hasControlCharacter = (value: string) => {
  // UTF-16 code units: every control character is one, and no half of a surrogate pair is below 0x80.
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
};

const requiredName = z.string().check(
  z.trim(),
  z.minLength(1, 'required'),
  z.maxLength(CUSTOMER_LIMITS.nameMaxLength, 'tooLong'),
  z.refine((value) => !hasControlCharacter(value), 'invalidCharacters'),
);

/** What an agent may type about a customer; the same shape is validated by `firestore.rules`. */
export const customerProfileInputSchema = z.strictObject({
  firstName: requiredName,
  lastName: requiredName,
  email: z.optional(
    z.string().check(z.trim(), z.maxLength(CUSTOMER_LIMITS.emailMaxLength, 'tooLong'), z.email('invalidEmail')),
  ),
  accountId: z.optional(
    z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(CUSTOMER_LIMITS.accountIdMaxLength, 'tooLong')),
  ),
});

export type CustomerProfileInput = z.infer<typeof customerProfileInputSchema>;

export type CustomerProfileField = keyof CustomerProfileInput;

/** Validation problems by field, as message keys (`required`, `tooLong`, `invalidEmail`, `invalidCharacters`). */
export type CustomerProfileErrors = Partial<Record<CustomerProfileField, string>>;

export type CustomerProfileValidation =
  | { readonly ok: true; readonly value: CustomerProfileInput }
  | { readonly ok: false; readonly errors: CustomerProfileErrors };

/** Validates form input; blank optional fields count as absent. */
export function validateCustomerProfile(input: Record<string, string | undefined>): CustomerProfileValidation {
  const withoutBlanks = Object.fromEntries(
    Object.entries(input).filter(([key, value]) => {
      const optional = key === 'email' || key === 'accountId';
      return !(optional && (value === undefined || value.trim() === ''));
    }),
  );
  const result = z.safeParse(customerProfileInputSchema, withoutBlanks);
  if (result.success) return { ok: true, value: result.data };
  const errors: CustomerProfileErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (field === 'firstName' || field === 'lastName' || field === 'email' || field === 'accountId') {
      errors[field] ??= issue.message;
    }
  }
  return { ok: false, errors };
}

export function isCustomerId(id: string): boolean {
  return isE164(id);
}
