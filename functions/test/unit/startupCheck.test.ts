import { afterEach, describe, expect, it } from 'vitest';
import { checkSharedSettings } from '../../src/startupCheck.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('the settings check at cold start', () => {
  it('finds nothing wrong with valid settings', () => {
    process.env['PHONE_DEFAULT_REGION'] = 'GB';
    process.env['ALLOWED_ORIGINS'] = 'https://flex.twilio.com,http://localhost:3000';
    process.env['TASKROUTER_WEBHOOK_URL'] = 'https://example.com/taskrouterEvents';
    expect(checkSharedSettings()).toEqual([]);
  });

  it('names every key that is missing or invalid', () => {
    process.env['PHONE_DEFAULT_REGION'] = 'Narnia';
    process.env['ALLOWED_ORIGINS'] = '*';
    process.env['TASKROUTER_WEBHOOK_URL'] = '';
    const problems = checkSharedSettings();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/PHONE_DEFAULT_REGION/);
    expect(problems[1]).toMatch(/ALLOWED_ORIGINS/);
    expect(problems[2]).toMatch(/TASKROUTER_WEBHOOK_URL/);
  });
});
