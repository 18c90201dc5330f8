import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CustomerProfileInput } from '@interaction-history/model';
import { CustomerForm, type CustomerFormProps } from '../../src/features/customer/components/CustomerForm.js';
import { strings } from '../../src/strings/index.js';

const PHONE = '+14155550100';

function fieldError(key: string): string {
  const message = strings.fieldErrors[key];
  if (message === undefined) throw new Error(`no string for field error ${key}`);
  return message;
}

function renderForm(overrides: Partial<CustomerFormProps> = {}) {
  const onSubmit = vi.fn<(profile: CustomerProfileInput) => Promise<void>>().mockResolvedValue(undefined);
  render(<CustomerForm strings={strings} mode="create" phone={PHONE} onSubmit={onSubmit} {...overrides} />);
  return { onSubmit };
}

const firstName = () => screen.getByRole<HTMLInputElement>('textbox', { name: strings.firstName });
const lastName = () => screen.getByRole<HTMLInputElement>('textbox', { name: strings.lastName });
const email = () => screen.getByRole<HTMLInputElement>('textbox', { name: strings.email });
const accountId = () => screen.getByRole<HTMLInputElement>('textbox', { name: strings.accountId });

/** The text of the message that the field points at with aria-describedby. */
function messageBeside(field: HTMLElement): string | null | undefined {
  const id = field.getAttribute('aria-describedby');
  return id === null ? null : document.getElementById(id)?.textContent;
}

