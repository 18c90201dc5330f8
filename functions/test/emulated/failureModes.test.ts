import { Firestore, Timestamp } from 'firebase-admin/firestore';
import { afterAll, describe, expect, it } from 'vitest';
import { firestoreCaptureStore } from '../../src/adapters/captureStore.js';
import { firestoreErasureRegistry } from '../../src/adapters/erasureRegistry.js';
import { createTaskrouterEventsHandler } from '../../src/http/taskrouterEvents.js';
import { handleInteractionCreated, type InteractionCreatedEvent } from '../../src/triggers/updateCustomerStats.js';
import { serve } from '../../../test-support/inProcessServer.js';
import { adminFirestore, eventually, PROJECT_ID } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, sign, uniquePhone } from '../../../test-support/taskrouter.js';

const db = adminFirestore();

/** A real Firestore client aimed at a port where nothing listens: what an outage looks like to the function. */
function unreachableFirestore(): Firestore {
  const emulatorHost = process.env['FIRESTORE_EMULATOR_HOST'];
  process.env['FIRESTORE_EMULATOR_HOST'] = '127.0.0.1:1';
  try {
    return new Firestore({ projectId: PROJECT_ID, maxIdleChannels: 0 });
  } finally {
    process.env['FIRESTORE_EMULATOR_HOST'] = emulatorHost;
  }
}

describe('when Firestore cannot be reached', () => {
  const authToken = 'in-process-test-token';
  let publicUrl = '';
  const servers: Awaited<ReturnType<typeof serve>>[] = [];
  afterAll(() => Promise.all(servers.map((server) => server.close())));

  it('answers 503 so that TaskRouter retries, and claims nothing was stored', async () => {
    const server = await serve(
      createTaskrouterEventsHandler({
        settings: () => ({ authToken, publicUrl, defaultRegion: 'US' }),
        store: () => firestoreCaptureStore(unreachableFirestore(), { retentionDays: null }),
        erasures: () => firestoreErasureRegistry(unreachableFirestore(), 'k'.repeat(32)),
        now: () => new Date(),
        storageDeadlineMs: 2_000,
      }),
    );
    servers.push(server);
    publicUrl = server.url;
    const parameters = completedTaskParameters({ attributes: { from: uniquePhone(), conversations: { outcome: 'Other' } } });

    const response = await postCallback(parameters, { url: server.url, signature: sign(parameters, server.url, authToken) });

    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: { code: 'storageUnavailable', message: 'Temporarily unavailable; retry later.' } });
  });
});

describe('when Firestore delivers a trigger event again', () => {
  it('does not count the interaction twice', async () => {
    const phone = uniquePhone();
    const parameters = completedTaskParameters({ attributes: { from: phone, conversations: { outcome: 'Billing' } } });
    expect((await postCallback(parameters)).status).toBe(201);
    await eventually(async () => expect((await db.doc(`customerStats/${phone}`).get()).get('interactionCount')).toBe(1));
    const snapshot = await db.doc(`customers/${phone}/interactions/${parameters.TaskSid}`).get();
    const redelivered = {
      id: 'redelivered-event',
      data: snapshot,
      params: { phone, taskSid: parameters.TaskSid },
    } as unknown as InteractionCreatedEvent;

    await Promise.all([handleInteractionCreated(redelivered), handleInteractionCreated(redelivered)]);

    const summary = await db.doc(`customerStats/${phone}`).get();
    expect(summary.get('interactionCount')).toBe(1);
    expect(summary.get('lastOutcome')).toBe('Billing');
  });

  it('keeps the newest interaction as the latest even when an older one is counted after it', async () => {
    const phone = uniquePhone();
    const newer = completedTaskParameters({ completedAt: new Date('2026-11-02T00:00:00Z'), attributes: { from: phone, conversations: { outcome: 'Newer' } } });
    const older = completedTaskParameters({ completedAt: new Date('2026-11-01T00:00:00Z'), attributes: { from: phone, conversations: { outcome: 'Older' } } });

    expect((await postCallback(newer)).status).toBe(201);
    await eventually(async () => expect((await db.doc(`customerStats/${phone}`).get()).get('interactionCount')).toBe(1));
    expect((await postCallback(older)).status).toBe(201);

    await eventually(async () => {
      const summary = await db.doc(`customerStats/${phone}`).get();
      expect(summary.get('interactionCount')).toBe(2);
      expect(summary.get('lastOutcome')).toBe('Newer');
      expect((summary.get('lastInteractionAt') as Timestamp).toDate()).toEqual(new Date('2026-11-02T00:00:00Z'));
    });
  });
});
