/**
 * TaskRouter as it documentedly behaves: task.completed names no worker, the
 * reservation events do, and callbacks come in any order, sometimes twice.
 * Every test posts signed callbacks to the real webhook in the emulator.
 */
import { describe, expect, it } from 'vitest';
import {
  captureFailureSchema,
  customerStatsPath,
  customerStatsSchema,
  extraCaptureFailurePath,
  interactionPath,
  interactionSchema,
  taskCapturePath,
  taskCaptureSchema,
  type Schema,
} from '@interaction-history/model';
import { adminFirestore, eventually, readDocument } from '../../../test-support/localStack.js';
import {
  capturedCallbacks,
  completedTaskParameters,
  deliverTask,
  inDeliveryOrder,
  postCallback,
  stableSid,
  taskEvents,
  uniquePhone,
  type CallbackParameters,
} from '../../../test-support/taskrouter.js';

const db = adminFirestore();
const ALICE = { workerSid: stableSid('WK', 'Alice'), workerName: 'Alice Agent' };
const BOB = { workerSid: stableSid('WK', 'Bob'), workerName: 'Bob Agent' };

async function readStored<T>(schema: Schema<T>, path: string): Promise<T> {
  const document = await readDocument(schema, path);
  if (document === null) throw new Error(`${path} was not stored`);
  return document;
}

const interactionsOfTask = async (taskSid: string) => (await db.collectionGroup('interactions').where('taskSid', '==', taskSid).get()).size;

const eventType = (callback: CallbackParameters) => callback['EventType'] ?? '';

describe('who handled a task, from its reservation events', () => {
  it('records the agent whose reservation completed, when the reservation events come first (as they happened)', async () => {
    const phone = uniquePhone();

    const delivered = await deliverTask({ attributes: { from: phone, conversations: { outcome: 'Billing' } }, workers: [ALICE] });

    expect(delivered.answers.map(({ eventType: type, status }) => `${type} ${status}`)).toEqual([
      'reservation.accepted 200',
      'reservation.wrapup 200',
      'reservation.completed 200',
      'task.completed 201',
    ]);
    expect(await readStored(interactionSchema, interactionPath(phone, delivered.taskSid))).toMatchObject({
      ...ALICE,
      acceptedWorkers: [ALICE],
      outcome: 'Billing',
    });
  });

  it('leaves the agent unknown until a reservation event arrives, then fills it in, however late', async () => {
    const phone = uniquePhone();
    const events = taskEvents({ attributes: { from: phone, conversations: { outcome: 'Billing' } }, workers: [ALICE] });
    const callbacks = capturedCallbacks(events);
    const completed = callbacks.find((callback) => eventType(callback) === 'task.completed');
    if (!completed) throw new Error('no task.completed');

    expect((await postCallback(completed)).status).toBe(201);
    const path = interactionPath(phone, completed.TaskSid);
    expect(await readStored(interactionSchema, path)).toMatchObject({ workerSid: null, workerName: null, acceptedWorkers: [] });

    const accepted = callbacks.find((callback) => eventType(callback) === 'reservation.accepted');
    if (!accepted) throw new Error('no reservation.accepted');
    const answer = await postCallback(accepted);
    expect(answer).toEqual({ status: 200, body: { result: 'workerRecorded', taskSid: completed.TaskSid, workerSid: ALICE.workerSid, interactionUpdated: true } });
    expect(await readStored(interactionSchema, path)).toMatchObject({ ...ALICE, acceptedWorkers: [ALICE] });
  });

  it('a reservation event alone creates no interaction, only the server-side capture record', async () => {
    const phone = uniquePhone();
    const callbacks = capturedCallbacks(taskEvents({ attributes: { from: phone }, workers: [ALICE] }));
    const [accepted] = callbacks;
    if (!accepted) throw new Error('no events');

    const answer = await postCallback(accepted);

    expect(answer.status).toBe(200);
    expect(await interactionsOfTask(accepted.TaskSid)).toBe(0);
    const capture = await readStored(taskCaptureSchema, taskCapturePath(accepted.TaskSid));
    expect(capture).toMatchObject({ taskSid: accepted.TaskSid, customerPhone: null });
    expect(Object.values(capture.reservations)).toEqual([expect.objectContaining({ workerSid: ALICE.workerSid, acceptedAtMs: expect.any(Number) as unknown })]);
  });

  it.each(['as-happened', 'completed-first', 'reversed', 'shuffled'] as const)(
    'a transfer delivered %s, every callback twice and two at a time: one interaction, the agent who wrapped up, both accepted, counted once',
    async (order) => {
      const phone = uniquePhone();
      const callbacks = capturedCallbacks(taskEvents({ attributes: { from: phone, conversations: { outcome: 'Sales' } }, workers: [ALICE, BOB] }));
      const sent = inDeliveryOrder([...callbacks, ...callbacks], order);

      for (let index = 0; index < sent.length; index += 2) {
        const pair = sent.slice(index, index + 2);
        const answers = await Promise.all(pair.map((callback) => postCallback(callback)));
        for (const answer of answers) expect(answer.status).toBeLessThan(300);
      }

      const taskSid = callbacks[0]?.TaskSid ?? '';
      expect(await interactionsOfTask(taskSid)).toBe(1);
      expect(await readStored(interactionSchema, interactionPath(phone, taskSid))).toMatchObject({ ...BOB, acceptedWorkers: [ALICE, BOB] });
      await eventually(async () => expect((await readStored(customerStatsSchema, customerStatsPath(phone))).interactionCount).toBe(1));
    },
  );
});

