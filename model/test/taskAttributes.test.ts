import { describe, expect, it } from 'vitest';
import { callerAddressCandidates, mergeOutcomeAttributes, readAttribute } from '../src/taskAttributes.js';

describe('mergeOutcomeAttributes', () => {
  it('adds the outcome while keeping every other attribute, including other keys of conversations', () => {
    const attributes = { from: '+14155550100', conversations: { conversation_id: 'c1', abandoned: 'No' }, direction: 'inbound' };

    const merged = mergeOutcomeAttributes(attributes, { outcome: 'Billing', comment: 'hi', customerPhone: null });

    expect(merged).toEqual({
      from: '+14155550100',
      direction: 'inbound',
      conversations: { conversation_id: 'c1', abandoned: 'No', outcome: 'Billing' },
      interactionHistory: { comment: 'hi', customerPhone: null },
    });
    expect(attributes.conversations).toEqual({ conversation_id: 'c1', abandoned: 'No' });
  });

  it('replaces a conversations value that is not an object rather than failing', () => {
    const merged = mergeOutcomeAttributes({ conversations: 'weird' }, { outcome: 'Other', comment: null, customerPhone: '+14155550100' });
    expect(readAttribute(merged, 'conversations.outcome')).toBe('Other');
  });
});

describe('callerAddressCandidates', () => {
  it('lists from, caller, customerAddress and customers.phone in that order', () => {
    expect(callerAddressCandidates({ customers: { phone: 'd' }, customerAddress: 'c', caller: 'b', from: 'a' })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not read inherited properties', () => {
    expect(readAttribute({}, 'constructor')).toBeUndefined();
  });
});
