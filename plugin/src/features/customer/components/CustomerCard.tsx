import { useEffect, useRef, useState, type Ref } from 'react';
import type { Customer, CustomerStats } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { FailureNotice } from '../../../ui/FailureNotice.js';
import { Notice } from '../../../ui/Notice.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface CustomerCardProps {
  readonly strings: Strings;
  readonly customer: Customer;
  readonly stats: CustomerStats | null;
  /** Present when the interaction count could not be loaded: asks for it again. */
  readonly onRetryStats?: (() => void) | undefined;
  readonly canDelete: boolean;
  readonly onEdit: () => void;
  /** Deletes the customer; rejects with a message to show when refused. */
  readonly onDelete: () => Promise<void>;
  /** Lets the page give focus back to Edit once the form it opened has closed. */
  readonly editButtonRef?: Ref<HTMLButtonElement>;
}

/** Who the customer is, with edit and (for admins only) delete. */
export function CustomerCard({ strings, customer, stats, onRetryStats, canDelete, onEdit, onDelete, editButtonRef }: CustomerCardProps) {
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const id = useUniqueId('customer-card');
  const name = `${customer.firstName} ${customer.lastName}`;
  // The button that opened the confirmation disappears: take keyboard focus to the question's answer.
  // Cancelling gives focus back to the button that asked.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  /** Never rejects: a refusal is shown on the card. */
  const remove = async () => {
    setRefusal(null);
    setDeleting(true);
    try {
      await onDelete();
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : String(error));
      setConfirming(false);
      setDeleting(false);
    }
  };
  return (
    <section aria-labelledby={`${id}-heading`} style={styles.section}>
      <h3 id={`${id}-heading`} style={styles.heading}>
        {name}
      </h3>
      {refusal && <Notice tone="error">{refusal}</Notice>}
      <dl style={{ margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: '1rem', rowGap: '0.25rem' }}>
        <dt style={styles.subtle}>{strings.phone}</dt>
        <dd style={{ margin: 0 }}>{customer.phone}</dd>
        {customer.email && (
          <>
            <dt style={styles.subtle}>{strings.email}</dt>
            <dd style={{ margin: 0 }}>{customer.email}</dd>
          </>
        )}
        {customer.accountId && (
          <>
            <dt style={styles.subtle}>{strings.accountId}</dt>
            <dd style={{ margin: 0 }}>{customer.accountId}</dd>
          </>
        )}
      </dl>
      {stats && <p style={styles.subtle}>{strings.interactionCount(stats.interactionCount)}</p>}
      {onRetryStats && (
        <FailureNotice message={strings.statsFailed} retryLabel={strings.retry} onRetry={onRetryStats} />
      )}
      <div style={{ ...styles.row, marginTop: '0.5rem' }}>
        <button type="button" ref={editButtonRef} onClick={onEdit} style={styles.secondaryButton}>
          {strings.editCustomer}
        </button>
        {canDelete && !confirming && (
          <button type="button" ref={deleteButton} onClick={() => setConfirming(true)} style={styles.destructiveButton}>
            {strings.deleteCustomer}
          </button>
        )}
      </div>
      {canDelete && confirming && (
        <div
          role="alertdialog"
          aria-labelledby={`${id}-confirm-delete`}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && !deleting) setConfirming(false);
          }}
          style={{ ...styles.noticeError, marginTop: '0.5rem' }}
        >
          <p id={`${id}-confirm-delete`}>{strings.confirmDelete(name)}</p>
          <div style={styles.row}>
            <button type="button" ref={confirmButton} onClick={() => void remove()} disabled={deleting} style={styles.destructiveButton}>
              {strings.confirmDeleteButton}
            </button>
            <button type="button" onClick={() => setConfirming(false)} style={styles.secondaryButton}>
              {strings.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
