import { describe, expect, it } from 'vitest';
import { completeTaskRequestSchema, signInRequestSchema, tryDecode } from '../src/index.js';

describe('the local desktop requests', () => {
  it('sign-in takes a staff role and a trimmed name, and refuses anything else with the reason', () => {
    expect(tryDecode(signInRequestSchema, { role: 'admin', name: '  Ada  ' })).toEqual({ ok: true, value: { role: 'admin', name: 'Ada' } });
    expect(tryDecode(signInRequestSchema, { role: 'guest', name: 'Ada' }).ok).toBe(false);
    expect(tryDecode(signInRequestSchema, { role: 'agent', name: '   ' }).ok).toBe(false);
    expect(tryDecode(signInRequestSchema, { role: 'agent', name: 'x'.repeat(81) }).ok).toBe(false);
  });

  it('a completed task needs a TaskSid; a queue SID, an age or the drop switch of the wrong shape is refused', () => {
    const taskSid = `WT${'a'.repeat(32)}`;
    expect(tryDecode(completeTaskRequestSchema, { taskSid, dropCallbacks: true, ageSeconds: 3 }).ok).toBe(true);
    expect(tryDecode(completeTaskRequestSchema, { taskSid: 'WT123' }).ok).toBe(false);
    expect(tryDecode(completeTaskRequestSchema, { taskSid, queueSid: 'Support' }).ok).toBe(false);
    expect(tryDecode(completeTaskRequestSchema, { taskSid, ageSeconds: -1 }).ok).toBe(false);
    expect(tryDecode(completeTaskRequestSchema, { taskSid, dropCallbacks: 'yes' }).ok).toBe(false);
  });
});
