import { describe, expect, it } from 'vitest';
import { decode, DecodeError, tryDecode } from '../src/decode.js';
import { captureFailureSchema } from '../src/documents/captureFailure.js';
import { customerSchema } from '../src/documents/customer.js';
import { customerStatsSchema } from '../src/documents/customerStats.js';
import { interactionSchema } from '../src/documents/interaction.js';

/** What either Firestore SDK hands back for a stored time. */
const timestamp = (iso: string) => ({ toDate: () => new Date(iso) });
const TASK_SID = `WT${'a'.repeat(32)}`;

const storedInteraction = {
  taskSid: TASK_SID,
  customerPhone: '+14155550100',
  from: 'whatsapp:+14155550100',
  channel: 'chat',
  queue: 'Support',
  workerSid: null,
  workerName: null,
  outcome: 'Billing',
  outcomeMissing: false,
  comment: null,
  startedAt: timestamp('2026-11-28T11:57:00Z'),
  completedAt: timestamp('2026-11-28T12:00:00Z'),
  durationSeconds: 180,
  capturedAt: timestamp('2026-11-28T12:00:01Z'),
  source: 'taskrouter',
};

describe('stored documents decode through their schema', () => {
  it('reads an interaction stored before worker identity and completion reasons were kept with empty values', () => {
    const interaction = decode(interactionSchema, storedInteraction, `customers/+14155550100/interactions/${TASK_SID}`);
    expect(interaction).toMatchObject({ acceptedWorkers: [], completedReason: null, queueSid: null });
  });

  it('turns stored timestamps into Dates', () => {
    const interaction = decode(interactionSchema, storedInteraction, `customers/+14155550100/interactions/${TASK_SID}`);
    expect(interaction.completedAt).toEqual(new Date('2026-11-28T12:00:00Z'));
    expect(interaction.startedAt).toBeInstanceOf(Date);
  });

  it('names the path and the field of an interaction without a completion time, instead of inventing one', () => {
    const { completedAt: _missing, ...withoutTime } = storedInteraction;
    const path = `customers/+14155550100/interactions/${TASK_SID}`;
    expect(() => decode(interactionSchema, withoutTime, path)).toThrow(DecodeError);
    try {
      decode(interactionSchema, withoutTime, path);
    } catch (error) {
      expect((error as DecodeError).where).toBe(path);
      expect((error as DecodeError).message).toContain('completedAt');
    }
  });

  it('refuses an interaction whose source is not the webhook', () => {
    expect(tryDecode(interactionSchema, { ...storedInteraction, source: 'browser' }).ok).toBe(false);
  });

  it('reads stats, and refuses a negative or fractional count', () => {
    const stats = { interactionCount: 3, missingOutcomeCount: 1, lastInteractionAt: timestamp('2026-11-28T12:00:00Z'), lastOutcome: null };
    expect(tryDecode(customerStatsSchema, stats).ok).toBe(true);
    expect(tryDecode(customerStatsSchema, { ...stats, interactionCount: -1 }).ok).toBe(false);
    expect(tryDecode(customerStatsSchema, { ...stats, interactionCount: 1.5 }).ok).toBe(false);
  });

  it('reads a profile with and without its optional fields', () => {
    const profile = { phone: '+14155550100', firstName: 'Ada', lastName: 'Lovelace', createdAt: timestamp('2026-01-01T00:00:00Z'), createdBy: 'WKx' };
    expect(decode(customerSchema, profile, 'customers/+14155550100')).toMatchObject({ firstName: 'Ada' });
    expect(tryDecode(customerSchema, { ...profile, phone: '0044 7911' }).ok).toBe(false);
  });

  it('reads a capture failure with its reason, and refuses an unknown reason', () => {
    const failure = {
      taskSid: TASK_SID,
      reason: 'noValidPhone',
      message: 'No valid phone number…',
      details: null,
      eventType: 'task.completed',
      receivedAt: timestamp('2026-11-28T12:00:00Z'),
      recordedAt: timestamp('2026-11-28T12:00:00Z'),
      parametersJson: '{}',
      parametersTruncated: false,
    };
    expect(tryDecode(captureFailureSchema, failure).ok).toBe(true);
    expect(tryDecode(captureFailureSchema, { ...failure, reason: 'gremlins' }).ok).toBe(false);
  });
});
