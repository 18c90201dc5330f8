import { describe, expect, it } from 'vitest';
import {
  captureFailurePath,
  captureFailureSchema,
  COMMENT_MAX_CHARACTERS,
  COMMENT_TRUNCATION_MARKER,
  countCharacters,
  customerStatsPath,
  customerStatsSchema,
  interactionPath,
  interactionSchema,
  type Schema,
} from '@interaction-history/model';
import { handleInteractionCreated, type InteractionCreatedEvent } from '../../src/triggers/updateCustomerStats.js';
import { adminFirestore, eventually, functionUrl, readDocument, WEBHOOK_URL } from '../../../test-support/localStack.js';
import { completedTaskParameters, newTaskSid, postCallback, sign, stableSid, uniquePhone, uniqueUkMobile } from '../../../test-support/taskrouter.js';

const db = adminFirestore();
const interaction = (phone: string, taskSid: string) => db.doc(`customers/${phone}/interactions/${taskSid}`).get();
const captureFailure = (taskSid: string) => db.doc(`captureFailures/${taskSid}`).get();
const stats = (phone: string) => db.doc(`customerStats/${phone}`).get();

/** Vitest types its matchers as `any`; as unknown, it stays an opaque expectation. */
const anyDate: unknown = expect.any(Date);

/** A stored document through its model schema; the test fails here when it was not stored. */
async function readStored<T>(schema: Schema<T>, path: string): Promise<T> {
  const document = await readDocument(schema, path);
  if (document === null) throw new Error(`${path} was not stored`);
  return document;
}

/** Every document anywhere that is keyed on this TaskSid: there must be none after a refused request. */
async function documentsFor(taskSid: string): Promise<number> {
  const [interactions, failures] = await Promise.all([
    db.collectionGroup('interactions').where('taskSid', '==', taskSid).get(),
    captureFailure(taskSid),
  ]);
  return interactions.size + (failures.exists ? 1 : 0);
}

describe('a signed task.completed', () => {
  it('stores a voice call as an interaction of the caller, with every field of the contract', async () => {
    const phone = uniquePhone();
    const completedAt = new Date('2026-11-20T10:15:30.000Z');
    const parameters = completedTaskParameters({
      channel: 'voice',
      queue: 'Billing',
      ageSeconds: 245,
      completedAt,
      attributes: {
        from: phone,
        channelType: 'voice',
        direction: 'inbound',
        conversations: { outcome: 'Billing', conversation_id: 'keep-me' },
        interactionHistory: { comment: 'Asked about the October invoice' },
      },
    });

    const response = await postCallback(parameters);

    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ result: 'stored', customerPhone: phone });
    const stored = await readDocument(interactionSchema, interactionPath(phone, parameters.TaskSid));
    expect(stored).toEqual({
      taskSid: parameters.TaskSid,
      customerPhone: phone,
      from: phone,
      channel: 'voice',
      // TaskRouter documents the queue's SID on task.completed, not its name.
      queue: stableSid('WQ', 'Billing'),
      queueSid: stableSid('WQ', 'Billing'),
      // task.completed names no worker: until a reservation event arrives, the agent is unknown.
      workerSid: null,
      workerName: null,
      acceptedWorkers: [],
      outcome: 'Billing',
      outcomeMissing: false,
      comment: 'Asked about the October invoice',
      completedReason: 'Task completed',
      startedAt: new Date(completedAt.getTime() - 245_000),
      completedAt,
      durationSeconds: 245,
      capturedAt: anyDate,
      source: 'taskrouter',
    });
  });

  it('stores a WhatsApp conversation under the number without its channel prefix, keeping the address as given', async () => {
    const phone = uniqueUkMobile();
    const parameters = completedTaskParameters({
      channel: 'chat',
      attributes: {
        from: `whatsapp:${phone}`,
        channelType: 'whatsapp',
        customerAddress: `whatsapp:${phone}`,
        conversations: { outcome: 'Order placed' },
      },
    });

    const response = await postCallback(parameters);

    expect(response.status).toBe(201);
    const stored = await interaction(phone, parameters.TaskSid);
    expect(stored.get('from')).toBe(`whatsapp:${phone}`);
    // No channel field is documented on task.completed: Flex's channelType attribute says it.
    expect(stored.get('channel')).toBe('whatsapp');
    expect(stored.get('outcome')).toBe('Order placed');
  });

  it('files the interaction under the customer the agent searched for, not under the phone it came from', async () => {
    const caller = uniquePhone();
    const searched = uniquePhone();
    const parameters = completedTaskParameters({
      attributes: {
        from: caller,
        conversations: { outcome: 'Question answered' },
        interactionHistory: { customerPhone: searched },
      },
    });

    expect((await postCallback(parameters)).status).toBe(201);

    expect((await interaction(searched, parameters.TaskSid)).get('from')).toBe(caller);
    expect((await interaction(caller, parameters.TaskSid)).exists).toBe(false);
  });

  it('finds the caller in caller, customerAddress or customers.phone when from is not a phone number', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({
      attributes: { from: 'client:alice', customers: { phone }, conversations: { outcome: 'Other' } },
    });

    expect((await postCallback(parameters)).status).toBe(201);

    expect((await interaction(phone, parameters.TaskSid)).exists).toBe(true);
  });

  it('stores a task without a reason code with outcome null and counts it as missing', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ attributes: { from: phone } });

    expect((await postCallback(parameters)).status).toBe(201);

    expect((await interaction(phone, parameters.TaskSid)).get('outcome')).toBeNull();
    await eventually(async () => {
      expect((await stats(phone)).data()).toMatchObject({ interactionCount: 1, missingOutcomeCount: 1, lastOutcome: null });
    });
  });

  it('keeps an exotic Unicode comment exactly as typed', async () => {
    const phone = uniquePhone();
    const comment = 'Ça va? 👩‍👩‍👧‍👦 🇯🇵 שלום עליכם مرحبا 𠜎𠜱 e\u0301 zero\u200bwidth "quotes" \\ back\nnew line\t tab 🤷🏽‍♀️';
    const parameters = completedTaskParameters({
      attributes: { from: phone, conversations: { outcome: 'Other' }, interactionHistory: { comment } },
    });

    expect((await postCallback(parameters)).status).toBe(201);

    expect((await interaction(phone, parameters.TaskSid)).get('comment')).toBe(comment);
  });

  it('cuts an oversized comment with a marker and keeps the full text in captureFailures for a supervisor', async () => {
    const phone = uniquePhone();
    const comment = '👍🏽'.repeat(COMMENT_MAX_CHARACTERS + 500);
    const parameters = completedTaskParameters({
      attributes: { from: phone, conversations: { outcome: 'Complaint' }, interactionHistory: { comment } },
    });

    expect((await postCallback(parameters)).status).toBe(201);

    const stored = (await readStored(interactionSchema, interactionPath(phone, parameters.TaskSid))).comment ?? '';
    expect(stored.endsWith(COMMENT_TRUNCATION_MARKER)).toBe(true);
    expect(countCharacters(stored)).toBe(COMMENT_MAX_CHARACTERS);
    expect(comment.startsWith(stored.slice(0, -COMMENT_TRUNCATION_MARKER.length))).toBe(true);
    const failure = await captureFailure(parameters.TaskSid);
    expect(failure.get('reason')).toBe('commentTooLong');
    expect(failure.get('details.fullComment')).toBe(comment);
  });
});

