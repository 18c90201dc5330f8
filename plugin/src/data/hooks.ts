/** React bindings for the live data: each hook subscribes in an effect and returns what it last heard. */
import type { Firestore } from 'firebase/firestore';
import type { Customer, CustomerStats } from '@interaction-history/model';
import { subscribeToCustomer, subscribeToCustomerStats } from './customers.js';
import { subscribeToHistory, type HistoryWindow } from './history.js';
import { useLive, type Live } from './live.js';

export { useLive, useSession, type Live, type LiveOptions } from './live.js';

export function useHistory(db: Firestore, phone: string, count: number, pageSize: number, sessionEpoch: number): Live<HistoryWindow> {
  return useLive<HistoryWindow>(
    (onData, onError) => subscribeToHistory({ db, phone, count, pageSize }, onData, onError),
    `${phone}|${count}|${pageSize}`,
    { sessionEpoch, continuity: phone },
  );
}

export function useCustomer(db: Firestore, phone: string, sessionEpoch: number): Live<Customer | null> {
  return useLive<Customer | null>((onData, onError) => subscribeToCustomer(db, phone, onData, onError), phone, { sessionEpoch });
}

export function useCustomerStats(db: Firestore, phone: string, sessionEpoch: number): Live<CustomerStats | null> {
  return useLive<CustomerStats | null>((onData, onError) => subscribeToCustomerStats(db, phone, onData, onError), phone, {
    sessionEpoch,
  });
}
