/** The supervisors' dashboard: what the chart, the lists and the filing form say and do. */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CaptureFailureDocument, DashboardShard, Interaction } from '@interaction-history/model';
import { CaptureFailuresList } from '../../src/features/supervisor-dashboard/components/CaptureFailuresList.js';
import { MissingOutcomesList } from '../../src/features/supervisor-dashboard/components/MissingOutcomesList.js';
import { ReasonChart } from '../../src/features/supervisor-dashboard/components/ReasonChart.js';
import { summarize } from '../../src/features/supervisor-dashboard/dashboardSummary.js';
import { dayRange, startOfCentreDay } from '../../src/features/supervisor-dashboard/periods.js';
import { viewsEn as strings } from '../../src/strings/views.en.js';

const shard = (overrides: Partial<DashboardShard>): DashboardShard => ({
  day: '2026-12-05',
  shard: 0,
  timeZone: 'America/Los_Angeles',
  interactions: 0,
  missingOutcome: 0,
  byReason: {},
  missingByCompletedReason: {},
  byQueue: {},
  byAgent: {},
  updatedAt: new Date(),
  ...overrides,
});

describe('the dashboard summary', () => {
  it('adds the shards of every day and orders reasons, queues and agents most first', () => {
    const summary = summarize([
      shard({ interactions: 3, missingOutcome: 1, byReason: { Billing: 1, Complaint: 1 }, byQueue: { Sales: { name: 'Sales', interactions: 3, missingOutcome: 1, byReason: { Billing: 1, Complaint: 1 } } } }),
      shard({ shard: 7, day: '2026-12-04', interactions: 2, byReason: { Billing: 2 }, byAgent: { WKa: { name: 'Alice', interactions: 2, missingOutcome: 0, byReason: { Billing: 2 } } } }),
    ]);
    expect(summary.interactions).toBe(5);
    expect(summary.byReason).toEqual([
      { label: 'Billing', count: 3 },
      { label: 'Complaint', count: 1 },
    ]);
    expect(summary.byQueue[0]).toMatchObject({ key: 'Sales', interactions: 3, missingOutcome: 1 });
    expect(summary.byAgent[0]).toMatchObject({ key: 'WKa', name: 'Alice', byReason: [{ label: 'Billing', count: 2 }] });
  });

  it('counts days in the centre’s time zone and finds where such a day starts, even when the clocks change', () => {
    const evening = new Date('2026-12-06T05:00:00Z'); // 21:00 on the 5th in Los Angeles
    expect(dayRange('today', evening, 'America/Los_Angeles')).toEqual({ first: '2026-12-05', last: '2026-12-05', days: 1 });
    expect(dayRange('last7', evening, 'America/Los_Angeles')).toEqual({ first: '2026-11-29', last: '2026-12-05', days: 7 });
    expect(startOfCentreDay('2026-12-05', 'America/Los_Angeles').toISOString()).toBe('2026-12-05T08:00:00.000Z');
    expect(startOfCentreDay('2026-03-08', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(startOfCentreDay('2026-03-29', 'Europe/London').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfCentreDay('2026-10-25', 'Europe/Berlin').toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });
});

describe('the chart of outcomes by reason code', () => {
  it('gives each reason a row with its number and share, the interactions without a reason last', () => {
    render(<ReasonChart strings={strings} byReason={[{ label: 'Billing', count: 3 }, { label: 'Complaint', count: 1 }]} missingOutcome={1} total={5} />);
    const table = screen.getByRole('table');
    expect(within(table).getByText(`${strings.byReasonHeading}: 5 interactions`)).toBeTruthy();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
      ['3', '60 %'],
      ['1', '20 %'],
      ['1', '20 %'],
    ]);
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual(['Billing', 'Complaint', strings.noOutcome]);
    // The bars, hidden from screen readers (the numbers say it), are drawn to the largest count.
    const bars = [...table.querySelectorAll<HTMLElement>('[data-bar]')];
    expect(bars.map((bar) => bar.style.width)).toEqual(['100%', `${(1 / 3) * 100}%`, `${(1 / 3) * 100}%`]);
    expect(bars.every((bar) => bar.closest('[aria-hidden="true"]'))).toBe(true);
  });

  it('says when there is nothing to count', () => {
    render(<ReasonChart strings={strings} byReason={[]} missingOutcome={0} total={0} />);
    expect(screen.getByText(strings.noInteractions)).toBeTruthy();
  });
});

const interaction = (overrides: Partial<Interaction>): Interaction => ({
  taskSid: `WT${'1'.repeat(32)}`,
  customerPhone: '+14155550100',
  from: '+14155550100',
  channel: 'voice',
  queue: 'Sales',
  queueSid: null,
  workerSid: 'WKa',
  workerName: 'Alice Agent',
  acceptedWorkers: [],
  outcome: null,
  outcomeMissing: true,
  completedReason: 'Wrap-up timed out',
  comment: null,
  startedAt: new Date('2026-12-05T17:00:00Z'),
  completedAt: new Date('2026-12-05T17:05:00Z'),
  durationSeconds: 300,
  capturedAt: new Date('2026-12-05T17:05:01Z'),
  source: 'taskrouter',
  ...overrides,
});

describe('the interactions without an outcome', () => {
  it('lists agent, queue, time and TaskCompletedReason, filters by queue and agent, and opens the customer’s history', async () => {
    const onQueueChange = vi.fn();
    const onOpenHistory = vi.fn();
    render(
      <MissingOutcomesList
        strings={strings}
        interactions={[interaction({})]}
        queues={[{ value: 'Sales', label: 'Sales' }]}
        agents={[{ value: 'WKa', label: 'Alice Agent' }]}
        queue={null}
        agent={null}
        onQueueChange={onQueueChange}
        onAgentChange={vi.fn()}
        onOpenHistory={onOpenHistory}
        formatDateTime={(date) => date.toISOString()}
        pageSize={50}
      />,
    );
    const row = screen.getAllByRole('row')[1];
    if (!row) throw new Error('no row');
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '2026-12-05T17:05:00.000Z',
      'Alice Agent',
      'Sales',
      'Wrap-up timed out',
      strings.openHistory('+14155550100'),
    ]);
    await userEvent.selectOptions(screen.getByRole('combobox', { name: strings.filterQueue }), 'Sales');
    expect(onQueueChange).toHaveBeenCalledWith('Sales');
    await userEvent.click(screen.getByRole('button', { name: strings.openHistory('+14155550100') }));
    expect(onOpenHistory).toHaveBeenCalledWith('+14155550100');
  });
});

