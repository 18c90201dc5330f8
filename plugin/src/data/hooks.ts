/** React bindings for the live data: each hook subscribes in an effect and returns what it last heard. */
import { useEffect, useRef, useState } from 'react';
import type { Firestore } from 'firebase/firestore';
import type { Customer, CustomerStats } from '@interaction-history/model';
import { subscribeToCustomer, subscribeToCustomerStats } from './customers.js';
import { subscribeToHistory, type HistoryWindow } from './history.js';
import type { FirebaseSession, SessionState } from './session.js';

export type Live<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: Error };

export function useSession(session: FirebaseSession): SessionState {
  const [state, setState] = useState(session.getState());
  useEffect(() => {
    setState(session.getState());
    return session.subscribe(setState);
  }, [session]);
  return state;
}

function useLive<T>(subscribe: ((onData: (value: T) => void, onError: (error: Error) => void) => () => void) | null, key: string): Live<T> {
  const [live, setLive] = useState<Live<T>>({ status: 'loading' });
  const latestSubscribe = useRef(subscribe);
  latestSubscribe.current = subscribe;
  // The key, not the function's identity, says when the subscription's inputs changed.
  useEffect(() => {
    const current = latestSubscribe.current;
    if (!current) return undefined;
    setLive({ status: 'loading' });
    return current(
      (value) => setLive({ status: 'ready', value }),
      (error) => setLive({ status: 'error', error }),
    );
  }, [key]);
  return live;
}

export function useHistory(db: Firestore, phone: string, count: number): Live<HistoryWindow> {
  return useLive<HistoryWindow>((onData, onError) => subscribeToHistory({ db, phone, count }, onData, onError), `${phone}|${count}`);
}

export function useCustomer(db: Firestore, phone: string): Live<Customer | null> {
  return useLive<Customer | null>((onData, onError) => subscribeToCustomer(db, phone, onData, onError), phone);
}

export function useCustomerStats(db: Firestore, phone: string): Live<CustomerStats | null> {
  return useLive<CustomerStats | null>((onData, onError) => subscribeToCustomerStats(db, phone, onData, onError), phone);
}
