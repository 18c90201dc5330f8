/**
 * The agent's outcome lives in the task's attributes (so it survives a reload
 * and the webhook reads it at completion). Writes are serialised per task and
 * always merge into the task's other attributes.
 */
import { mergeOutcomeAttributes, readOutcomeAttributes, type OutcomeAttributes } from '@interaction-history/model';
import type { FlexTask } from '../../flex/flexApi.js';

/**
 * The outcome as the task holds it, read exactly as capture reads it: what capture
 * would not accept (not text, too long) reads as none, and so does an outcome
 * chosen for another task (a transfer copies the first task's attributes).
 */
export function readOutcome(attributes: Record<string, unknown>, taskSid: string): OutcomeAttributes {
  const { outcome, comment, customerPhone } = readOutcomeAttributes(attributes, taskSid);
  return { outcome, comment, customerPhone };
}

export function hasReasonCode(outcome: OutcomeAttributes): boolean {
  return outcome.outcome !== null;
}

/** Finds the task as Flex holds it now; task objects handed to components can be stale snapshots. */
export type FreshTaskResolver = (taskSid: string) => FlexTask | undefined;

/** The caller's number as the tab shows it (E.164), or null. */
export type CallerPhoneResolver = (task: FlexTask) => string | null;

export class TaskOutcomeWriter {
  constructor(
    private readonly freshTask: FreshTaskResolver = () => undefined,
    /**
     * The outcome always carries the customer the agent was shown, resolved to
     * E.164 here: capture then never files it under another customer because
     * its region setting differs from the plugin's.
     */
    private readonly callerPhone: CallerPhoneResolver = () => null,
  ) {}

  private readonly latest = new Map<string, OutcomeAttributes>();
  private readonly unsaved = new Set<string>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly outcomeRequestListeners = new Map<string, Set<() => void>>();
  /** Tasks whose completion was refused for want of a reason code, until one is chosen. */
  private readonly outcomeRequested = new Set<string>();

  /** What the agent last chose for this task, saved or not. */
  current(task: FlexTask): OutcomeAttributes {
    return this.latest.get(task.taskSid) ?? readOutcome(task.attributes, task.taskSid);
  }

  /** Records a change; it is written now or at the next `save`/`flush` (for comments typed key by key). */
  change(task: FlexTask, patch: Partial<OutcomeAttributes>, { saveNow }: { saveNow: boolean }): Promise<void> {
    this.latest.set(task.taskSid, { ...this.current(task), ...patch });
    if (patch.outcome) this.outcomeRequested.delete(task.taskSid);
    this.unsaved.add(task.taskSid);
    return saveNow ? this.save(task) : Promise.resolve();
  }

  /** Writes the latest outcome into the task's attributes, after any write already under way. */
  save(task: FlexTask): Promise<void> {
    const previous = this.writes.get(task.taskSid) ?? Promise.resolve();
    const write = previous
      .catch(() => undefined)
      .then(async () => {
        if (!this.unsaved.has(task.taskSid)) return;
        this.unsaved.delete(task.taskSid);
        const outcome = this.current(task);
        // Merge into the attributes as they are now, not as they were when the agent started typing:
        // conference, transfer or another plugin's attributes may have arrived meanwhile.
        const target = this.freshTask(task.taskSid) ?? task;
        try {
          const shown = { ...outcome, customerPhone: outcome.customerPhone ?? this.callerPhone(target) };
          await target.setAttributes(mergeOutcomeAttributes(target.attributes, shown, task.taskSid));
        } catch (error) {
          this.unsaved.add(task.taskSid);
          throw error;
        }
      });
    this.writes.set(task.taskSid, write);
    return write;
  }

  /** Saves anything unsaved and waits for every write: what completion does first. */
  async flush(task: FlexTask): Promise<void> {
    await this.save(task);
  }

  /**
   * The completion guard asks for a reason code. The request stays until one is
   * chosen: the task's form may only be drawn after this, once its tab is forward.
   */
  requestOutcome(taskSid: string): void {
    this.outcomeRequested.add(taskSid);
    for (const listener of this.outcomeRequestListeners.get(taskSid) ?? []) listener();
  }

  isOutcomeRequested(taskSid: string): boolean {
    return this.outcomeRequested.has(taskSid);
  }

  /** Hears `requestOutcome` for one task; returns the unsubscribe. */
  onOutcomeRequested(taskSid: string, listener: () => void): () => void {
    const listeners = this.outcomeRequestListeners.get(taskSid) ?? new Set();
    listeners.add(listener);
    this.outcomeRequestListeners.set(taskSid, listeners);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.outcomeRequestListeners.delete(taskSid);
    };
  }
}
