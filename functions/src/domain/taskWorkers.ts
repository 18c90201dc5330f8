/**
 * Pure: who handled a task, from its reservation events, whatever order they
 * arrive in and however often. Each reservation keeps the event time of each
 * step it reached (the first delivery's; a redelivery carries the same time),
 * so the answer depends only on which events arrived, never on their order.
 */
import type { AcceptedWorker, ReservationCaptureEvent, ReservationRecord } from '@interaction-history/model';

export type Reservations = Readonly<Record<string, ReservationRecord>>;

export interface ReservationStep {
  readonly eventType: ReservationCaptureEvent;
  readonly reservationSid: string;
  readonly workerSid: string;
  readonly workerName: string | null;
  /** The event's own time (TimestampMs, else Timestamp), epoch milliseconds. */
  readonly atMs: number;
}

const TIME_FIELD: Record<ReservationCaptureEvent, 'acceptedAtMs' | 'wrapupAtMs' | 'completedAtMs'> = {
  'reservation.accepted': 'acceptedAtMs',
  'reservation.wrapup': 'wrapupAtMs',
  'reservation.completed': 'completedAtMs',
};

/** The reservations once this step is known; the same step again changes nothing. */
export function addReservationStep(reservations: Reservations, step: ReservationStep): Record<string, ReservationRecord> {
  const previous = reservations[step.reservationSid];
  const field = TIME_FIELD[step.eventType];
  const record: ReservationRecord = {
    workerSid: previous?.workerSid ?? step.workerSid,
    workerName: previous?.workerName ?? step.workerName,
    acceptedAtMs: previous?.acceptedAtMs ?? null,
    wrapupAtMs: previous?.wrapupAtMs ?? null,
    completedAtMs: previous?.completedAtMs ?? null,
  };
  return { ...reservations, [step.reservationSid]: { ...record, [field]: record[field] ?? step.atMs } };
}

export interface HandledBy {
  readonly workerSid: string | null;
  readonly workerName: string | null;
  readonly acceptedWorkers: AcceptedWorker[];
}

/** A reservation that wrapped up or completed was accepted, even if that event has not arrived. */
function acceptedAt(record: ReservationRecord): number | null {
  const times = [record.acceptedAtMs, record.wrapupAtMs, record.completedAtMs].filter((time): time is number => time !== null);
  return times.length === 0 ? null : Math.min(...times);
}

/**
 * The worker whose reservation completed last (the one who wrapped up); while
 * no reservation has completed, the one who wrapped up last, then the one who
 * accepted last. Equal times are settled by ReservationSid, so that every
 * order of arrival gives the same answer. And every worker who accepted, in
 * order of acceptance, each once.
 */
export function handledBy(reservations: Reservations): HandledBy {
  const entries = Object.entries(reservations).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const latest = (time: (record: ReservationRecord) => number | null): ReservationRecord | null => {
    let best: { record: ReservationRecord; at: number } | null = null;
    for (const [, record] of entries) {
      const at = time(record);
      if (at !== null && (best === null || at >= best.at)) best = { record, at };
    }
    return best?.record ?? null;
  };
  const handler =
    latest((record) => record.completedAtMs) ?? latest((record) => record.wrapupAtMs) ?? latest((record) => record.acceptedAtMs);

  const accepted = entries
    .map(([, record]) => ({ record, at: acceptedAt(record) }))
    .filter((entry): entry is { record: ReservationRecord; at: number } => entry.at !== null)
    .sort((a, b) => a.at - b.at);
  const acceptedWorkers: AcceptedWorker[] = [];
  for (const { record } of accepted) {
    if (!acceptedWorkers.some((worker) => worker.workerSid === record.workerSid)) {
      acceptedWorkers.push({ workerSid: record.workerSid, workerName: record.workerName });
    }
  }
  return { workerSid: handler?.workerSid ?? null, workerName: handler?.workerName ?? null, acceptedWorkers };
}
