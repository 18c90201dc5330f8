import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks';
import { describe, expect, it } from 'vitest';
import { isSignedByTwilio, parseFormBody } from '../../src/adapters/twilioSignature.js';

const url = 'https://example.com/taskrouterEvents';
const authToken = 'test-auth-token';

describe('parseFormBody', () => {
  it('keeps repeated keys as every value in order', () => {
    expect(parseFormBody(Buffer.from('A=1&B=2&A=3'))).toEqual({ A: ['1', '3'], B: '2' });
  });

  it('treats names that objects inherit as ordinary parameters', () => {
    const parameters = parseFormBody(Buffer.from('constructor=x&toString=y&__proto__=z&hasOwnProperty=w'));
    expect(Object.getPrototypeOf(parameters)).toBe(Object.prototype);
    expect(Object.entries(parameters)).toEqual([
      ['constructor', 'x'],
      ['toString', 'y'],
      ['__proto__', 'z'],
      ['hasOwnProperty', 'w'],
    ]);
  });

  it('verifies a signature over such parameters like any other', () => {
    const parameters = parseFormBody(Buffer.from('constructor=x&EventType=task.completed'));
    const signature = getExpectedTwilioSignature(authToken, url, { constructor: 'x', EventType: 'task.completed' });
    expect(isSignedByTwilio(authToken, signature, url, parameters)).toBe(true);
    expect(isSignedByTwilio(authToken, signature, url, { ...parameters, EventType: 'task.created' })).toBe(false);
  });
});
