/**
 * The shown customer, live: their card, the form to create them when the number
 * is unknown, and the edit form. One instance per phone shown (the tab keys it
 * by the phone), so a save that finishes after the agent moved to another
 * customer lands nowhere instead of closing that customer's form.
 */
import { useEffect, useRef, useState } from 'react';
import type { Firestore } from 'firebase/firestore';
import type { CustomerProfileInput, StaffRole } from '@interaction-history/model';
import { createCustomer, deleteCustomer, DuplicateCustomerError, updateCustomer } from '../../data/customers.js';
import { useCustomer, useCustomerStats } from '../../data/hooks.js';
import type { Strings } from '../../strings/index.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { CustomerCard } from './components/CustomerCard.js';
import { CustomerForm } from './components/CustomerForm.js';

export interface CustomerProfileProps {
  readonly db: Firestore;
  readonly uid: string;
  readonly role: StaffRole;
  /** Changes at each sign-in: listeners that failed try again then. */
  readonly sessionEpoch: number;
  readonly phone: string;
  readonly strings: Strings;
}

/** Where keyboard focus goes once the form or confirmation that held it has gone. */
type FocusTarget = 'editButton' | 'createButton';

function refusalMessage(error: unknown, strings: Strings, phone: string): string {
  if (error instanceof DuplicateCustomerError) return strings.duplicatePhone(phone);
  if ((error as { code?: string } | null)?.code === 'permission-denied') return strings.permissionDenied;
  return strings.saveFailed;
}

export function CustomerProfile({ db, uid, role, sessionEpoch, phone, strings }: CustomerProfileProps) {
  const customer = useCustomer(db, phone, sessionEpoch);
  const stats = useCustomerStats(db, phone, sessionEpoch);
  const [editing, setEditing] = useState(false);
  // The create form stays open until saved or dismissed, even if someone else creates the customer
  // meanwhile: the save is then refused as a duplicate, and the agent sees why.
  const [creating, setCreating] = useState(false);
  // Opened on load for an unknown caller, the form must not take focus from wherever the agent is.
  const [createOpenedByAgent, setCreateOpenedByAgent] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const createButton = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  // An unknown caller is offered the form at once; a customer who disappears later
  // (deleted here or elsewhere) is offered the button that opens it.
  // Decided while rendering the first answer (React's "adjust state when a value changes"), not one render later.
  const [firstAnswerHeard, setFirstAnswerHeard] = useState(false);
  if (customer.status === 'ready' && !firstAnswerHeard) {
    setFirstAnswerHeard(true);
    if (customer.value === null) setCreating(true);
  }

  // The target may only appear once the listener has heard the save (a created customer's card),
  // so this runs again whenever what decides whether it is on screen changes.
  useEffect(() => {
    const target = focusTarget === 'editButton' ? editButton.current : focusTarget === 'createButton' ? createButton.current : null;
    if (!target) return;
    target.focus();
    setFocusTarget(null);
  }, [focusTarget, customer, creating, editing]);

  const saveProfile = async (write: () => Promise<void>, done: string, thenFocus: FocusTarget) => {
    try {
      await write();
    } catch (error) {
      if (mounted.current) throw new Error(refusalMessage(error, strings, phone));
      return;
    }
    if (!mounted.current) return;
    setConfirmation(done);
    setEditing(false);
    setCreating(false);
    setFocusTarget(thenFocus);
  };

  const known = customer.status === 'ready' && customer.value !== null ? customer.value : null;
  const unknown = customer.status === 'ready' && customer.value === null;
  return (
    <>
      {confirmation && <Notice tone="success">{confirmation}</Notice>}
      {customer.status === 'loading' && <p role="status">{strings.loading}</p>}
      {customer.status === 'error' && (
        <FailureNotice message={strings.customerFailed} retryLabel={strings.retry} onRetry={customer.retry} />
      )}
      {unknown && <p>{strings.unknownCaller(phone)}</p>}
      {unknown && !creating && (
        <button
          type="button"
          ref={createButton}
          onClick={() => {
            setConfirmation(null);
            setCreating(true);
            setCreateOpenedByAgent(true);
          }}
          style={{ ...styles.secondaryButton, marginBottom: '1rem' }}
        >
          {strings.newCustomer}
        </button>
      )}
      {creating && (
        <CustomerForm
          strings={strings}
          mode="create"
          phone={phone}
          focusFirstField={createOpenedByAgent}
          onSubmit={(profile: CustomerProfileInput) =>
            saveProfile(() => createCustomer(db, phone, profile, uid), strings.customerCreated, 'editButton')
          }
          onCancel={() => {
            setCreating(false);
            setFocusTarget(unknown ? 'createButton' : 'editButton');
          }}
        />
      )}
      {!creating && known && !editing && (
        <CustomerCard
          strings={strings}
          customer={known}
          stats={stats.status === 'ready' ? stats.value : null}
          onRetryStats={stats.status === 'error' ? stats.retry : undefined}
          canDelete={role === 'admin'}
          editButtonRef={editButton}
          onEdit={() => {
            setConfirmation(null);
            setEditing(true);
          }}
          onDelete={() => saveProfile(() => deleteCustomer(db, phone), strings.customerDeleted, 'createButton')}
        />
      )}
      {!creating && known && editing && (
        <CustomerForm
          strings={strings}
          mode="edit"
          phone={phone}
          focusFirstField
          initial={known}
          onCancel={() => {
            setEditing(false);
            setFocusTarget('editButton');
          }}
          onSubmit={(profile) => saveProfile(() => updateCustomer(db, phone, profile, uid), strings.customerSaved, 'editButton')}
        />
      )}
    </>
  );
}
