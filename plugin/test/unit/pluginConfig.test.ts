import { describe, expect, it } from 'vitest';
import { DEFAULT_PHONE_REGION, DEFAULT_REASON_CODES } from '@interaction-history/model';
import { parsePluginConfig, PluginConfigError, readOutcomeSettings } from '../../src/config/pluginConfig.js';

const minimal = () => ({
  mintTokenUrl: 'https://us-central1-demo.cloudfunctions.net/mintFirebaseToken',
  firebase: { apiKey: 'AIzaSy-demo', projectId: 'demo-history' },
});

/** The problems a configuration is refused with; fails the test if it is accepted. */
function problemsOf(raw: unknown): string[] {
  try {
    parsePluginConfig(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginConfigError);
    return (error as PluginConfigError).problems;
  }
  throw new Error('the configuration was accepted');
}

describe('parsePluginConfig', () => {
  it('fills in the default reason codes, page size and phone region', () => {
    const config = parsePluginConfig(minimal());

    expect(config.reasonCodes).toEqual([...DEFAULT_REASON_CODES]);
    expect(config.pageSize).toBe(10);
    expect(config.phoneRegion).toBe('US');
    expect(config.mintTokenUrl).toBe(minimal().mintTokenUrl);
    expect(config.firebase).toEqual(minimal().firebase);
  });

  it('uses a configured list of reason codes instead of the default one', () => {
    const config = parsePluginConfig({ ...minimal(), reasonCodes: ['Sale', 'No sale'] });

    expect(config.reasonCodes).toEqual(['Sale', 'No sale']);
  });

  it('gives each configuration its own copy of the default reason codes', () => {
    const first = parsePluginConfig(minimal());
    first.reasonCodes.push('Added at run time');

    expect(parsePluginConfig(minimal()).reasonCodes).toEqual([...DEFAULT_REASON_CODES]);
  });

  it('takes a configured page size and phone region', () => {
    const config = parsePluginConfig({ ...minimal(), pageSize: 25, phoneRegion: 'GB' });

    expect(config.pageSize).toBe(25);
    expect(config.phoneRegion).toBe('GB');
  });

  it('names the missing mintTokenUrl under interactionHistory', () => {
    const { mintTokenUrl: _omitted, ...raw } = minimal();

    const problems = problemsOf(raw);

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^interactionHistory\.mintTokenUrl: /);
  });

  it('names the missing firebase.projectId under interactionHistory', () => {
    const problems = problemsOf({ ...minimal(), firebase: { apiKey: 'AIzaSy-demo' } });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^interactionHistory\.firebase\.projectId: /);
  });

  it('puts every problem in the error message', () => {
    const raw = { firebase: { apiKey: 'AIzaSy-demo' } };

    expect(() => parsePluginConfig(raw)).toThrow(/interactionHistory\.mintTokenUrl.*interactionHistory\.firebase\.projectId/);
  });

  it('reports every required key when nothing is configured', () => {
    const problems = problemsOf(undefined);

    expect(problems.some((problem) => problem.startsWith('interactionHistory.mintTokenUrl: '))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('interactionHistory.firebase: '))).toBe(true);
  });

  it('refuses a token URL that is not http(s)', () => {
    const problems = problemsOf({ ...minimal(), mintTokenUrl: 'ftp://example.com/mint' });

    expect(problems).toEqual(['interactionHistory.mintTokenUrl: must be an http(s) URL']);
  });

  it.each([0, 1000, 2.5])('refuses a page size of %s', (pageSize) => {
    const problems = problemsOf({ ...minimal(), pageSize });

    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^interactionHistory\.pageSize: /);
  });

  it.each([1, 100])('accepts a page size of %s', (pageSize) => {
    expect(parsePluginConfig({ ...minimal(), pageSize }).pageSize).toBe(pageSize);
  });

  it('refuses a phone region that does not exist', () => {
    const problems = problemsOf({ ...minimal(), phoneRegion: 'XX' });

    expect(problems).toEqual(['interactionHistory.phoneRegion: must be a two-letter region such as US']);
  });

  it('refuses an empty list of reason codes and an empty reason code, naming its position', () => {
    expect(problemsOf({ ...minimal(), reasonCodes: [] })[0]).toMatch(/^interactionHistory\.reasonCodes: /);
    expect(problemsOf({ ...minimal(), reasonCodes: ['Sale', ''] })[0]).toMatch(/^interactionHistory\.reasonCodes\.1: /);
  });
});

describe('readOutcomeSettings: what the reason code and guard use whatever else is wrong', () => {
  it('keeps the configured reason codes and region when the rest of the settings are invalid', () => {
    expect(readOutcomeSettings({ mintTokenUrl: 'nope', reasonCodes: ['Sales', 'Support'], phoneRegion: 'GB' })).toEqual({
      reasonCodes: ['Sales', 'Support'],
      phoneRegion: 'GB',
    });
  });

  it('falls back to the default reason codes and region when they are missing or invalid', () => {
    expect(readOutcomeSettings(undefined)).toEqual({ reasonCodes: [...DEFAULT_REASON_CODES], phoneRegion: DEFAULT_PHONE_REGION });
    expect(readOutcomeSettings({ reasonCodes: [], phoneRegion: 'Narnia' })).toEqual({ reasonCodes: [...DEFAULT_REASON_CODES], phoneRegion: DEFAULT_PHONE_REGION });
  });
});
