import { describe, expect, it } from 'vitest';
import { classifyValidatorRefusal } from '../../src/adapters/flexTokenValidator.js';

describe('classifyValidatorRefusal', () => {
  it.each([
    'Invalid Access Token',
    'Access Token expired or expiration date invalid',
    'Expired token',
    'Expiration date invalid',
    'Token was signed for another account',
  ])('reads %j as a refused token', (message) => {
    expect(classifyValidatorRefusal(message)).toBe('tokenRefused');
  });

  it.each([
    'connect ECONNREFUSED 10.0.0.1:443',
    'getaddrinfo ENOTFOUND iam.twilio.com',
    'read ECONNRESET',
    'socket hang up',
    'Unexpected token < in JSON at position 0',
    'Unexpected end of JSON input',
    'Too Many Requests',
    'Internal Server Error',
    'Service Unavailable',
    'Gateway Timeout',
  ])('reads %j as Twilio not reachable now', (message) => {
    expect(classifyValidatorRefusal(message)).toBe('unreachable');
  });

  it.each(['Authenticate', 'Unauthorized: AuthToken or Api Credentials were not provided', 'Unauthorized: AccountSid was not provided'])(
    'reads %j as our own credentials refused',
    (message) => {
      expect(classifyValidatorRefusal(message)).toBe('credentialsRefused');
    },
  );
});
