import { describe, expect, it } from 'vitest';
import { parseSimulateOptions, simulatedAttributes } from '../lib/simulateOptions.js';

describe('npm run simulate options', () => {
  it('defaults to one voice task without outcome', () => {
    expect(parseSimulateOptions([])).toMatchObject({
      count: 1,
      concurrency: 10,
      channel: 'voice',
      outcome: null,
      event: null,
      agent: 'Alice Agent',
      transferTo: null,
      order: 'as-happened',
    });
  });

  it('normalises the phone numbers it is given', () => {
    expect(parseSimulateOptions(['--phone', '(415) 555-0100', '--customer', 'whatsapp:+447911123456'])).toMatchObject({
      phone: '+14155550100',
      customer: '+447911123456',
    });
  });

  it.each([
    [['--count', '0'], /--count/],
    [['--count', 'many'], /--count/],
    [['--concurrency', '501'], /--concurrency/],
    [['--channel', 'fax'], /--channel/],
    [['--phone', '__x__'], /--phone/],
    [['--bogus'], /bogus/],
    [['--order', 'sideways'], /--order must be one of as-happened, completed-first, reversed, shuffled/],
    [['--agent', ' '], /--agent/],
  ])('refuses %j with a message naming the option', (argv, message) => {
    expect(() => parseSimulateOptions(argv)).toThrow(message);
  });

  it('reads the agent, a transfer, an order of delivery and a completion reason', () => {
    expect(
      parseSimulateOptions(['--agent', 'Bob Agent', '--transfer-to', 'Carol Agent', '--order', 'completed-first', '--completed-reason', 'Wrap-up timed out']),
    ).toMatchObject({ agent: 'Bob Agent', transferTo: 'Carol Agent', order: 'completed-first', completedReason: 'Wrap-up timed out' });
  });

  it('builds WhatsApp attributes with the channel prefix, the outcome and the searched customer', () => {
    const options = parseSimulateOptions(['--channel', 'whatsapp', '--outcome', 'Billing', '--comment', 'hi', '--customer', '+14155550111']);
    expect(simulatedAttributes(options, '+447911123456')).toEqual({
      from: 'whatsapp:+447911123456',
      channelType: 'whatsapp',
      direction: 'inbound',
      conversations: { outcome: 'Billing' },
      interactionHistory: { comment: 'hi', customerPhone: '+14155550111' },
    });
  });
});
