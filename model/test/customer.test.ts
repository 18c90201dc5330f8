import { describe, expect, it } from 'vitest';
import { CUSTOMER_LIMITS, validateCustomerProfile } from '../src/customer.js';

describe('validateCustomerProfile', () => {
  it('accepts names and trims them, leaving blank optional fields out', () => {
    expect(validateCustomerProfile({ firstName: ' Ada ', lastName: 'Lovelace', email: '', accountId: ' ' })).toEqual({
      ok: true,
      value: { firstName: 'Ada', lastName: 'Lovelace' },
    });
  });

  it('reports each missing required field by name', () => {
    expect(validateCustomerProfile({ firstName: '  ', lastName: '' })).toEqual({
      ok: false,
      errors: { firstName: 'required', lastName: 'required' },
    });
  });

  it('refuses an invalid email and an overlong name', () => {
    const result = validateCustomerProfile({
      firstName: 'x'.repeat(CUSTOMER_LIMITS.nameMaxLength + 1),
      lastName: 'Ok',
      email: 'not-an-email',
    });
    expect(result).toEqual({ ok: false, errors: { firstName: 'tooLong', email: 'invalidEmail' } });
  });

  it('refuses a name with a line break or other control character', () => {
    expect(validateCustomerProfile({ firstName: 'Ada\nX', lastName: 'Love\u0007lace' })).toEqual({
      ok: false,
      errors: { firstName: 'invalidCharacters', lastName: 'invalidCharacters' },
    });
  });

  it('refuses fields the profile does not have', () => {
    expect(validateCustomerProfile({ firstName: 'A', lastName: 'B', role: 'admin' }).ok).toBe(false);
  });
});
