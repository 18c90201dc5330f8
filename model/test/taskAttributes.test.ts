import { describe, expect, it } from 'vitest';
import { REASON_CODE_MAX_LENGTH } from '../src/reasonCodes.js';
import { callerAddressCandidates, mergeOutcomeAttributes, readAttribute, readOutcomeAttributes } from '../src/taskAttributes.js';

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

describe('readOutcomeAttributes', () => {
  it('reads the reason code, comment and chosen customer as the plugin writes them', () => {
    const attributes = mergeOutcomeAttributes({ from: '+14155550100' }, { outcome: 'Billing', comment: 'Invoice', customerPhone: '+14155550111' });
    expect(readOutcomeAttributes(attributes)).toEqual({ outcome: 'Billing', comment: 'Invoice', customerPhone: '+14155550111', malformed: [] });
  });

  it('reads absent, null and blank values as none, without calling them malformed', () => {
    expect(readOutcomeAttributes({ conversations: { outcome: '  ' }, interactionHistory: { comment: null } })).toEqual({
      outcome: null,
      comment: null,
      customerPhone: null,
      malformed: [],
    });
  });

  it('names values that are there but unusable, and reads them as none', () => {
    const reading = readOutcomeAttributes({
      conversations: { outcome: 'x'.repeat(REASON_CODE_MAX_LENGTH + 1) },
      interactionHistory: { comment: { text: 'hi' }, customerPhone: 14155550100 },
    });
    expect(reading).toEqual({ outcome: null, comment: null, customerPhone: null, malformed: ['outcome', 'comment', 'customerPhone'] });
  });

  it('keeps a long comment whole: cutting it is capture’s business', () => {
    const comment = 'é'.repeat(5000);
    expect(readOutcomeAttributes({ interactionHistory: { comment } }).comment).toBe(comment);
  });
});
