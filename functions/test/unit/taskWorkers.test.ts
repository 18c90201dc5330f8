import { describe, expect, it } from 'vitest';
import { addReservationStep, handledBy, type Reservations, type ReservationStep } from '../../src/domain/taskWorkers.js';

const ALICE = { workerSid: `WK${'a'.repeat(32)}`, workerName: 'Alice Agent' };
const BOB = { workerSid: `WK${'b'.repeat(32)}`, workerName: 'Bob Agent' };
const FIRST = `WR${'1'.repeat(32)}`;
const SECOND = `WR${'2'.repeat(32)}`;

const step = (eventType: ReservationStep['eventType'], reservationSid: string, worker: typeof ALICE, atMs: number): ReservationStep => ({
  eventType,
  reservationSid,
  ...worker,
  atMs,
});

/** A transfer within one task: Alice accepts, Bob accepts, Alice wraps up and completes, then Bob. */
const transfer: readonly ReservationStep[] = [
  step('reservation.accepted', FIRST, ALICE, 1_000),
  step('reservation.accepted', SECOND, BOB, 2_000),
  step('reservation.wrapup', FIRST, ALICE, 3_000),
  step('reservation.completed', FIRST, ALICE, 4_000),
  step('reservation.wrapup', SECOND, BOB, 5_000),
  step('reservation.completed', SECOND, BOB, 6_000),
];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

const gather = (steps: readonly ReservationStep[]): Reservations => steps.reduce<Reservations>(addReservationStep, {});

describe('who handled a task, from its reservation events', () => {
  it('is the worker whose reservation completed last, with every worker who accepted, first accepted first', () => {
    expect(handledBy(gather(transfer))).toEqual({ ...BOB, acceptedWorkers: [ALICE, BOB] });
  });

  it('gives the same answer for every order of arrival (720 orders) and with every event delivered twice', () => {
    const expected = gather(transfer);
    for (const order of permutations(transfer)) {
      expect(gather(order)).toEqual(expected);
      expect(gather([...order, ...order.slice().reverse()])).toEqual(expected);
    }
  });

  it('knows nobody before a reservation event arrives ("agent unknown")', () => {
    expect(handledBy({})).toEqual({ workerSid: null, workerName: null, acceptedWorkers: [] });
  });

  it('names the worker who accepted while no reservation has wrapped up or completed', () => {
    expect(handledBy(gather(transfer.slice(0, 2)))).toMatchObject({ workerSid: BOB.workerSid, acceptedWorkers: [ALICE, BOB] });
  });

  it('counts a worker whose wrap-up arrived without the acceptance as having accepted', () => {
    expect(handledBy(gather([step('reservation.wrapup', FIRST, ALICE, 3_000)]))).toEqual({ ...ALICE, acceptedWorkers: [ALICE] });
  });

  it('prefers a completed reservation over a later wrap-up of another', () => {
    const reservations = gather([step('reservation.completed', FIRST, ALICE, 4_000), step('reservation.wrapup', SECOND, BOB, 9_000)]);
    expect(handledBy(reservations).workerSid).toBe(ALICE.workerSid);
  });

  it('keeps the first delivery’s time when a redelivery says otherwise', () => {
    const once = gather([step('reservation.completed', FIRST, ALICE, 4_000)]);
    const again = addReservationStep(once, step('reservation.completed', FIRST, ALICE, 9_000));
    expect(again).toEqual(once);
  });

  it('lists a worker who accepted two reservations of the task once', () => {
    const reservations = gather([
      step('reservation.accepted', FIRST, ALICE, 1_000),
      step('reservation.accepted', SECOND, BOB, 2_000),
      step('reservation.accepted', `WR${'3'.repeat(32)}`, ALICE, 3_000),
    ]);
    expect(handledBy(reservations).acceptedWorkers).toEqual([ALICE, BOB]);
  });
});
