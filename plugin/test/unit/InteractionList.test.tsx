import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Interaction } from '@interaction-history/model';
import { InteractionList, type InteractionListProps } from '../../src/features/history-tab/components/InteractionList.js';
import { strings } from '../../src/strings/index.js';

function interaction(taskSid: string, completedAt: string, overrides: Partial<Interaction> = {}): Interaction {
  return {
    taskSid,
    customerPhone: '+14155550100',
    from: '+14155550100',
    channel: 'voice',
    queue: 'Support',
    queueSid: null,
    workerSid: 'WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
    workerName: 'Grace Hopper',
    acceptedWorkers: [],
    outcome: 'Billing',
    outcomeMissing: false,
    completedReason: null,
    comment: 'Explained the invoice',
    startedAt: new Date(Date.parse(completedAt) - 125_000),
    completedAt: new Date(completedAt),
    durationSeconds: 125,
    capturedAt: new Date(completedAt),
    source: 'taskrouter',
    ...overrides,
  };
}

/** A formatter the test can recognise, so the list is seen to use the one it is given. */
const formatDateTime = (date: Date) => `at ${date.toISOString()}`;

function renderList(state: InteractionListProps['state']) {
  const onLoadOlder = vi.fn();
  render(<InteractionList strings={strings} state={state} onLoadOlder={onLoadOlder} formatDateTime={formatDateTime} />);
  return { onLoadOlder };
}

/** The body rows of the table, each as the text of its cells. */
function bodyRows(): string[][] {
  const [, body] = within(screen.getByRole('table')).getAllByRole('rowgroup');
  if (!body) throw new Error('the table has no body');
  return within(body)
    .getAllByRole('row')
    .map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent));
}

const newest = interaction('WT0003', '2026-03-03T15:00:00.000Z', { channel: 'chat', queue: 'Sales', outcome: 'Order placed', durationSeconds: 61 });
const middle = interaction('WT0002', '2026-02-02T10:30:00.000Z');
const oldest = interaction('WT0001', '2026-01-01T09:00:00.000Z', { channel: 'sms', queue: 'Billing', outcome: 'Complaint', durationSeconds: 5 });

describe('InteractionList', () => {
  it('says it is loading, and shows no table yet', () => {
    renderList({ status: 'loading' });

    expect(screen.getByRole('status').textContent).toBe(strings.loading);
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('says when the customer has no past interactions', () => {
    renderList({ status: 'ready', interactions: [], hasMore: false });

    expect(screen.getByRole('status').textContent).toBe(strings.historyEmpty);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('button', { name: strings.loadOlder })).toBeNull();
  });

  it('names the records that could not be read, and still shows the others', () => {
    const path = 'customers/+14155550100/interactions/WTbad';
    renderList({ status: 'ready', interactions: [middle], hasMore: false, unreadable: [path] });

    expect(screen.getByRole('alert').textContent).toContain(strings.historyUnreadable(1));
    expect(screen.getByRole('alert').textContent).toContain(path);
    expect(screen.getAllByRole('row')).toHaveLength(2);
  });

  it('reports a history that could not be loaded as an alert, with a way to try again', async () => {
    const retry = vi.fn();
    renderList({ status: 'error', retry });

    expect(screen.getByRole('alert').textContent).toContain(strings.historyFailed);
    expect(screen.queryByRole('table')).toBeNull();
    await userEvent.click(within(screen.getByRole('alert')).getByRole('button', { name: strings.retry }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('keeps the rows and the button in place while older interactions load, ignoring further clicks', async () => {
    const { onLoadOlder } = renderList({ status: 'ready', interactions: [middle], hasMore: true, loadingOlder: true });

    expect(bodyRows()).toHaveLength(1);
    const button = screen.getByRole('button', { name: strings.loadingOlder });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await userEvent.click(button);
    expect(onLoadOlder).not.toHaveBeenCalled();
  });

  it('heads the table with a column header for each column', () => {
    renderList({ status: 'ready', interactions: [middle], hasMore: false });

    const headers = within(screen.getByRole('table')).getAllByRole('columnheader').map((header) => header.textContent);

    expect(headers).toEqual([
      strings.columns.when,
      strings.columns.channel,
      strings.columns.queue,
      strings.columns.agent,
      strings.columns.outcome,
      strings.columns.comment,
      strings.columns.duration,
    ]);
  });

  it('shows one row per interaction, in the order given', () => {
    renderList({ status: 'ready', interactions: [newest, middle, oldest], hasMore: false });

    const rows = bodyRows();

    expect(rows).toHaveLength(3);
    expect(rows.map((cells) => cells[0])).toEqual([formatDateTime(newest.completedAt), formatDateTime(middle.completedAt), formatDateTime(oldest.completedAt)]);
    expect(rows.map((cells) => cells[1])).toEqual(['chat', 'voice', 'sms']);
  });

  it('fills each column of a row from the interaction', () => {
    renderList({ status: 'ready', interactions: [middle], hasMore: false });

    expect(bodyRows()).toEqual([
      [formatDateTime(middle.completedAt), 'voice', 'Support', 'Grace Hopper', 'Billing', 'Explained the invoice', strings.durationValue(125)],
    ]);
  });

  it('gives the completion time in machine-readable form as well', () => {
    renderList({ status: 'ready', interactions: [middle], hasMore: false });

    const time = screen.getByText(formatDateTime(middle.completedAt));

    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('datetime')).toBe('2026-02-02T10:30:00.000Z');
  });

  it('formats the duration in minutes and seconds', () => {
    renderList({ status: 'ready', interactions: [interaction('WT0009', '2026-01-05T00:00:00.000Z', { durationSeconds: 3725 })], hasMore: false });

    const duration = bodyRows()[0]?.[6];

    expect(duration).toBe(strings.durationValue(3725));
    expect(duration).not.toBe('3725');
  });

  it('marks an interaction without a reason code as such, says the agent is unknown, and blanks other missing values', () => {
    const bare = interaction('WT0010', '2026-01-06T00:00:00.000Z', {
      outcome: null,
      comment: null,
      channel: null,
      queue: null,
      workerName: null,
      durationSeconds: null,
    });
    renderList({ status: 'ready', interactions: [bare], hasMore: false });

    expect(bodyRows()).toEqual([
      [formatDateTime(bare.completedAt), strings.none, strings.none, strings.agentUnknown, strings.noOutcome, strings.none, strings.none],
    ]);
  });

  it('offers older interactions when there are more, and asks for them', async () => {
    const user = userEvent.setup();
    const { onLoadOlder } = renderList({ status: 'ready', interactions: [newest, middle], hasMore: true });
    expect(screen.queryByText(strings.noMoreHistory)).toBeNull();

    await user.click(screen.getByRole('button', { name: strings.loadOlder }));

    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });

  it('says that is everything when there are no older interactions', () => {
    renderList({ status: 'ready', interactions: [newest, middle], hasMore: false });

    expect(screen.queryByRole('button', { name: strings.loadOlder })).toBeNull();
    expect(screen.getByText(strings.noMoreHistory)).toBeTruthy();
  });
});
