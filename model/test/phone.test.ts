import { describe, expect, it } from 'vitest';
import { firstValidPhone, isE164, normalizePhone } from '../src/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['+14155550100', '+14155550100'],
    ['(415) 555-0100', '+14155550100'],
    ['415.555.0100', '+14155550100'],
    [' +1 415 555 0100 ', '+14155550100'],
    ['whatsapp:+447911123456', '+447911123456'],
    ['sms:+14155550100', '+14155550100'],
    ['WhatsApp:+447911123456', '+447911123456'],
    ['tel:+14155550100', '+14155550100'],
  ])('reads %j as %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('reads a national number in the configured region', () => {
    expect(normalizePhone('07911 123456', 'GB')).toBe('+447911123456');
  });

  it.each(['+1/../x', '__x__', '../customers', '', '   ', 'client:alice', 'sip:alice@example.com', 'messenger:2025550123', '+1 415 555', '1-800-FLOWERS', '+14155550100/..', '+'.padEnd(60, '1')])(
    'refuses %j',
    (raw) => {
      expect(normalizePhone(raw)).toBeNull();
    },
  );

  it.each([null, undefined, 14155550100, {}, ['+14155550100']])('refuses the non-string %j', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('never returns something that is not E.164', () => {
    for (const raw of ['+14155550100', '(415) 555-0100', 'whatsapp:+447911123456']) {
      expect(isE164(normalizePhone(raw))).toBe(true);
    }
  });
});

describe('firstValidPhone', () => {
  it('skips candidates that are not phone numbers', () => {
    expect(firstValidPhone(['client:bob', undefined, 42, '+14155550100'])).toBe('+14155550100');
  });

  it('returns null when none is valid', () => {
    expect(firstValidPhone(['client:bob', '__x__'])).toBeNull();
  });
});
