/**
 * The History tab once signed in: the shown customer (the caller, or the one
 * the agent searched for), the task's outcome, the search, and the live history.
 */
import { useEffect, useRef, useState } from 'react';
import { normalizePhone, type CountryCode, type CustomerProfileInput, type StaffRole } from '@interaction-history/model';
import type { Firestore } from 'firebase/firestore';
import { createCustomer, deleteCustomer, DuplicateCustomerError, updateCustomer } from '../../data/customers.js';
import { useCustomer, useCustomerStats, useHistory } from '../../data/hooks.js';
import type { FlexTask } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { Notice } from '../../ui/Notice.js';
import { CustomerCard } from '../customer/components/CustomerCard.js';
import { CustomerForm } from '../customer/components/CustomerForm.js';
import { PhoneSearch } from '../customer/components/PhoneSearch.js';
import { OutcomeForm } from '../outcome/components/OutcomeForm.js';
import type { TaskOutcomeWriter } from '../outcome/taskOutcome.js';
import { InteractionList } from './components/InteractionList.js';

export interface CustomerHistoryProps {
  readonly db: Firestore;
  readonly uid: string;
  readonly role: StaffRole;
  readonly task: FlexTask;
  readonly callerPhone: string;
  readonly writer: TaskOutcomeWriter;
  readonly strings: Strings;
  readonly reasonCodes: readonly string[];
  readonly pageSize: number;
  readonly region: CountryCode;
}

const COMMENT_SAVE_DELAY_MS = 800;
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function refusalMessage(error: unknown, strings: Strings, phone: string): string {
  if (error instanceof DuplicateCustomerError) return strings.duplicatePhone(phone);
  if ((error as { code?: string } | null)?.code === 'permission-denied') return strings.permissionDenied;
  return strings.saveFailed;
}

export function CustomerHistory(props: CustomerHistoryProps) {
  const { db, uid, role, task, callerPhone, writer, strings } = props;
  const [outcome, setOutcome] = useState(() => writer.current(task));
  const [commentDraft, setCommentDraft] = useState(outcome.comment ?? '');
  const [saveFailed, setSaveFailed] = useState(false);
  const [pages, setPages] = useState(1);
  const [editing, setEditing] = useState(false);
  // The create form stays open until saved or cancelled, even if someone else creates the customer
  // meanwhile: the save is then refused as a duplicate, and the agent sees why.
  const [creating, setCreating] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const commentTimer = useRef<ReturnType<typeof setTimeout>>();

  const shownPhone = outcome.customerPhone ?? callerPhone;
  const customer = useCustomer(db, shownPhone);
  const stats = useCustomerStats(db, shownPhone);
  const history = useHistory(db, shownPhone, props.pageSize * pages);

  useEffect(() => () => clearTimeout(commentTimer.current), []);
  useEffect(() => {
    setPages(1);
    setEditing(false);
    setCreating(false);
    setConfirmation(null);
  }, [shownPhone]);
  const unknownCustomer = customer.status === 'ready' && customer.value === null;
  useEffect(() => {
    if (unknownCustomer) setCreating(true);
  }, [unknownCustomer]);

  const persist = (write: Promise<void>) => {
    setSaveFailed(false);
    write.catch(() => setSaveFailed(true));
  };
  const change = (patch: Parameters<TaskOutcomeWriter['change']>[1], saveNow: boolean) => {
    persist(writer.change(task, patch, { saveNow }));
    setOutcome(writer.current(task));
  };

  const saveProfile = async (write: () => Promise<void>, done: string) => {
    try {
      await write();
      setConfirmation(done);
      setEditing(false);
      setCreating(false);
    } catch (error) {
      throw new Error(refusalMessage(error, strings, shownPhone));
    }
  };

  return (
    <>
      {confirmation && <Notice tone="success">{confirmation}</Notice>}
      {customer.status === 'loading' && <p role="status">{strings.loading}</p>}
      {customer.status === 'error' && <Notice tone="error">{strings.historyFailed}</Notice>}
      {creating && (
        <>
          {unknownCustomer && <p>{strings.unknownCaller(shownPhone)}</p>}
          <CustomerForm
            key={`create-${shownPhone}`}
            strings={strings}
            mode="create"
            phone={shownPhone}
            onSubmit={(profile: CustomerProfileInput) => saveProfile(() => createCustomer(db, shownPhone, profile, uid), strings.customerCreated)}
            {...(unknownCustomer ? {} : { onCancel: () => setCreating(false) })}
          />
        </>
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
      <OutcomeForm
        strings={strings}
        reasonCodes={props.reasonCodes}
        outcome={outcome.outcome}
        comment={commentDraft}
        saveFailed={saveFailed}
        onOutcomeChange={(next) => change({ outcome: next }, true)}
        onCommentChange={(next) => {
          setCommentDraft(next);
          change({ comment: next.trim() === '' ? null : next }, false);
          clearTimeout(commentTimer.current);
          commentTimer.current = setTimeout(() => persist(writer.save(task)), COMMENT_SAVE_DELAY_MS);
        }}
        onCommentCommit={() => {
          clearTimeout(commentTimer.current);
          persist(writer.save(task));
        }}
      />
      <PhoneSearch
        strings={strings}
        normalize={(typed) => normalizePhone(typed, props.region)}
        searchedPhone={outcome.customerPhone}
        callerPhone={callerPhone}
        onFound={(phone) => change({ customerPhone: phone === callerPhone ? null : phone }, true)}
        onBackToCaller={() => change({ customerPhone: null }, true)}
      />
      <InteractionList
        strings={strings}
        state={
          history.status === 'ready'
            ? { status: 'ready', interactions: history.value.interactions, hasMore: history.value.hasMore }
            : { status: history.status }
        }
        onLoadOlder={() => setPages(pages + 1)}
        formatDateTime={(date) => dateTimeFormat.format(date)}
      />
    </>
  );
}
