/**
 * For admins: the shown profile's last recorded changes, live. One instance
 * per phone shown (the tab keys it by the phone).
 */
import type { Firestore } from 'firebase/firestore';
import type { Strings } from '../../strings/index.js';
import { ProfileChangeList } from './components/ProfileChangeList.js';
import { useProfileChanges } from './useProfileChanges.js';

export interface ProfileChangesProps {
  readonly db: Firestore;
  readonly phone: string;
  readonly sessionEpoch: number;
  readonly strings: Strings;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDateTime = (date: Date) => dateTimeFormat.format(date);

export function ProfileChanges({ db, phone, sessionEpoch, strings }: ProfileChangesProps) {
  const changes = useProfileChanges(db, phone, sessionEpoch);
  return (
    <ProfileChangeList
      strings={strings}
      formatDateTime={formatDateTime}
      state={
        changes.status === 'ready'
          ? { status: 'ready', entries: changes.value.entries, unreadable: changes.value.unreadable }
          : changes.status === 'error'
            ? { status: 'error', retry: changes.retry }
            : { status: 'loading' }
      }
    />
  );
}