describe('a signed task.completed with fields a sender got wrong', () => {
  it.each([
    ['beyond what JavaScript can hold', '9999999999999999'],
    ['beyond Firestore\'s year 9999', '253402300800000'],
    ['far in the future', String(Date.now() + 400 * 24 * 3600 * 1000)],
  ])('stores an event whose time is %s at its arrival time, keeping the raw value for a supervisor', async (_label, bad) => {
    const phone = uniquePhone();
    const parameters = { ...completedTaskParameters({ attributes: { from: phone } }), TimestampMs: bad, Timestamp: bad };
    const before = Date.now();

    const response = await postCallback(parameters);

    expect(response.status).toBe(201);
    const completedAt = (await readStored(interactionSchema, interactionPath(phone, parameters.TaskSid))).completedAt.getTime();
    expect(completedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(completedAt).toBeLessThanOrEqual(Date.now() + 1000);
    const failure = await captureFailure(parameters.TaskSid);
    expect(failure.get('reason')).toBe('implausibleTimes');
    expect(failure.get('details')).toMatchObject({ TimestampMs: bad, Timestamp: bad });
    await eventually(async () => expect((await readStored(customerStatsSchema, customerStatsPath(phone))).lastInteractionAt?.getTime()).toBe(completedAt));
  });

  it('stores an event with malformed descriptive fields without them, naming them for a supervisor', async () => {
    const phone = uniquePhone();
    const parameters = { ...completedTaskParameters({ attributes: { from: phone } }), TaskQueueSid: 'not-a-sid', TaskAge: '-5', TaskQueueName: '' };

    const response = await postCallback(parameters);

    expect(response.status).toBe(201);
    const stored = await interaction(phone, parameters.TaskSid);
    expect(stored.data()).toMatchObject({ durationSeconds: null, queue: null, queueSid: null });
    const failure = await captureFailure(parameters.TaskSid);
    expect(failure.get('reason')).toBe('invalidFields');
    expect(failure.get('details')).toEqual({ fields: 'TaskAge, TaskQueueSid' });
  });

  it('stores an event carrying a parameter named like a built-in property', async () => {
    const phone = uniquePhone();
    const parameters = { ...completedTaskParameters({ attributes: { from: phone } }), constructor: 'x', toString: 'y' };
    expect((await postCallback(parameters)).status).toBe(201);
    expect((await interaction(phone, parameters.TaskSid)).exists).toBe(true);
  });
});

describe('delivery more than once', () => {
  it('stores one interaction when the same event arrives three times, and answers 2xx each time', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ attributes: { from: phone, conversations: { outcome: 'Other' } } });

    const statuses = [];
    for (let attempt = 0; attempt < 3; attempt += 1) statuses.push((await postCallback(parameters)).status);

    expect(statuses).toEqual([201, 200, 200]);
    expect((await db.collection(`customers/${phone}/interactions`).get()).size).toBe(1);
    await eventually(async () => expect((await stats(phone)).get('interactionCount')).toBe(1));
  });

  it('stores one interaction when the same event arrives twice at the same moment', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ attributes: { from: phone, conversations: { outcome: 'Other' } } });

    const responses = await Promise.all([postCallback(parameters), postCallback(parameters)]);

    expect(responses.map((response) => response.status).sort()).toEqual([200, 201]);
    expect((await db.collection(`customers/${phone}/interactions`).get()).size).toBe(1);
  });
});