describe('exactly once per TaskSid', () => {
  it('the same TaskSid with another customer is a duplicate shown to a supervisor, never a second interaction', async () => {
    const first = uniquePhone();
    const second = uniquePhone();
    const completed = completedTaskParameters({ attributes: { from: first, conversations: { outcome: 'Billing' } } });
    expect((await postCallback(completed)).status).toBe(201);

    const again = { ...completed, TaskAttributes: JSON.stringify({ from: second, conversations: { outcome: 'Billing' } }) };
    const answer = await postCallback(again);

    expect(answer).toMatchObject({ status: 200, body: { result: 'duplicate', customerPhone: first } });
    expect(await interactionsOfTask(completed.TaskSid)).toBe(1);
    const failure = await readStored(captureFailureSchema, extraCaptureFailurePath(completed.TaskSid, `duplicate-${second}`));
    expect(failure).toMatchObject({ reason: 'duplicateTaskSid', details: { storedCustomerPhone: first, duplicateCustomerPhone: second } });
    expect(JSON.parse(failure.parametersJson)).toEqual(again);
  });
});

describe('tasks completed without the plugin', () => {
  it('are stored with no outcome, counted as missing, with TaskRouter’s reason and the queue', async () => {
    const phone = uniquePhone();

    const delivered = await deliverTask({ attributes: { from: phone }, queue: 'Support', completedReason: 'Wrap-up timed out', workers: [ALICE] });

    expect(await readStored(interactionSchema, interactionPath(phone, delivered.taskSid))).toMatchObject({
      outcome: null,
      outcomeMissing: true,
      completedReason: 'Wrap-up timed out',
      queueSid: stableSid('WQ', 'Support'),
      workerSid: ALICE.workerSid,
    });
    await eventually(async () => expect((await readStored(customerStatsSchema, customerStatsPath(phone))).missingOutcomeCount).toBe(1));
  });
});

describe('a transfer that creates a new task copies the first task’s attributes', () => {
  it('the copied outcome is not the new task’s: stored as missing, the inherited values kept for a supervisor', async () => {
    const phone = uniquePhone();
    const firstTask = `WT${'1'.repeat(24)}${Date.now().toString(16).padStart(8, '0').slice(-8)}`;
    const copied = {
      from: phone,
      conversations: { outcome: 'Billing' },
      interactionHistory: { comment: 'First agent’s note', customerPhone: phone, outcomeTaskSid: firstTask },
    };

    const delivered = await deliverTask({ attributes: copied, workers: [BOB] });

    expect(await readStored(interactionSchema, interactionPath(phone, delivered.taskSid))).toMatchObject({
      outcome: null,
      comment: null,
      outcomeMissing: true,
      ...BOB,
    });
    const failure = await readStored(captureFailureSchema, `captureFailures/${delivered.taskSid}`);
    expect(failure).toMatchObject({
      reason: 'outcomeForAnotherTask',
      details: { outcomeTaskSid: firstTask, inheritedOutcome: 'Billing', inheritedComment: 'First agent’s note' },
    });
  });

  it('an outcome chosen for the task itself counts', async () => {
    const phone = uniquePhone();
    const taskSid = `WT${'2'.repeat(24)}${Date.now().toString(16).padStart(8, '0').slice(-8)}`;
    const attributes = { from: phone, conversations: { outcome: 'Sales' }, interactionHistory: { customerPhone: phone, outcomeTaskSid: taskSid } };

    await deliverTask({ taskSid, attributes, workers: [BOB] });

    expect(await readStored(interactionSchema, interactionPath(phone, taskSid))).toMatchObject({ outcome: 'Sales', outcomeMissing: false });
  });
});

describe('reservation events that cannot be used', () => {
  it('are answered 2xx and kept for a supervisor', async () => {
    const callbacks = capturedCallbacks(taskEvents({ attributes: { from: uniquePhone() }, workers: [ALICE] }));
    const [accepted] = callbacks;
    if (!accepted) throw new Error('no events');
    const broken = { ...accepted, WorkerSid: 'nobody' };

    const answer = await postCallback(broken);

    expect(answer).toMatchObject({ status: 202, body: { result: 'unattributable', reason: 'invalidReservationEvent' } });
    const failure = await readStored(
      captureFailureSchema,
      extraCaptureFailurePath(accepted.TaskSid, `reservation.accepted-${accepted['ReservationSid'] ?? ''}`),
    );
    expect(JSON.parse(failure.parametersJson)).toEqual(broken);
  });
});
