import { describe, expect, it } from 'vitest';
import { hasReasonCode, readOutcome, TaskOutcomeWriter } from '../../src/features/outcome/taskOutcome.js';
import { FakeTask, settle } from './fakeTask.js';

const TASK_SID = `WT${'1'.repeat(32)}`;

const callerAttributes = () => ({
  from: '+14155550100',
  direction: 'inbound',
  conversations: { conversation_id: 'CH123', abandoned: 'No' },
});

describe('readOutcome', () => {
  it('reads the reason code, comment and chosen customer from where the webhook looks', () => {
    const outcome = readOutcome(
      {
        conversations: { outcome: 'Billing' },
        interactionHistory: { comment: 'Refund promised', customerPhone: '+14155550199' },
      },
      TASK_SID,
    );

    expect(outcome).toEqual({ outcome: 'Billing', comment: 'Refund promised', customerPhone: '+14155550199' });
  });

  it('reads nothing from a task the agent has not touched', () => {
    expect(readOutcome(callerAttributes(), TASK_SID)).toEqual({ outcome: null, comment: null, customerPhone: null });
  });

  it('treats blank or non-text values as absent', () => {
    const outcome = readOutcome({ conversations: { outcome: '   ' }, interactionHistory: { comment: 42, customerPhone: { phone: '+1' } } }, TASK_SID);

    expect(outcome).toEqual({ outcome: null, comment: null, customerPhone: null });
  });

  it('reads an outcome chosen for another task (copied by a transfer) as none', () => {
    const copied = { conversations: { outcome: 'Billing' }, interactionHistory: { comment: 'First agent', outcomeTaskSid: `WT${'9'.repeat(32)}` } };
    expect(readOutcome(copied, TASK_SID)).toEqual({ outcome: null, comment: null, customerPhone: null });
  });
});

describe('the customer written with the outcome', () => {
  it('is the caller’s number, resolved to E.164, when the agent chose no other customer', async () => {
    const task = new FakeTask('WT1', { ...callerAttributes(), from: '(415) 555-0100' });
    const writer = new TaskOutcomeWriter(undefined, () => '+14155550100');

    const saving = writer.change(task, { outcome: 'Billing' }, { saveNow: true });
    await task.calledTimes(1);
    task.call(0).result.resolve();
    await saving;

    expect(task.call(0).attributes).toMatchObject({ interactionHistory: { customerPhone: '+14155550100', outcomeTaskSid: 'WT1' } });
  });

  it('is the customer the agent searched for otherwise', async () => {
    const task = new FakeTask('WT1', callerAttributes());
    const writer = new TaskOutcomeWriter(undefined, () => '+14155550100');

    const saving = writer.change(task, { outcome: 'Billing', customerPhone: '+14155550111' }, { saveNow: true });
    await task.calledTimes(1);
    task.call(0).result.resolve();
    await saving;

    expect(task.call(0).attributes).toMatchObject({ interactionHistory: { customerPhone: '+14155550111' } });
  });
});

describe('hasReasonCode', () => {
  it('is true once a reason code is chosen', () => {
    expect(hasReasonCode({ outcome: 'Other', comment: null, customerPhone: null })).toBe(true);
  });

  it('is false without a reason code, even with a comment', () => {
    expect(hasReasonCode({ outcome: null, comment: 'Called about the invoice', customerPhone: null })).toBe(false);
  });
});

