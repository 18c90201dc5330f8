import { useEffect, useRef, useState, type FormEvent } from 'react';
import { validateCustomerProfile, type CustomerProfileErrors, type CustomerProfileInput } from '@interaction-history/model';
import type { Strings } from '../../../strings/index.js';
import { Notice } from '../../../ui/Notice.js';
import { TextField } from '../../../ui/TextField.js';
import { styles } from '../../../ui/theme.js';
import { useUniqueId } from '../../../ui/useUniqueId.js';

export interface CustomerFormProps {
  readonly strings: Strings;
  readonly mode: 'create' | 'edit';
  readonly phone: string;
  readonly initial?: Partial<CustomerProfileInput>;
  /** Saves a valid profile; rejects with a message to show when the save is refused. */
  readonly onSubmit: (profile: CustomerProfileInput) => Promise<void>;
  readonly onCancel?: () => void;
  /** The agent opened the form (Edit, Create customer): the button they pressed is gone, so start at the first field. */
  readonly focusFirstField?: boolean;
}

type ProfileField = 'firstName' | 'lastName' | 'email' | 'accountId';

/** Create or edit a customer: validated before saving, each problem shown beside its field. */
export function CustomerForm({ strings, mode, phone, initial, onSubmit, onCancel, focusFirstField = false }: CustomerFormProps) {
  const [values, setValues] = useState<Record<ProfileField, string>>({
    firstName: initial?.firstName ?? '',
    lastName: initial?.lastName ?? '',
    email: initial?.email ?? '',
    accountId: initial?.accountId ?? '',
  });
  const [errors, setErrors] = useState<CustomerProfileErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // Counts refused submits: after each, focus goes to the first field to fix.
  const [refusedSubmits, setRefusedSubmits] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (refusedSubmits > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusedSubmits]);
  const id = useUniqueId(`customer-${mode}`);
  // A successful save usually unmounts the form; do not touch state afterwards.
  const mounted = useRef(true);
  useEffect(() => () => {
    mounted.current = false;
  }, []);

  /** Never rejects: a refusal is shown in the form. */
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRefusal(null);
    const validation = validateCustomerProfile(values);
    if (!validation.ok) {
      setErrors(validation.errors);
      setRefusedSubmits((count) => count + 1);
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      await onSubmit(validation.value);
    } catch (error) {
      if (mounted.current) setRefusal(error instanceof Error ? error.message : String(error));
    } finally {
      if (mounted.current) setSaving(false);
    }
  };

  const headingId = `${id}-heading`;
  const errorText = (field: ProfileField) => {
    const key = errors[field];
    return key ? (strings.fieldErrors[key] ?? key) : undefined;
  };
  return (
    <form ref={form} aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)} style={styles.section}>
      <h3 id={headingId} style={styles.heading}>
        {mode === 'create' ? strings.createCustomerHeading : strings.editCustomerHeading}
      </h3>
      {refusal && <Notice tone="error">{refusal}</Notice>}
      <TextField id={`${id}-phone`} label={strings.phone} value={phone} readOnly onChange={() => undefined} />
      <TextField id={`${id}-first-name`} label={strings.firstName} value={values.firstName} required autoComplete="off" autoFocus={focusFirstField} error={errorText('firstName')} onChange={(firstName) => setValues({ ...values, firstName })} />
      <TextField id={`${id}-last-name`} label={strings.lastName} value={values.lastName} required autoComplete="off" error={errorText('lastName')} onChange={(lastName) => setValues({ ...values, lastName })} />
      <TextField id={`${id}-email`} label={strings.email} type="email" value={values.email} autoComplete="off" error={errorText('email')} onChange={(email) => setValues({ ...values, email })} />
      <TextField id={`${id}-account-id`} label={strings.accountId} value={values.accountId} autoComplete="off" error={errorText('accountId')} onChange={(accountId) => setValues({ ...values, accountId })} />
      <div style={styles.row}>
        <button type="submit" disabled={saving} style={styles.primaryButton}>
          {saving ? strings.saving : mode === 'create' ? strings.createCustomer : strings.save}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} style={styles.secondaryButton}>
            {strings.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
