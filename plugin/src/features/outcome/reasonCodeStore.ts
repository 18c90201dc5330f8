/**
 * The reason codes agents choose from, live from Firestore: the global list
 * and each open task's queue list, subscribed while a form or the completion
 * guard needs them and again after each sign-in. Until a list is heard (or
 * without Firebase at all) the fallback applies: the UI attributes' codes,
 * then the shipped defaults, and a reason code is required.
 */
import { effectiveReasonCodes, GLOBAL_REASON_CODE_LIST_ID, type EffectiveReasonCodes, type ReasonCodeList } from '@interaction-history/model';
import { subscribeToReasonCodeList } from '../../data/reasonCodeLists.js';
import type { FirebaseSession, SessionState } from '../../data/session.js';

interface WatchedList {
  /** Undefined until heard; null when no such list is stored. */
  value: ReasonCodeList | null | undefined;
  watchers: number;
  unsubscribe: (() => void) | undefined;
  subscribedEpoch: number;
}

export interface ReasonCodeFallback {
  readonly uiAttributeCodes: readonly string[] | null;
  readonly defaults: readonly string[];
}

export class ReasonCodeStore {
  private readonly lists = new Map<string, WatchedList>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly session: FirebaseSession,
    private readonly fallback: ReasonCodeFallback,
  ) {
    session.subscribe((state) => this.subscribeAll(state));
  }

  /** What an agent may choose for a task of this queue, and whether a choice is required. */
  current(queueSid: string): EffectiveReasonCodes {
    const heard = (id: string) => this.lists.get(id)?.value ?? null;
    return effectiveReasonCodes({
      queueList: queueSid ? heard(queueSid) : null,
      globalList: heard(GLOBAL_REASON_CODE_LIST_ID),
      ...this.fallback,
    });
  }

  /** Keeps the global list and this queue's list live until the returned function is called; `onChange` hears every change. */
  watch(queueSid: string, onChange: () => void): () => void {
    const ids = [GLOBAL_REASON_CODE_LIST_ID, ...(queueSid ? [queueSid] : [])];
    for (const id of ids) {
      const list = this.lists.get(id) ?? { value: undefined, watchers: 0, unsubscribe: undefined, subscribedEpoch: 0 };
      list.watchers += 1;
      this.lists.set(id, list);
      this.subscribe(id, list, this.session.getState());
    }
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
      for (const id of ids) {
        const list = this.lists.get(id);
        if (!list) continue;
        list.watchers -= 1;
        if (list.watchers === 0) {
          list.unsubscribe?.();
          list.unsubscribe = undefined;
          list.subscribedEpoch = 0;
          // No longer live: forget it, so that nobody acts on a list an admin may change meanwhile (the fallback requires a code).
          list.value = undefined;
        }
      }
    };
  }

  private subscribeAll(state: SessionState): void {
    for (const [id, list] of this.lists) if (list.watchers > 0) this.subscribe(id, list, state);
  }

  private subscribe(id: string, list: WatchedList, state: SessionState): void {
    if (state.status !== 'ready' || list.subscribedEpoch === state.epoch) return;
    list.unsubscribe?.();
    list.subscribedEpoch = state.epoch;
    list.unsubscribe = subscribeToReasonCodeList(
      state.db,
      id,
      (value) => {
        list.value = value;
        for (const listener of this.listeners) listener();
      },
      (error) => {
        // The last list heard stays in use (or the fallback); the next sign-in subscribes again.
        console.warn(`[interaction-history] the reason-code list ${id} could not be read`, error);
        list.subscribedEpoch = 0;
      },
    );
  }
}