describe('TaskOutcomeWriter', () => {
  it('starts from what the task already holds', () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', { ...callerAttributes(), conversations: { outcome: 'Complaint' } });

    expect(writer.current(task)).toEqual({ outcome: 'Complaint', comment: null, customerPhone: null });
  });

  it('writes a change saved now into the task, keeping every other attribute and every other key of conversations', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes());

    await writer.change(task, { outcome: 'Billing' }, { saveNow: true });

    expect(task.calls).toHaveLength(1);
    expect(task.call(0).attributes).toEqual({
      from: '+14155550100',
      direction: 'inbound',
      conversations: { conversation_id: 'CH123', abandoned: 'No', outcome: 'Billing' },
      interactionHistory: { comment: null, customerPhone: null, outcomeTaskSid: 'WT1' },
    });
    expect(task.attributes).toEqual(task.call(0).attributes);
  });

  it('keeps a change not saved now in memory until the next save', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes());

    await writer.change(task, { comment: 'Wants a callback' }, { saveNow: false });
    await settle();

    expect(task.calls).toHaveLength(0);
    expect(writer.current(task).comment).toBe('Wants a callback');

    await writer.save(task);

    expect(task.calls).toHaveLength(1);
    expect(task.call(0).attributes).toMatchObject({ interactionHistory: { comment: 'Wants a callback' } });
  });

  it('writes changes not saved now when flushed, all of them in one write', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes());
    await writer.change(task, { outcome: 'Order placed' }, { saveNow: false });
    await writer.change(task, { comment: 'Two boxes' }, { saveNow: false });

    await writer.flush(task);

    expect(task.calls).toHaveLength(1);
    expect(task.call(0).attributes).toMatchObject({
      conversations: { conversation_id: 'CH123', outcome: 'Order placed' },
      interactionHistory: { comment: 'Two boxes', customerPhone: null, outcomeTaskSid: 'WT1' },
    });
  });

  it('does not write again when nothing changed since the last write', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes());
    await writer.change(task, { outcome: 'Billing' }, { saveNow: true });

    await writer.flush(task);
    await writer.save(task);

    expect(task.calls).toHaveLength(1);
  });

  it('starts a second write only after the first has finished, and the second carries both changes', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes(), 'manual');
    const first = writer.change(task, { outcome: 'Billing' }, { saveNow: true });
    await task.calledTimes(1);

    const second = writer.change(task, { comment: 'Refund promised' }, { saveNow: true });
    await settle();

    expect(task.calls).toHaveLength(1);

    task.call(0).result.resolve();
    await first;
    await task.calledTimes(2);

    expect(task.call(1).attributes).toEqual({
      from: '+14155550100',
      direction: 'inbound',
      conversations: { conversation_id: 'CH123', abandoned: 'No', outcome: 'Billing' },
      interactionHistory: { comment: 'Refund promised', customerPhone: null, outcomeTaskSid: 'WT1' },
    });
    task.call(1).result.resolve();
    await second;
    expect(task.attributes).toEqual(task.call(1).attributes);
  });

  it('makes flush wait for a write already under way', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes(), 'manual');
    void writer.change(task, { outcome: 'Billing' }, { saveNow: true });
    await task.calledTimes(1);
    let flushed = false;

    const flush = writer.flush(task).then(() => {
      flushed = true;
    });
    await settle();

    expect(flushed).toBe(false);
    task.call(0).result.resolve();
    await flush;
    expect(flushed).toBe(true);
  });

  it('makes flush fail when the task refuses the write, and a later flush writes it again', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes());
    await writer.change(task, { outcome: 'Billing' }, { saveNow: false });
    task.failNext();

    await expect(writer.flush(task)).rejects.toThrow('TaskRouter refused the update');
    expect(task.attributes).toEqual(callerAttributes());

    await writer.flush(task);

    expect(task.calls).toHaveLength(2);
    expect(task.call(1).attributes).toEqual(task.call(0).attributes);
    expect(task.attributes).toMatchObject({ conversations: { outcome: 'Billing' } });
  });

  it('lets a write queued behind a failed one go ahead', async () => {
    const writer = new TaskOutcomeWriter();
    const task = new FakeTask('WT1', callerAttributes(), 'manual');
    const first = writer.change(task, { outcome: 'Billing' }, { saveNow: true });
    await task.calledTimes(1);
    const second = writer.change(task, { comment: 'Refund promised' }, { saveNow: true });

    task.call(0).result.reject(new Error('offline'));
    await expect(first).rejects.toThrow('offline');
    await task.calledTimes(2);
    task.call(1).result.resolve();
    await second;

    expect(task.attributes).toMatchObject({
      conversations: { outcome: 'Billing' },
      interactionHistory: { comment: 'Refund promised' },
    });
  });

  it('keeps the outcomes of different tasks apart', async () => {
    const writer = new TaskOutcomeWriter();
    const one = new FakeTask('WT1', callerAttributes());
    const two = new FakeTask('WT2', callerAttributes());

    await writer.change(one, { outcome: 'Billing' }, { saveNow: true });
    await writer.flush(two);

    expect(writer.current(two).outcome).toBeNull();
    expect(two.calls).toHaveLength(0);
  });

  it('merges into the task as Flex holds it now, keeping attributes that arrived after the agent started', async () => {
    const snapshot = new FakeTask('WT1', callerAttributes());
    const fresh = new FakeTask('WT1', { ...callerAttributes(), conference: { sid: 'CF1', participants: { worker: 'CA1' } } });
    const writer = new TaskOutcomeWriter((taskSid) => (taskSid === 'WT1' ? fresh : undefined));

    await writer.change(snapshot, { outcome: 'Billing', comment: 'Paid' }, { saveNow: true });

    expect(snapshot.calls).toHaveLength(0);
    expect(fresh.call(0).attributes).toMatchObject({
      conference: { sid: 'CF1', participants: { worker: 'CA1' } },
      conversations: { conversation_id: 'CH123', outcome: 'Billing' },
      interactionHistory: { comment: 'Paid' },
    });
  });

  it('writes to the task it was given when Flex no longer lists it', async () => {
    const task = new FakeTask('WT1', callerAttributes());
    const writer = new TaskOutcomeWriter(() => undefined);
    await writer.change(task, { outcome: 'Billing' }, { saveNow: true });
    expect(task.calls).toHaveLength(1);
  });
});