describe('signatures', () => {
  const freshParameters = () =>
    completedTaskParameters({ attributes: { from: uniquePhone(), conversations: { outcome: 'Other' } } });

  it('refuses a request without X-Twilio-Signature with 403 and writes nothing', async () => {
    const parameters = freshParameters();
    expect((await postCallback(parameters, { signature: null })).status).toBe(403);
    expect(await documentsFor(parameters.TaskSid)).toBe(0);
  });

  it('refuses a wrong signature with 403 and writes nothing', async () => {
    const parameters = freshParameters();
    const wrong = sign(parameters, WEBHOOK_URL, 'not-the-auth-token');
    expect((await postCallback(parameters, { signature: wrong })).status).toBe(403);
    expect(await documentsFor(parameters.TaskSid)).toBe(0);
  });

  it('refuses a signature made for another URL, such as an old callback address', async () => {
    const parameters = freshParameters();
    const stale = sign(parameters, 'https://old-host.example.com/taskrouterEvents');
    expect((await postCallback(parameters, { signature: stale })).status).toBe(403);
    expect(await documentsFor(parameters.TaskSid)).toBe(0);
  });

  it('refuses a request whose parameters were changed after signing', async () => {
    const parameters = freshParameters();
    const signature = sign(parameters);
    const tampered = { ...parameters, TaskAttributes: JSON.stringify({ from: uniquePhone(), conversations: { outcome: 'Forged' } }) };
    expect((await postCallback(tampered, { signature })).status).toBe(403);
    expect(await documentsFor(parameters.TaskSid)).toBe(0);
  });

  it('refuses a parameter added after signing', async () => {
    const parameters = freshParameters();
    const signature = sign(parameters);
    expect((await postCallback({ ...parameters, Extra: 'x' }, { signature })).status).toBe(403);
  });
});

