/**
 * The History tab once signed in: the shown customer (the caller, or the one
 * the agent searched for), the task's outcome, the search, and the live history.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { normalizePhone, type CountryCode, type CustomerProfileInput, type StaffRole } from '@interaction-history/model';
import type { Firestore } from 'firebase/firestore';
import { createCustomer, deleteCustomer, DuplicateCustomerError, updateCustomer } from '../../data/customers.js';
import { useCustomer, useCustomerStats, useHistory } from '../../data/hooks.js';
import type { Strings } from '../../strings/index.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { CustomerCard } from '../customer/components/CustomerCard.js';
import { CustomerForm } from '../customer/components/CustomerForm.js';
import { PhoneSearch } from '../customer/components/PhoneSearch.js';
import { InteractionList } from './components/InteractionList.js';

export interface CustomerHistoryProps {
  readonly db: Firestore;
  readonly uid: string;
  readonly role: StaffRole;
  /** Changes at each sign-in: listeners that failed try again then. */
  readonly sessionEpoch: number;
  readonly callerPhone: string;
  /** The customer the agent searched for, when it is not the caller. */
  readonly searchedPhone: string | null;
  readonly onChooseCustomer: (phone: string | null) => void;
  /** The task's reason code and comment, shown under the customer. */
  readonly outcomeForm: ReactNode;
  readonly strings: Strings;
  readonly pageSize: number;
  readonly region: CountryCode;
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function refusalMessage(error: unknown, strings: Strings, phone: string): string {
  if (error instanceof DuplicateCustomerError) return strings.duplicatePhone(phone);
  if ((error as { code?: string } | null)?.code === 'permission-denied') return strings.permissionDenied;
  return strings.saveFailed;
}

export function CustomerHistory(props: CustomerHistoryProps) {
  const { db, uid, role, sessionEpoch, callerPhone, searchedPhone, strings } = props;
  const [pages, setPages] = useState(1);
  const [editing, setEditing] = useState(false);
  // The create form stays open until saved or dismissed, even if someone else creates the customer
  // meanwhile: the save is then refused as a duplicate, and the agent sees why.
  const [creating, setCreating] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);

  const shownPhone = searchedPhone ?? callerPhone;
  const shownPhoneNow = useRef(shownPhone);
  shownPhoneNow.current = shownPhone;
  const customer = useCustomer(db, shownPhone, sessionEpoch);
  const stats = useCustomerStats(db, shownPhone, sessionEpoch);
  const history = useHistory(db, shownPhone, props.pageSize * pages, sessionEpoch);

  const unknownCustomer = customer.status === 'ready' && customer.value === null;
  useEffect(() => {
    setPages(1);
    setEditing(false);
    setConfirmation(null);
    // Opened again below once the new customer turns out to be unknown.
    setCreating(false);
  }, [shownPhone]);
  useEffect(() => {
    if (unknownCustomer) setCreating(true);
  }, [unknownCustomer]);

  const saveProfile = async (write: () => Promise<void>, done: string) => {
    const phone = shownPhone;
    try {
      await write();
    } catch (error) {
      throw new Error(refusalMessage(error, strings, phone));
    }
    // A save that lands after the agent moved to another customer must not close that customer's forms.
    if (shownPhoneNow.current !== phone) return;
    setConfirmation(done);
    setEditing(false);
    setCreating(false);
  };

  return (
    <>
      {confirmation && <Notice tone="success">{confirmation}</Notice>}
      {customer.status === 'loading' && <p role="status">{strings.loading}</p>}
      {customer.status === 'error' && (
        <Notice tone="error">
          <p style={{ marginTop: 0 }}>{strings.customerFailed}</p>
          <button type="button" onClick={customer.retry} style={styles.secondaryButton}>
            {strings.retry}
          </button>
        </Notice>
      )}
      {unknownCustomer && <p>{strings.unknownCaller(shownPhone)}</p>}
      {unknownCustomer && !creating && (
        <button type="button" onClick={() => setCreating(true)} style={{ ...styles.secondaryButton, marginBottom: '1rem' }}>
          {strings.newCustomer}
        </button>
      )}
      {creating && (
        <CustomerForm
          key={`create-${shownPhone}`}
          strings={strings}
          mode="create"
          phone={shownPhone}
          onSubmit={(profile: CustomerProfileInput) => saveProfile(() => createCustomer(db, shownPhone, profile, uid), strings.customerCreated)}
          onCancel={() => setCreating(false)}
        />
      )}
      {!creating && customer.status === 'ready' && customer.value !== null && !editing && (
        <CustomerCard
          strings={strings}
          customer={customer.value}
          stats={stats.status === 'ready' ? stats.value : null}
          canDelete={role === 'admin'}
          onEdit={() => {
            setConfirmation(null);
            setEditing(true);
          }}
          onDelete={() => saveProfile(() => deleteCustomer(db, shownPhone), strings.customerDeleted)}
        />
      )}
      {!creating && customer.status === 'ready' && customer.value !== null && editing && (
        <CustomerForm
          key={`edit-${shownPhone}`}
          strings={strings}
          mode="edit"
          phone={shownPhone}
          initial={customer.value}
          onCancel={() => setEditing(false)}
          onSubmit={(profile) => saveProfile(() => updateCustomer(db, shownPhone, profile, uid), strings.customerSaved)}
        />
      )}
      {props.outcomeForm}
      <PhoneSearch
        strings={strings}
        normalize={(typed) => normalizePhone(typed, props.region)}
        searchedPhone={searchedPhone}
        callerPhone={callerPhone}
        onFound={(phone) => props.onChooseCustomer(phone === callerPhone ? null : phone)}
        onBackToCaller={() => props.onChooseCustomer(null)}
      />
      <InteractionList
        strings={strings}
        state={
          history.status === 'ready'
            ? {
                status: 'ready',
                interactions: history.value.interactions,
                hasMore: history.value.hasMore,
                loadingOlder: history.refreshing === true,
              }
            : history.status === 'error'
              ? { status: 'error', retry: history.retry }
              : { status: 'loading' }
        }
        onLoadOlder={() => setPages(pages + 1)}
        formatDateTime={(date) => dateTimeFormat.format(date)}
      />
    </>
  );
}
