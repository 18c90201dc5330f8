import { describe, expect, it } from 'vitest';
import { REASON_CODE_MAX_LENGTH } from '../src/reasonCodes.js';
import {
  callerAddressCandidates,
  mergeOutcomeAttributes,
  OUTCOME_TASK_SID_ATTRIBUTE,
  readAttribute,
  readOutcomeAttributes,
} from '../src/taskAttributes.js';

const TASK = `WT${'a'.repeat(32)}`;

describe('mergeOutcomeAttributes', () => {
  it('adds the outcome while keeping every other attribute, including other keys of conversations', () => {
    const attributes = { from: '+14155550100', conversations: { conversation_id: 'c1', abandoned: 'No' }, direction: 'inbound' };

    const merged = mergeOutcomeAttributes(attributes, { outcome: 'Billing', comment: 'hi', customerPhone: null }, TASK);

    expect(merged).toEqual({
      from: '+14155550100',
      direction: 'inbound',
      conversations: { conversation_id: 'c1', abandoned: 'No', outcome: 'Billing' },
      interactionHistory: { comment: 'hi', customerPhone: null, outcomeTaskSid: TASK },
    });
    expect(attributes.conversations).toEqual({ conversation_id: 'c1', abandoned: 'No' });
  });

  it('replaces a conversations value that is not an object rather than failing', () => {
    const merged = mergeOutcomeAttributes({ conversations: 'weird' }, { outcome: 'Other', comment: null, customerPhone: '+14155550100' }, TASK);
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
    const attributes = mergeOutcomeAttributes({ from: '+14155550100' }, { outcome: 'Billing', comment: 'Invoice', customerPhone: '+14155550111' }, TASK);
    expect(readOutcomeAttributes(attributes, TASK)).toEqual({
      outcome: 'Billing',
      comment: 'Invoice',
      customerPhone: '+14155550111',
      malformed: [],
      inherited: null,
    });
  });

  it('reads absent, null and blank values as none, without calling them malformed', () => {
    expect(readOutcomeAttributes({ conversations: { outcome: '  ' }, interactionHistory: { comment: null } }, TASK)).toEqual({
      outcome: null,
      comment: null,
      customerPhone: null,
      malformed: [],
      inherited: null,
    });
  });

  it('names values that are there but unusable, and reads them as none', () => {
    const reading = readOutcomeAttributes(
      {
        conversations: { outcome: 'x'.repeat(REASON_CODE_MAX_LENGTH + 1) },
        interactionHistory: { comment: { text: 'hi' }, customerPhone: 14155550100 },
      },
      TASK,
    );
    expect(reading).toEqual({
      outcome: null,
      comment: null,
      customerPhone: null,
      malformed: ['outcome', 'comment', 'customerPhone'],
      inherited: null,
    });
  });

  it('keeps a long comment whole: cutting it is capture’s business', () => {
    const comment = 'é'.repeat(5000);
    expect(readOutcomeAttributes({ interactionHistory: { comment } }, TASK).comment).toBe(comment);
  });
});

describe('an outcome chosen for another task (a transfer copies attributes)', () => {
  const FIRST = `WT${'1'.repeat(32)}`;
  const SECOND = `WT${'2'.repeat(32)}`;
  const chosenOnFirst = mergeOutcomeAttributes({ from: '+14155550100' }, { outcome: 'Billing', comment: 'Invoice', customerPhone: '+14155550100' }, FIRST);

  it('the plugin marks every outcome with the task it was chosen for', () => {
    expect(readAttribute(chosenOnFirst, OUTCOME_TASK_SID_ATTRIBUTE)).toBe(FIRST);
  });

  it('counts on the task it was chosen for', () => {
    expect(readOutcomeAttributes(chosenOnFirst, FIRST)).toMatchObject({ outcome: 'Billing', comment: 'Invoice', inherited: null });
  });

  it('reads as no outcome on another task, and returns what was inherited', () => {
    expect(readOutcomeAttributes(chosenOnFirst, SECOND)).toEqual({
      outcome: null,
      comment: null,
      customerPhone: '+14155550100',
      malformed: [],
      inherited: { outcome: 'Billing', comment: 'Invoice', outcomeTaskSid: FIRST },
    });
  });

  it('counts an outcome without the marker (written by another tool)', () => {
    expect(readOutcomeAttributes({ conversations: { outcome: 'Sales' } }, SECOND)).toMatchObject({ outcome: 'Sales', inherited: null });
  });

  it('an outcome chosen again on the second task replaces the marker and counts', () => {
    const again = mergeOutcomeAttributes(chosenOnFirst, { outcome: 'Sales', comment: null, customerPhone: '+14155550100' }, SECOND);
    expect(readOutcomeAttributes(again, SECOND)).toMatchObject({ outcome: 'Sales', comment: null, inherited: null });
  });
});
