/**
 * The shown customer's past interactions, live, a page at a time. One instance
 * per phone shown (the tab keys it by the phone), so paging starts afresh for
 * each customer.
 */
import { useState } from 'react';
import type { Firestore } from 'firebase/firestore';
import { useHistory } from '../../data/hooks.js';
import type { Strings } from '../../strings/index.js';
import { InteractionList } from './components/InteractionList.js';

export interface PastInteractionsProps {
  readonly db: Firestore;
  readonly phone: string;
  readonly pageSize: number;
  /** Changes at each sign-in: a listener that failed tries again then. */
  readonly sessionEpoch: number;
  readonly strings: Strings;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDateTime = (date: Date) => dateTimeFormat.format(date);

export function PastInteractions({ db, phone, pageSize, sessionEpoch, strings }: PastInteractionsProps) {
  const [pages, setPages] = useState(1);
  const history = useHistory(db, phone, pageSize * pages, pageSize, sessionEpoch);
  return (
    <InteractionList
      strings={strings}
      state={
        history.status === 'ready'
          ? {
              status: 'ready',
              interactions: history.value.interactions,
              hasMore: history.value.hasMore,
              unreadable: history.value.unreadable,
              loadingOlder: history.refreshing === true,
            }
          : history.status === 'error'
            ? { status: 'error', retry: history.retry }
            : { status: 'loading' }
      }
      onLoadOlder={() => setPages((shown) => shown + 1)}
      formatDateTime={formatDateTime}
    />
  );
}
