/** Live values from subscriptions, for React: the pattern every data hook shares. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FirebaseSession, SessionState } from './session.js';

export type Live<T> =
  | { readonly status: 'loading' }
  /** `refreshing`: a wider window of the same data is on its way; the value shown is the last one heard. */
  | { readonly status: 'ready'; readonly value: T; readonly refreshing?: boolean }
  | { readonly status: 'error'; readonly error: Error; readonly retry: () => void };

export function useSession(session: FirebaseSession): SessionState {
  const [state, setState] = useState(session.getState());
  useEffect(() => {
    // Catches a change made between the render and this subscription: the subscription pattern of React 17, which has no useSyncExternalStore.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a no-op (same state) unless the session changed in that gap
    setState(session.getState());
    return session.subscribe(setState);
  }, [session]);
  return state;
}

export interface LiveOptions {
  /** Changes at each sign-in; a listener that failed (say, refused while the session lapsed) subscribes again then. */
  readonly sessionEpoch: number;
  /** While this stays the same across a change of key, the last value stays on screen until the new one arrives. */
  readonly continuity?: string;
}

export function useLive<T>(
  subscribe: (onData: (value: T) => void, onError: (error: Error) => void) => () => void,
  key: string,
  { sessionEpoch, continuity }: LiveOptions,
): Live<T> {
  const [live, setLive] = useState<Live<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const latestSubscribe = useRef(subscribe);
  // Declared before the subscription's effect, so that it runs first.
  useEffect(() => {
    latestSubscribe.current = subscribe;
  });
  const lastContinuity = useRef<string | undefined>(undefined);
  const retry = useCallback(() => setAttempt((count) => count + 1), []);

  // The key, not the function's identity, says when the subscription's inputs changed.
  useEffect(() => {
    const keepShowing = continuity !== undefined && continuity === lastContinuity.current;
    lastContinuity.current = continuity;
    setLive((previous) => (keepShowing && previous.status === 'ready' ? { ...previous, refreshing: true } : { status: 'loading' }));
    return latestSubscribe.current(
      (value) => setLive({ status: 'ready', value }),
      (error) => setLive({ status: 'error', error, retry }),
    );
    // `continuity` is part of the key, so it changes only with it; `retry` never changes.
  }, [key, attempt, continuity, retry]);

  const failed = live.status === 'error';
  const failedRef = useRef(failed);
  // Declared before the effect that reads it, so that it runs first.
  useEffect(() => {
    failedRef.current = failed;
  });
  useEffect(() => {
    if (failedRef.current) retry();
  }, [sessionEpoch, retry]);
  return live;
}