const failure = (overrides: Partial<CaptureFailureDocument>): CaptureFailureDocument => ({
  taskSid: `WT${'2'.repeat(32)}`,
  reason: 'noValidPhone',
  message: 'No valid phone number',
  details: null,
  eventType: 'task.completed',
  receivedAt: new Date('2026-12-05T17:00:00Z'),
  recordedAt: new Date('2026-12-05T17:00:00Z'),
  parametersJson: '{}',
  parametersTruncated: false,
  mentionedPhoneHashes: [],
  needsTextScan: false,
  ...overrides,
});

describe('the capture failures', () => {
  const normalize = (typed: string) => (typed.replace(/\s/g, '') === '+14155550100' ? '+14155550100' : null);

  it('gives the reason in words; a supervisor sees no filing form', () => {
    render(<CaptureFailuresList strings={strings} failures={[failure({})]} canFile={false} normalize={normalize} onFile={vi.fn()} onOpenHistory={vi.fn()} formatDateTime={String} />);
    expect(screen.getByText(/No valid phone number in the chosen customer/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.fileUnder })).toBeNull();
  });

  it('lets an admin file one under a valid number only, and says where it went', async () => {
    const onFile = vi.fn(() => Promise.resolve({ ok: true as const, phone: '+14155550100', already: false }));
    render(<CaptureFailuresList strings={strings} failures={[failure({})]} canFile normalize={normalize} onFile={onFile} onOpenHistory={vi.fn()} formatDateTime={String} />);
    const phone = screen.getByRole('textbox', { name: strings.fileUnderLabel(`WT${'2'.repeat(32)}`) });

    await userEvent.type(phone, 'not a number');
    await userEvent.click(screen.getByRole('button', { name: strings.fileUnder }));
    expect(screen.getByText(strings.invalidPhone)).toBeTruthy();
    expect(onFile).not.toHaveBeenCalled();

    await userEvent.clear(phone);
    await userEvent.type(phone, '+1 415 555 0100');
    await userEvent.click(screen.getByRole('button', { name: strings.fileUnder }));
    expect(onFile).toHaveBeenCalledWith(`WT${'2'.repeat(32)}`, '+14155550100');
    expect((await screen.findByRole('status')).textContent).toContain(strings.filed('+14155550100'));
  });

  it('shows a resolved one as filed, with its customer’s history a click away, and a note-only one without a form', async () => {
    const onOpenHistory = vi.fn();
    render(
      <CaptureFailuresList
        strings={strings}
        failures={[failure({ resolved: true, filedCustomerPhone: '+14155550100' }), failure({ taskSid: `WT${'3'.repeat(32)}`, reason: 'commentTooLong' })]}
        canFile
        normalize={normalize}
        onFile={vi.fn()}
        onOpenHistory={onOpenHistory}
        formatDateTime={String}
      />,
    );
    expect(screen.getByText(strings.resolvedUnder('+14155550100'))).toBeTruthy();
    expect(screen.getByText(strings.noteOnly)).toBeTruthy();
    expect(screen.queryByRole('button', { name: strings.fileUnder })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: strings.openHistory('+14155550100') }));
    expect(onOpenHistory).toHaveBeenCalledWith('+14155550100');
  });
});

describe('the reconciliation status', () => {
  it('says when it has not run, and otherwise what it found and what went wrong', async () => {
    const { ReconciliationPanel } = await import('../../src/features/supervisor-dashboard/components/ReconciliationPanel.js');
    const { rerender } = render(<ReconciliationPanel strings={strings} status={null} formatDateTime={(date) => date.toISOString()} />);
    expect(screen.getByText(strings.reconciliationNone)).toBeTruthy();

    rerender(
      <ReconciliationPanel
        strings={strings}
        status={{ finishedAt: new Date('2026-12-05T17:00:00Z'), coveredUntil: new Date('2026-12-05T16:55:00Z'), tasksSeen: 120, recovered: 3, notAttributable: 1, errorCount: 1, unreadableCount: 2, errors: ['Events API answered 503'] }}
        formatDateTime={(date) => date.toISOString()}
      />,
    );
    const terms = screen.getAllByRole('term').map((term) => term.textContent);
    const values = screen.getAllByRole('definition').map((value) => value.textContent);
    expect(Object.fromEntries(terms.map((term, index) => [term, values[index]]))).toMatchObject({
      [strings.reconciliationLastRun]: '2026-12-05T17:00:00.000Z',
      [strings.reconciliationRecovered]: '3',
      [strings.reconciliationErrors]: '1',
      [strings.reconciliationUnreadable]: '2',
    });
    expect(screen.getByRole('alert').textContent).toBe('Events API answered 503');
  });
});
