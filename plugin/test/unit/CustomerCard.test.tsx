import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Customer, CustomerStats } from '@interaction-history/model';
import { CustomerCard, type CustomerCardProps } from '../../src/features/customer/components/CustomerCard.js';
import { strings } from '../../src/strings/index.js';

const ada: Customer = {
  phone: '+14155550100',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  accountId: 'ACC-42',
  createdAt: new Date('2026-01-02T03:04:05Z'),
  createdBy: 'WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
};

const stats: CustomerStats = { interactionCount: 3, lastInteractionAt: new Date('2026-02-01T10:00:00Z'), lastOutcome: 'Billing', missingOutcomeCount: 0 };

function renderCard(overrides: Partial<CustomerCardProps> = {}) {
  const props: CustomerCardProps = {
    strings,
    customer: ada,
    stats,
    canDelete: false,
    onEdit: vi.fn(),
    onDelete: vi.fn<() => Promise<void>>().mockResolvedValue(undefined),
    ...overrides,
  };
  render(<CustomerCard {...props} />);
  return props;
}

const deleteButton = () => screen.queryByRole('button', { name: strings.deleteCustomer });

describe('CustomerCard', () => {
  it('names the customer in its heading and shows phone, email, account and interaction count', () => {
    renderCard();

    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByText(ada.phone)).toBeTruthy();
    expect(screen.getByText('ada@example.com')).toBeTruthy();
    expect(screen.getByText('ACC-42')).toBeTruthy();
    expect(screen.getByText(strings.interactionCount(3))).toBeTruthy();
  });

  it('labels each detail with its name', () => {
    renderCard();

    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const definitions = screen.getAllByRole('definition').map((definition) => definition.textContent);

    expect(terms).toEqual([strings.phone, strings.email, strings.accountId]);
    expect(definitions).toEqual([ada.phone, 'ada@example.com', 'ACC-42']);
  });

  it('leaves out the email and account rows when the customer has none', () => {
    renderCard({ customer: { ...ada, email: undefined, accountId: undefined } });

    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([strings.phone]);
    expect(screen.queryByText(strings.email)).toBeNull();
  });

  it('shows no interaction count until the statistics are known', () => {
    renderCard({ stats: null });

    expect(screen.queryByText(strings.interactionCount(3))).toBeNull();
    expect(screen.queryByText(strings.interactionCount(0))).toBeNull();
  });

  it('offers no delete to someone who may not delete', () => {
    renderCard({ canDelete: false });

    expect(deleteButton()).toBeNull();
  });

  it('offers delete to someone who may delete', () => {
    renderCard({ canDelete: true });

    expect(deleteButton()).not.toBeNull();
  });

  it('asks for confirmation before deleting', async () => {
    const user = userEvent.setup();
    const { onDelete } = renderCard({ canDelete: true });

    await user.click(screen.getByRole('button', { name: strings.deleteCustomer }));

    const dialog = screen.getByRole('alertdialog', { name: strings.confirmDelete('Ada Lovelace') });
    expect(dialog).toBeTruthy();
    expect(onDelete).not.toHaveBeenCalled();
  });

  it('deletes once the deletion is confirmed', async () => {
    const user = userEvent.setup();
    const { onDelete } = renderCard({ canDelete: true });
    await user.click(screen.getByRole('button', { name: strings.deleteCustomer }));

    await user.click(screen.getByRole('button', { name: strings.confirmDeleteButton }));

    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('does not delete when the confirmation is cancelled', async () => {
    const user = userEvent.setup();
    const { onDelete } = renderCard({ canDelete: true });
    await user.click(screen.getByRole('button', { name: strings.deleteCustomer }));

    await user.click(screen.getByRole('button', { name: strings.cancel }));

    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(deleteButton());
  });

  it('closes the confirmation on Escape and gives focus back to the delete button', async () => {
    const user = userEvent.setup();
    const { onDelete } = renderCard({ canDelete: true });
    await user.click(screen.getByRole('button', { name: strings.deleteCustomer }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: strings.confirmDeleteButton }));

    await user.keyboard('{Escape}');

    expect(onDelete).not.toHaveBeenCalled();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(deleteButton());
  });

  it('shows why a deletion was refused and closes the confirmation', async () => {
    const user = userEvent.setup();
    const onDelete = vi.fn<() => Promise<void>>().mockRejectedValue(new Error(strings.permissionDenied));
    renderCard({ canDelete: true, onDelete });
    await user.click(screen.getByRole('button', { name: strings.deleteCustomer }));

    await user.click(screen.getByRole('button', { name: strings.confirmDeleteButton }));

    expect((await screen.findByRole('alert')).textContent).toBe(strings.permissionDenied);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(deleteButton()).not.toBeNull();
  });

  it('asks to edit the customer', async () => {
    const user = userEvent.setup();
    const { onEdit, onDelete } = renderCard({ canDelete: true });

    await user.click(screen.getByRole('button', { name: strings.editCustomer }));

    expect(onEdit).toHaveBeenCalledTimes(1);
    expect(onDelete).not.toHaveBeenCalled();
  });
});
