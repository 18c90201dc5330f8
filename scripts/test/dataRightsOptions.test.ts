import { describe, expect, it } from 'vitest';
import { describeErasure, parseEraseOptions, parseExportOptions, parseSuppressionOptions } from '../lib/dataRightsOptions.js';

describe('npm run erase options', () => {
  it('reads the number in any format, into E.164, with the flags off by default', () => {
    expect(parseEraseOptions(['--', '--phone', '(415) 555-0100'], 'US')).toEqual({ phone: '+14155550100', dryRun: false, yes: false, suppress: false });
  });

  it('reads --dry-run, --yes and --suppress', () => {
    expect(parseEraseOptions(['--phone', '+447911123456', '--dry-run', '--yes', '--suppress'], 'US')).toEqual({
      phone: '+447911123456',
      dryRun: true,
      yes: true,
      suppress: true,
    });
  });

  it('refuses a missing or invalid number, and unknown options, by name', () => {
    expect(() => parseEraseOptions([], 'US')).toThrow('--phone <number> is required.');
    expect(() => parseEraseOptions(['--phone', 'call me'], 'US')).toThrow('--phone "call me" is not a valid phone number.');
    expect(() => parseEraseOptions(['--phone', '+14155550100', '--force'], 'US')).toThrow(/--force/);
  });

  it('answers help', () => {
    expect(parseEraseOptions(['--help'], 'US')).toBe('help');
  });
});

describe('npm run export and suppression options', () => {
  it('export needs only the number', () => {
    expect(parseExportOptions(['--phone', '0207 946 0000'], 'GB')).toEqual({ phone: '+442079460000' });
    expect(() => parseExportOptions([], 'US')).toThrow('--phone <number> is required.');
  });

  it('suppression shows, sets or lifts, never both', () => {
    expect(parseSuppressionOptions(['--phone', '+14155550100'], 'US')).toEqual({ phone: '+14155550100', suppressed: undefined });
    expect(parseSuppressionOptions(['--phone', '+14155550100', '--set'], 'US')).toEqual({ phone: '+14155550100', suppressed: true });
    expect(parseSuppressionOptions(['--phone', '+14155550100', '--lift'], 'US')).toEqual({ phone: '+14155550100', suppressed: false });
    expect(() => parseSuppressionOptions(['--phone', '+14155550100', '--set', '--lift'], 'US')).toThrow('Choose --set or --lift, not both.');
  });
});

describe('the erase report', () => {
  it('says what was removed, one kind a line, or what would be on a dry run', () => {
    const counts = { profile: 1, interactions: 12, stats: 1, countingMarkers: 12, captureFailures: 0, taskCaptures: 0, otherDocuments: 0, auditEntriesRedacted: 2 };
    expect(describeErasure(counts, false)).toBe(
      [
        'removed:',
        '       1  profile',
        '      12  interactions',
        '       1  stats document',
        '      12  counting markers',
        '       0  capture-failure records',
        '       0  per-task capture records',
        '       0  other documents keyed by the number',
        '       2  audit entries redacted (number and values replaced by a keyed hash)',
      ].join('\n'),
    );
    expect(describeErasure(counts, true)).toMatch(/^would remove:\n/);
  });
});
