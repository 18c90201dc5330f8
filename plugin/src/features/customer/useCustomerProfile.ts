/**
 * The state of the shown customer's profile as the tab works on it: the live
 * profile and stats, which form is open, the last confirmation, and where
 * keyboard focus goes once a form or button it held has gone. Presentational
 * components read it; only this hook writes.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Firestore } from 'firebase/firestore';
import type { Author, Customer, CustomerProfileInput, CustomerStats } from '@interaction-history/model';
import { createCustomer, deleteCustomer, DuplicateCustomerError, updateCustomer } from '../../data/customers.js';
import { useCustomer, useCustomerStats, type Live } from '../../data/hooks.js';
import type { Strings } from '../../strings/index.js';

/** Where keyboard focus goes once the form or confirmation that held it has gone. */
type FocusTarget = 'editButton' | 'createButton';

export interface CustomerProfileState {
  readonly customer: Live<Customer | null>;
  readonly stats: Live<CustomerStats | null>;
  /** The profile once loaded, or null when loading, failed or unknown. */
  readonly known: Customer | null;
  /** Loaded, and no profile exists for this phone. */
  readonly unknown: boolean;
  readonly editing: boolean;
  readonly creating: boolean;
  /** The create form was opened by the agent (it takes focus), not on load for an unknown caller (it must not). */
  readonly createOpenedByAgent: boolean;
  readonly confirmation: string | null;
  readonly editButtonRef: RefObject<HTMLButtonElement>;
  readonly createButtonRef: RefObject<HTMLButtonElement>;
  // Functions, not methods: components take them as event handlers, detached from this object.
  readonly openCreate: () => void;
  readonly cancelCreate: () => void;
  readonly startEdit: () => void;
  readonly cancelEdit: () => void;
  /** Each rejects with a message for the agent when the write is refused. */
  readonly create: (profile: CustomerProfileInput) => Promise<void>;
  readonly update: (profile: CustomerProfileInput) => Promise<void>;
  readonly remove: () => Promise<void>;
}

function refusalMessage(error: unknown, strings: Strings, phone: string): string {
  if (error instanceof DuplicateCustomerError) return strings.duplicatePhone(phone);
  if ((error as { code?: string } | null)?.code === 'permission-denied') return strings.permissionDenied;
  return strings.saveFailed;
}

export function useCustomerProfile(db: Firestore, author: Author, phone: string, sessionEpoch: number, strings: Strings): CustomerProfileState {
  const customer = useCustomer(db, phone, sessionEpoch);
  const stats = useCustomerStats(db, phone, sessionEpoch);
  const [editing, setEditing] = useState(false);
  // The create form stays open until saved or dismissed, even if someone else creates the customer
  // meanwhile: the save is then refused as a duplicate, and the agent sees why.
  const [creating, setCreating] = useState(false);
  const [createOpenedByAgent, setCreateOpenedByAgent] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const createButtonRef = useRef<HTMLButtonElement>(null);
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
    const target = focusTarget === 'editButton' ? editButtonRef.current : focusTarget === 'createButton' ? createButtonRef.current : null;
    if (!target) return;
    target.focus();
    setFocusTarget(null);
  }, [focusTarget, customer, creating, editing]);

  const saveProfile = async (write: () => Promise<void>, done: string, thenFocus: FocusTarget) => {
    try {
      await write();
    } catch (error) {
      if (mounted.current) throw new Error(refusalMessage(error, strings, phone));
      // The agent has moved on and no form is left to show it; the cause still belongs in the console.
      console.warn(`[interaction-history] a profile change for ${phone} failed after the tab moved on`, error);
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
  return {
    customer,
    stats,
    known,
    unknown,
    editing,
    creating,
    createOpenedByAgent,
    confirmation,
    editButtonRef,
    createButtonRef,
    openCreate: () => {
      setConfirmation(null);
      setCreating(true);
      setCreateOpenedByAgent(true);
    },
    cancelCreate: () => {
      setCreating(false);
      setFocusTarget(unknown ? 'createButton' : 'editButton');
    },
    startEdit: () => {
      setConfirmation(null);
      setEditing(true);
    },
    cancelEdit: () => {
      setEditing(false);
      setFocusTarget('editButton');
    },
    create: (profile) => saveProfile(() => createCustomer(db, phone, profile, author), strings.customerCreated, 'editButton'),
    update: (profile) => saveProfile(() => updateCustomer(db, phone, profile, author), strings.customerSaved, 'editButton'),
    remove: () => saveProfile(() => deleteCustomer(db, phone, author), strings.customerDeleted, 'createButton'),
  };
}
