/**
 * The gate capture passes before storing anything: an event that names an
 * erased number, for a task created before the erasure, or a suppressed
 * number at any time, is withheld (answered 2xx, nothing stored), so that
 * replays, late deliveries and reconciliation never bring erased data back.
 */
import type { CompletedTaskEvent, CountryCode, E164 } from '@interaction-history/model';
import type { ErasureRegistry } from '../adapters/erasureRegistry.js';
import type { CompletedTaskOutcome } from '../domain/completedTask.js';
import { MAX_PHONES_CHECKED, mustWithhold, phonesMentioned } from '../domain/erasure.js';
import { readTaskTimes, type TimedEvent } from '../domain/taskTimes.js';
import * as logs from '../logs.js';

export interface ErasureGateContext {
  readonly erasures: ErasureRegistry;
  readonly defaultRegion: CountryCode;
  readonly receivedAt: Date;
}

export async function withheldByErasure(
  event: Pick<CompletedTaskEvent, 'TaskSid' | 'TaskAttributes'> & TimedEvent,
  outcome: CompletedTaskOutcome,
  context: ErasureGateContext,
): Promise<boolean> {
  const phones = new Set<E164>(outcome.kind === 'interaction' ? [outcome.interaction.customerPhone as E164] : []);
  for (const phone of phonesMentioned(event.TaskAttributes.slice(0, 256 * 1024), context.defaultRegion)) phones.add(phone);
  const entries = await context.erasures.entriesFor([...phones].slice(0, MAX_PHONES_CHECKED));
  const taskCreatedAt = outcome.kind === 'interaction' ? outcome.interaction.startedAt : readTaskTimes(event, context.receivedAt).startedAt;
  const withheld = mustWithhold(entries, taskCreatedAt);
  if (withheld) logs.captureWithheld(event.TaskSid);
  return withheld;
}
