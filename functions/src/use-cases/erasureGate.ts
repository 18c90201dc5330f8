/**
 * The gate capture passes before storing anything: an event whose task
 * attributes name an erased number, for a task created before the erasure,
 * or a suppressed number at any time, is withheld (answered 2xx, nothing
 * stored), so that replays, late deliveries and reconciliation never bring
 * erased data back. It reads only the event's parameters, so it serves every
 * event type that capture stores something for.
 */
import { readCompletedTaskDetails, type CountryCode } from '@interaction-history/model';
import type { ErasureRegistry } from '../adapters/erasureRegistry.js';
import { MAX_PHONES_CHECKED, mustWithdraw, mustWithhold, phonesMentioned } from '../domain/erasure.js';
import { readTaskTimes } from '../domain/taskTimes.js';
import * as logs from '../logs.js';

export interface ErasureGateContext {
  readonly erasures: ErasureRegistry;
  readonly defaultRegion: CountryCode;
  readonly receivedAt: Date;
  /** For a record already stored (the withdraw triggers): when it was committed; only entries that took effect before count. */
  readonly committedAt?: Date;
}

/** Attributes beyond this are not read for numbers (capture keeps such a payload whole for a person, unparsed). */
const MAX_ATTRIBUTES_SCANNED = 256 * 1024;

export async function withheldByErasure(parameters: Readonly<Record<string, string>>, context: ErasureGateContext): Promise<boolean> {
  // Every number the attributes name: the caller in any of its fields, and the customer an agent chose.
  const attributes = (parameters['TaskAttributes'] ?? '').slice(0, MAX_ATTRIBUTES_SCANNED);
  const phones = [...phonesMentioned(attributes, context.defaultRegion)].slice(0, MAX_PHONES_CHECKED);
  if (phones.length === 0) return false;
  const entries = await context.erasures.entriesFor(phones);
  if (entries.length === 0) return false;
  // Only well-formed times are read (a malformed TaskAge is no time at all), as capture itself reads them.
  const { startedAt: taskCreatedAt } = readTaskTimes(readCompletedTaskDetails(parameters).details, context.receivedAt);
  const withheld = context.committedAt ? mustWithdraw(entries, taskCreatedAt, context.committedAt) : mustWithhold(entries, taskCreatedAt);
  if (withheld) logs.captureWithheld(parameters['TaskSid'] ?? '');
  return withheld;
}