describe('events that are not stored as interactions', () => {
  it('answers 2xx to other event types and writes nothing', async () => {
    for (const eventType of ['task.created', 'reservation.created', 'task.canceled', 'worker.activity.update']) {
      const parameters = { ...completedTaskParameters({ attributes: { from: uniquePhone() } }), EventType: eventType };
      const response = await postCallback(parameters);
      expect(response.status, eventType).toBe(200);
      expect(response.body).toEqual({ result: 'ignored', eventType });
      expect(await documentsFor(parameters.TaskSid)).toBe(0);
    }
  });

  it('records attributes that are not JSON as a capture failure with everything the event carried', async () => {
    const parameters = completedTaskParameters({ attributes: '{"from": "+14155550100", oops' });

    const response = await postCallback(parameters);

    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ result: 'unattributable', reason: 'attributesNotJson' });
    const failure = await readStored(captureFailureSchema, captureFailurePath(parameters.TaskSid));
    expect(failure.message).toMatch(/not a JSON object/);
    expect(JSON.parse(failure.parametersJson)).toEqual(parameters);
  });

  it.each(['+1/../x', '__x__', '../../customers', 'client:bob', '+1 415 555', ''])(
    'records a task whose only phone is %j as a capture failure, never as a document id',
    async (bad) => {
      const parameters = completedTaskParameters({ attributes: { from: bad, conversations: { outcome: 'Other' } } });

      const response = await postCallback(parameters);

      expect(response.status).toBe(202);
      expect((await captureFailure(parameters.TaskSid)).get('reason')).toBe('noValidPhone');
      expect((await db.collectionGroup('interactions').where('taskSid', '==', parameters.TaskSid).get()).size).toBe(0);
    },
  );

  it('records attributes over 256 KiB as a capture failure, keeping what was sent', async () => {
    const parameters = completedTaskParameters({ attributes: { from: uniquePhone(), notes: 'n'.repeat(300 * 1024) } });

    const response = await postCallback(parameters);

    expect(response.status).toBe(202);
    const failure = await readStored(captureFailureSchema, captureFailurePath(parameters.TaskSid));
    expect(failure.reason).toBe('attributesTooLarge');
    expect(JSON.parse(failure.parametersJson)).toEqual(parameters);
  });

  it('keeps attributes of 1.8 MB of CJK text within Firestore\'s document limit, saying they were cut', async () => {
    const parameters = completedTaskParameters({ attributes: { from: uniquePhone(), notes: '漢'.repeat(600_000) } });

    const response = await postCallback(parameters);

    expect(response.status).toBe(202);
    const failure = await readStored(captureFailureSchema, captureFailurePath(parameters.TaskSid));
    expect(failure.reason).toBe('attributesTooLarge');
    expect(failure.parametersTruncated).toBe(true);
    expect(Buffer.byteLength(failure.parametersJson)).toBeLessThanOrEqual(900_000);
    expect(failure.parametersBytes).toBe(Buffer.byteLength(JSON.stringify(parameters)));
  });

  it('records a searched customer whose number is invalid as a capture failure rather than guessing', async () => {
    const parameters = completedTaskParameters({
      attributes: { from: uniquePhone(), interactionHistory: { customerPhone: '__x__' } },
    });
    expect((await postCallback(parameters)).status).toBe(202);
    expect((await captureFailure(parameters.TaskSid)).get('reason')).toBe('invalidChosenCustomer');
  });

  it('answers 400 to a signed request that is not a TaskRouter event', async () => {
    const response = await postCallback({ hello: 'world' });
    expect(response.status).toBe(400);
  });

  it('answers 400 to a task.completed without a valid TaskSid', async () => {
    const parameters = { ...completedTaskParameters(), TaskSid: '../captureFailures/x' };
    expect((await postCallback(parameters)).status).toBe(400);
  });

  it('answers 405 to a GET', async () => {
    expect((await fetch(functionUrl('taskrouterEvents'))).status).toBe(405);
  });
});

describe('customerStats', () => {
  it('counts 50 completions for one customer arriving at once as 50', async () => {
    const phone = uniquePhone();
    const base = Date.now();
    const events = Array.from({ length: 50 }, (_, index) =>
      completedTaskParameters({
        taskSid: newTaskSid(),
        completedAt: new Date(base + index * 1000),
        attributes: { from: phone, conversations: { outcome: index === 49 ? 'Latest' : index % 5 === 0 ? null : 'Other' } },
      }),
    );

    // The emulator runs every function and trigger on two shared cores, so a burst can outlast the
    // webhook's 10 s storage deadline, which answers 503 ("not known to be stored"). What a 503 promises
    // is that capturing the same event again (as reconciliation does) stores it once: so send those again.
    // The emulator itself can also fail to hand a request to its worker ("write EPIPE"): it answers 500 without
    // the webhook's error body. That request never reached the handler, so it is sent again too; a 500 from the
    // handler (with its { error } body) still fails the test.
    const notHandled = (response: { status: number; body: Record<string, unknown> }) => response.status === 503 || (response.status === 500 && !('error' in response.body));
    let unanswered = events;
    for (let round = 0; round < 6 && unanswered.length > 0; round += 1) {
      const responses = await Promise.all(unanswered.map((parameters) => postCallback(parameters)));
      expect(responses.filter((response) => ![200, 201].includes(response.status) && !notHandled(response))).toEqual([]);
      unanswered = unanswered.filter((_parameters, index) => { const response = responses[index]; return response !== undefined && notHandled(response); });
    }

    expect(unanswered).toHaveLength(0);
    const stored = await db.collection(`customers/${phone}/interactions`).get();
    expect(stored.size).toBe(50);
    // Cloud Functions delivers a failed trigger run again (retry: true); the emulator does not, and under this
    // load it can drop a run ("write EPIPE" to its worker). Deliver every creation once more, as a retry would:
    // counting is once per TaskSid, so the total must still come to exactly 50.
    for (const interaction of stored.docs) {
      await handleInteractionCreated({ id: `retried-${interaction.id}`, data: interaction, params: { phone, taskSid: interaction.id } } as unknown as InteractionCreatedEvent);
    }
    await eventually(async () => {
      const summary = await readStored(customerStatsSchema, customerStatsPath(phone));
      expect(summary).toMatchObject({ interactionCount: 50, missingOutcomeCount: 10, lastOutcome: 'Latest' });
      expect(summary.lastInteractionAt).toEqual(new Date(base + 49_000));
    }, 90_000);
  }, 300_000);
});