describe('CustomerForm', () => {
  it('takes keyboard focus to the first field to fix when a submit is refused', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(firstName(), 'Ada');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(document.activeElement).toBe(lastName());
  });

  it('gives two forms on one page their own ids, so each label names its own field', () => {
    renderForm();
    renderForm();
    const [one, two] = screen.getAllByRole('textbox', { name: strings.firstName });
    expect(one?.id).toBeTruthy();
    expect(one?.id).not.toBe(two?.id);
  });

  it('is a form named for creating a customer, showing the phone it will be saved under', () => {
    renderForm();

    expect(screen.getByRole('form', { name: strings.createCustomerHeading })).toBeTruthy();
    const phone = screen.getByRole<HTMLInputElement>('textbox', { name: strings.phone });
    expect(phone.value).toBe(PHONE);
    expect(phone.readOnly).toBe(true);
    expect(screen.getByRole('button', { name: strings.createCustomer })).toBeTruthy();
  });

  it('refuses to save a customer with empty first and last names and says so beside each field', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    for (const field of [firstName(), lastName()]) {
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(messageBeside(field)).toBe(fieldError('required'));
    }
    expect(screen.getByRole('textbox', { name: strings.firstName, description: fieldError('required') })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('does not mark the optional fields when only the names are missing', async () => {
    const user = userEvent.setup();
    renderForm();

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    for (const field of [email(), accountId()]) {
      expect(field.getAttribute('aria-invalid')).toBeNull();
      expect(field.getAttribute('aria-describedby')).toBeNull();
    }
  });

  it('treats a name of only spaces as empty', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(firstName(), '   ');
    await user.type(lastName(), 'Lovelace');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(messageBeside(firstName())).toBe(fieldError('required'));
    expect(lastName().getAttribute('aria-invalid')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('refuses an invalid email address and explains the expected form beside the field', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');
    await user.type(email(), 'ada-at-example');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(email().getAttribute('aria-invalid')).toBe('true');
    expect(messageBeside(email())).toBe(fieldError('invalidEmail'));
    expect(firstName().getAttribute('aria-invalid')).toBeNull();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves trimmed names and leaves out optional fields left blank', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(firstName(), '  Ada ');
    await user.type(lastName(), ' Lovelace  ');
    await user.type(accountId(), '   ');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit.mock.calls[0]?.[0]).toStrictEqual({ firstName: 'Ada', lastName: 'Lovelace' });
  });

  it('saves trimmed optional fields when they are filled in', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');
    await user.type(email(), ' ada@example.com ');
    await user.type(accountId(), ' ACC-42 ');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(onSubmit.mock.calls).toEqual([[{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', accountId: 'ACC-42' }]]);
  });

  it('clears earlier field messages once the input is valid', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm();
    await user.click(screen.getByRole('button', { name: strings.createCustomer }));
    expect(firstName().getAttribute('aria-invalid')).toBe('true');
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(firstName().getAttribute('aria-invalid')).toBeNull();
    expect(screen.queryByText(fieldError('required'))).toBeNull();
  });

  it('draws a field with a problem differently, and like the others again once the problem is fixed', async () => {
    const user = userEvent.setup();
    renderForm();
    const untouched = email().style.cssText;
    await user.click(screen.getByRole('button', { name: strings.createCustomer }));
    expect(firstName().style.cssText).not.toBe(untouched);
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(firstName().getAttribute('aria-invalid')).toBeNull();
    expect(firstName().style.cssText).toBe(untouched);
    expect(lastName().style.cssText).toBe(untouched);
  });

  it('shows why the save was refused in an alert and keeps what was typed', async () => {
    const user = userEvent.setup();
    const refusal = strings.duplicatePhone(PHONE);
    const onSubmit = vi.fn<(profile: CustomerProfileInput) => Promise<void>>().mockRejectedValue(new Error(refusal));
    renderForm({ onSubmit });
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect((await screen.findByRole('alert')).textContent).toBe(refusal);
    expect(firstName().value).toBe('Ada');
    expect(lastName().value).toBe('Lovelace');
    const submit = screen.getByRole<HTMLButtonElement>('button', { name: strings.createCustomer });
    expect(submit.disabled).toBe(false);
  });

  it('lets the agent try again after a refusal, removing the old refusal', async () => {
    const user = userEvent.setup();
    const onSubmit = vi
      .fn<(profile: CustomerProfileInput) => Promise<void>>()
      .mockRejectedValueOnce(new Error(strings.saveFailed))
      .mockResolvedValueOnce(undefined);
    renderForm({ onSubmit });
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');
    await user.click(screen.getByRole('button', { name: strings.createCustomer }));
    await screen.findByRole('alert');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    expect(onSubmit).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('disables saving while a save is under way', async () => {
    const user = userEvent.setup();
    let finishSave: () => void = () => undefined;
    const onSubmit = vi.fn(() => new Promise<void>((resolve) => (finishSave = resolve)));
    renderForm({ onSubmit });
    await user.type(firstName(), 'Ada');
    await user.type(lastName(), 'Lovelace');

    await user.click(screen.getByRole('button', { name: strings.createCustomer }));

    const saving = screen.getByRole<HTMLButtonElement>('button', { name: strings.saving });
    expect(saving.disabled).toBe(true);
    finishSave();
    const again = await screen.findByRole<HTMLButtonElement>('button', { name: strings.createCustomer });
    expect(again.disabled).toBe(false);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('in edit mode shows the saved values and saves with Save', async () => {
    const user = userEvent.setup();
    const { onSubmit } = renderForm({
      mode: 'edit',
      initial: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', accountId: 'ACC-42' },
      onCancel: vi.fn(),
    });

    expect(screen.getByRole('form', { name: strings.editCustomerHeading })).toBeTruthy();
    expect([firstName().value, lastName().value, email().value, accountId().value]).toEqual(['Ada', 'Lovelace', 'ada@example.com', 'ACC-42']);
    await user.clear(lastName());
    await user.type(lastName(), 'King');
    await user.click(screen.getByRole('button', { name: strings.save }));

    expect(onSubmit.mock.calls).toEqual([[{ firstName: 'Ada', lastName: 'King', email: 'ada@example.com', accountId: 'ACC-42' }]]);
  });

  it('in edit mode cancels without saving', async () => {
    const user = userEvent.setup();
    const onCancel = vi.fn();
    const { onSubmit } = renderForm({ mode: 'edit', initial: { firstName: 'Ada', lastName: 'Lovelace' }, onCancel });

    await user.click(screen.getByRole('button', { name: strings.cancel }));

    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('offers no Cancel button when there is nothing to cancel to', () => {
    renderForm({ mode: 'create' });

    expect(screen.queryByRole('button', { name: strings.cancel })).toBeNull();
  });
});
