import { describe, expect, it } from 'vitest';
import type { E164 } from '@interaction-history/model';
import { interactionForFiling } from '../../src/domain/filing.js';
import { completedTaskParameters } from '../../../local-stack/standInTaskRouter.js';
import { MAX_ATTRIBUTES_BYTES } from '../../src/domain/completedTask.js';

const phone = '+14155550123' as E164;
const options = { defaultRegion: 'US' as const, receivedAt: new Date('2026-12-06T10:00:00Z') };

describe('rebuilding an unattributable event for an admin to file', () => {
  it('files it under the chosen customer with its reason code', () => {
    const parameters = completedTaskParameters({ attributes: { from: 'client:anonymous', conversations: { outcome: 'Billing' } } });
    const built = interactionForFiling(JSON.stringify(parameters), phone, options);
    expect(built).toMatchObject({ ok: true, interaction: { customerPhone: phone, outcome: 'Billing', taskSid: parameters.TaskSid } });
  });

  it('reads attributes that are not JSON, and a reason code that is not text, as none', () => {
    const notJson = completedTaskParameters({ attributes: '{broken' });
    expect(interactionForFiling(JSON.stringify(notJson), phone, options)).toMatchObject({ ok: true, interaction: { outcome: null } });
    const oddOutcome = completedTaskParameters({ attributes: { from: 'x', conversations: { outcome: { nested: true } } } });
    expect(interactionForFiling(JSON.stringify(oddOutcome), phone, options)).toMatchObject({ ok: true, interaction: { outcome: null } });
  });

  it('of attributes too large to keep, still honours a reason code chosen for another task (a transfer copied it)', () => {
    const padding = 'x'.repeat(MAX_ATTRIBUTES_BYTES); // over the limit: only what capture reads is kept
    const inherited = completedTaskParameters({
      attributes: { from: 'x', padding, conversations: { outcome: 'Billing' }, interactionHistory: { outcomeTaskSid: `WT${'9'.repeat(32)}` } },
    });
    expect(interactionForFiling(JSON.stringify(inherited), phone, options)).toMatchObject({ ok: true, interaction: { outcome: null } });
    const taskSid = `WT${'8'.repeat(32)}`;
    const own = completedTaskParameters({ taskSid, attributes: { from: 'x', padding, conversations: { outcome: 'Billing' }, interactionHistory: { outcomeTaskSid: taskSid } } });
    expect(interactionForFiling(JSON.stringify(own), phone, options)).toMatchObject({ ok: true, interaction: { outcome: 'Billing' } });
  });

  it('says why when the recorded parameters were cut', () => {
    const result = interactionForFiling('{"EventType": "task.comp', phone, options);
    expect(result.ok).toBe(false);
  });
});
