/**
 * The shown customer, live: their card, the form to create them when the number
 * is unknown, and the edit form. One instance per phone shown (the tab keys it
 * by the phone), so a save that finishes after the agent moved to another
 * customer lands nowhere instead of closing that customer's form. State lives
 * in useCustomerProfile; this only lays it out.
 */
import type { Firestore } from 'firebase/firestore';
import type { StaffRole } from '@interaction-history/model';
import type { Strings } from '../../strings/index.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { CustomerCard } from './components/CustomerCard.js';
import { CustomerForm } from './components/CustomerForm.js';
import { useCustomerProfile } from './useCustomerProfile.js';

export interface CustomerProfileProps {
  readonly db: Firestore;
  readonly uid: string;
  readonly role: StaffRole;
  /** Changes at each sign-in: listeners that failed try again then. */
  readonly sessionEpoch: number;
  readonly phone: string;
  readonly strings: Strings;
}

export function CustomerProfile({ db, uid, role, sessionEpoch, phone, strings }: CustomerProfileProps) {
  const {
    customer, stats, known, unknown, creating, editing, createOpenedByAgent, confirmation, editButtonRef, createButtonRef,
    openCreate, cancelCreate, startEdit, cancelEdit, create, update, remove,
  } = useCustomerProfile(db, { uid, role }, phone, sessionEpoch, strings);
  return (
    <>
      {confirmation && <Notice tone="success">{confirmation}</Notice>}
      {customer.status === 'loading' && <p role="status">{strings.loading}</p>}
      {customer.status === 'error' && (
        <FailureNotice message={strings.customerFailed} retryLabel={strings.retry} onRetry={customer.retry} />
      )}
      {unknown && <p>{strings.unknownCaller(phone)}</p>}
      {unknown && !creating && (
        <button type="button" ref={createButtonRef} onClick={openCreate} style={{ ...styles.secondaryButton, marginBottom: '1rem' }}>
          {strings.newCustomer}
        </button>
      )}
      {creating && (
        <CustomerForm
          strings={strings}
          mode="create"
          phone={phone}
          focusFirstField={createOpenedByAgent}
          onSubmit={create}
          onCancel={cancelCreate}
        />
      )}
      {!creating && known && !editing && (
        <CustomerCard
          strings={strings}
          customer={known}
          stats={stats.status === 'ready' ? stats.value : null}
          onRetryStats={stats.status === 'error' ? stats.retry : undefined}
          canDelete={role === 'admin'}
          editButtonRef={editButtonRef}
          onEdit={startEdit}
          onDelete={remove}
        />
      )}
      {!creating && known && editing && (
        <CustomerForm
          strings={strings}
          mode="edit"
          phone={phone}
          focusFirstField
          initial={known}
          onCancel={cancelEdit}
          onSubmit={update}
        />
      )}
    </>
  );
}
