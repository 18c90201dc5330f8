import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@interaction-history/model';
import { ProfileChangeList } from '../../src/features/audit-trail/components/ProfileChangeList.js';
import { strings } from '../../src/strings/index.js';

const formatDateTime = (date: Date) => date.toISOString();

const entries: AuditEntry[] = [
  {
    action: 'profileUpdated',
    at: new Date('2026-12-01T10:00:00Z'),
    actor: { uid: 'WKsupervisor', role: 'supervisor' },
    subject: 'customers/+14155550100',
    changes: [{ field: 'firstName', before: 'Ada', after: 'Augusta' }],
  },
  {
    action: 'profileCreated',
    at: new Date('2026-11-30T09:00:00Z'),
    actor: { uid: 'system', role: null },
    subject: 'customers/+14155550100',
    changes: [],
    note: 'written without a stamp of its own (an admin tool or the functions)',
  },
];

describe('ProfileChangeList', () => {
  it('shows each change: when, who with their role, what, and each field from old to new value', () => {
    render(<ProfileChangeList strings={strings} formatDateTime={formatDateTime} state={{ status: 'ready', entries, unreadable: [] }} />);

    const table = screen.getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('WKsupervisor (supervisor)')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText(strings.auditActions.profileUpdated)).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('firstName: Ada → Augusta')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('system')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText(/without a stamp/)).toBeTruthy();
  });

  it('says when nothing is recorded, and offers a retry when the trail cannot be read', async () => {
    const { rerender } = render(<ProfileChangeList strings={strings} formatDateTime={formatDateTime} state={{ status: 'ready', entries: [], unreadable: [] }} />);
    expect(screen.getByRole('status').textContent).toBe(strings.profileChangesEmpty);

    const retry = vi.fn();
    rerender(<ProfileChangeList strings={strings} formatDateTime={formatDateTime} state={{ status: 'error', retry }} />);
    screen.getByRole('button', { name: strings.retry }).click();
    expect(retry).toHaveBeenCalledOnce();
    await Promise.resolve();
  });
});
