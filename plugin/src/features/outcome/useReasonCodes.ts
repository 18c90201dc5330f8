import { useEffect, useState } from 'react';
import type { EffectiveReasonCodes } from '@interaction-history/model';
import type { ReasonCodeStore } from './reasonCodeStore.js';

/** The reason codes for a task's queue, live: a code an admin retires leaves the choice while the form is open. */
export function useReasonCodes(store: ReasonCodeStore, queueSid: string): EffectiveReasonCodes {
  const [codes, setCodes] = useState(() => store.current(queueSid));
  useEffect(() => {
    const unwatch = store.watch(queueSid, () => setCodes(store.current(queueSid)));
    // Lists heard between the first render and this subscription.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- catching up after subscribing is React 17's way (no useSyncExternalStore)
    setCodes(store.current(queueSid));
    return unwatch;
  }, [store, queueSid]);
  return codes;
}
