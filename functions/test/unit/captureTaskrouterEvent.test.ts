import { describe, expect, it } from 'vitest';
import type { CaptureFailureRecord, CaptureStore, CompletedTaskWrite } from '../../src/adapters/captureStore.js';
import { AppError } from '../../src/errors.js';
import { captureTaskrouterEvent } from '../../src/use-cases/captureTaskrouterEvent.js';
import { noErasures } from './support/noErasures.js';

const parameters = {
  EventType: 'task.completed',
  AccountSid: `AC${'a'.repeat(32)}`,
  WorkspaceSid: `WS${'b'.repeat(32)}`,
  TaskSid: `WT${'c'.repeat(32)}`,
  TaskAttributes: JSON.stringify({ from: '+14155550100', conversations: { outcome: 'Billing' } }),
};

/** Our storage port with a chosen behaviour for the interaction write; failure records are collected. */
function storeWhoseInteractionWrite(write: () => Promise<CompletedTaskWrite>): CaptureStore & { failures: CaptureFailureRecord[] } {
  const failures: CaptureFailureRecord[] = [];
  return {
    failures,
    storeCompletedTask: write,
    recordReservationStep: () => Promise.reject(new Error('not used here')),
    recordCaptureFailure: (record) => {
      failures.push(record);
      return Promise.resolve('created');
    },
  };
}


const capture = (store: CaptureStore) =>
  captureTaskrouterEvent(parameters, { store, erasures: noErasures, defaultRegion: 'US', receivedAt: new Date('2026-11-28T12:00:00Z') });

describe('captureTaskrouterEvent when storage refuses', () => {
  it('keeps an interaction Firestore refuses for ever as a capture failure instead of failing each retry', async () => {
    const refusal = Object.assign(new Error('3 INVALID_ARGUMENT: Document exceeds the maximum size'), { code: 3 });
    const store = storeWhoseInteractionWrite(() => Promise.reject(refusal));

    await expect(capture(store)).resolves.toEqual({ result: 'unattributable', taskSid: parameters.TaskSid, reason: 'storageRefused' });
    expect(store.failures).toHaveLength(1);
    expect(store.failures[0]).toMatchObject({ reason: 'storageRefused', parameters, details: { error: refusal.message } });
  });

  it('treats the Admin SDK refusing a value before sending as permanent too', async () => {
    const store = storeWhoseInteractionWrite(() => Promise.reject(new Error('Value for argument "seconds" is not a valid integer.')));
    await expect(capture(store)).resolves.toMatchObject({ reason: 'storageRefused' });
  });

  it('lets a passing outage through, so that TaskRouter retries and nothing is claimed', async () => {
    const outage = Object.assign(new Error('14 UNAVAILABLE'), { code: 14 });
    const store = storeWhoseInteractionWrite(() => Promise.reject(outage));
    await expect(capture(store)).rejects.toBe(outage);
    expect(store.failures).toEqual([]);
  });

  it('refuses an event without a TaskSid as malformed', async () => {
    const store = storeWhoseInteractionWrite(() => Promise.reject(new Error('not reached')));
    await expect(
      captureTaskrouterEvent({ ...parameters, TaskSid: '' }, { store, erasures: noErasures, defaultRegion: 'US', receivedAt: new Date() }),
    ).rejects.toBeInstanceOf(AppError);
  });
});
