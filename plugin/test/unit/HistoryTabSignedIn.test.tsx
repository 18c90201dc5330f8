/**
 * The History tab once signed in, with Firestore access stood in for: each
 * listener the tab opens is recorded, and the test answers it (data or
 * failure) as Firestore would. Profile writes wait until the test settles them.
 */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Customer, CustomerStats, Interaction } from '@interaction-history/model';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import { createCustomer, deleteCustomer, subscribeToCustomer, subscribeToCustomerStats, updateCustomer } from '../../src/data/customers.js';
import { subscribeToHistory, type HistoryWindow } from '../../src/data/history.js';
import type { FirebaseSession } from '../../src/data/session.js';
import { HistoryTab } from '../../src/features/history-tab/HistoryTab.js';
import { ReasonCodeStore } from '../../src/features/outcome/reasonCodeStore.js';
import { TaskOutcomeWriter } from '../../src/features/outcome/taskOutcome.js';
import { strings } from '../../src/strings/index.js';
import { deferred, FakeTask, type Deferred } from './fakeTask.js';
import { sessionIn, signedIn } from './fakeSession.js';

vi.mock('../../src/data/customers.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/data/customers.js')>()),
  subscribeToCustomer: vi.fn(),
  subscribeToCustomerStats: vi.fn(),
  createCustomer: vi.fn(),
  updateCustomer: vi.fn(),
  deleteCustomer: vi.fn(),
}));
vi.mock('../../src/data/history.js', () => ({ subscribeToHistory: vi.fn() }));
// No reason-code list is stored: the configured codes apply.
vi.mock('../../src/data/reasonCodeLists.js', () => ({ subscribeToReasonCodeList: (_db: unknown, _id: string, onData: (list: null) => void) => (onData(null), () => undefined) }));
// The admin endpoints: an admin's tab asks whether the number is suppressed as soon as it shows it.
vi.mock('../../src/data/dataRightsClient.js', () => ({
  createDataRightsClient: () => ({
    erase: vi.fn(),
    exportData: vi.fn(),
    suppression: ({ phone }: { phone: string }) => Promise.resolve({ phone, suppressed: false, changed: false }),
  }),
}));
// Admins also see the profile's audit trail; its live query is not what these tests are about.
vi.mock('../../src/data/auditTrail.js', () => ({ subscribeToProfileChanges: vi.fn(() => () => undefined) }));

type Kind = 'customer' | 'stats' | 'history';
interface Listener {
  readonly kind: Kind;
  readonly phone: string;
  readonly count?: number;
  readonly onData: (value: never) => void;
  readonly onError: (error: Error) => void;
  closed: boolean;
}

let listeners: Listener[] = [];
let profileWrites: Deferred<void>[] = [];

/** Settles a held write inside an asynchronous act(), so that what the component does once it settles is flushed too. */
const settleInAct = (settleWrite: () => void) =>
  act(() => {
    settleWrite();
    return Promise.resolve();
  });

function listen(kind: Kind, phone: string, onData: (value: never) => void, onError: (error: Error) => void, count?: number) {
  const listener: Listener = { kind, phone, onData, onError, closed: false, ...(count === undefined ? {} : { count }) };
  listeners.push(listener);
  return () => {
    listener.closed = true;
  };
}
const openListeners = (kind: Kind, phone: string) => listeners.filter((listener) => listener.kind === kind && listener.phone === phone && !listener.closed);
const answer = (kind: Kind, phone: string, value: unknown) =>
  act(() => {
    for (const listener of openListeners(kind, phone)) listener.onData(value as never);
  });
/** Fails the listeners, which then hear nothing more, as Firestore stops a listener after an error. */
const refuse = (kind: Kind, phone: string) =>
  act(() => {
    for (const listener of openListeners(kind, phone)) {
      listener.closed = true;
      listener.onError(Object.assign(new Error('Missing or insufficient permissions.'), { code: 'permission-denied' }));
    }
  });

beforeEach(() => {
  listeners = [];
  profileWrites = [];
  vi.mocked(subscribeToCustomer).mockImplementation((_db, phone, onData, onError) => listen('customer', phone, onData, onError));
  vi.mocked(subscribeToCustomerStats).mockImplementation((_db, phone, onData, onError) => listen('stats', phone, onData, onError));
  vi.mocked(subscribeToHistory).mockImplementation(({ phone, count }, onData, onError) => listen('history', phone, onData, onError, count));
  const heldWrite = () => {
    const write = deferred();
    profileWrites.push(write);
    return write.promise;
  };
  vi.mocked(createCustomer).mockReset().mockImplementation(heldWrite);
  vi.mocked(updateCustomer).mockReset().mockImplementation(heldWrite);
  vi.mocked(deleteCustomer).mockReset().mockImplementation(heldWrite);
});

const CALLER = '+14155550100';
const OTHER = '+14155550122';
const config = parsePluginConfig({ mintTokenUrl: 'https://example.com/mint', firebase: { apiKey: 'k', projectId: 'p' }, pageSize: 2 });

const customer = (phone: string, firstName: string, lastName: string): Customer => ({
  phone,
  firstName,
  lastName,
  createdAt: new Date('2026-01-02T03:04:05Z'),
  createdBy: 'WKother',
});
const ada = customer(CALLER, 'Ada', 'Lovelace');
const stats: CustomerStats = { interactionCount: 3, lastInteractionAt: new Date('2026-02-01T10:00:00Z'), lastOutcome: 'Billing', missingOutcomeCount: 0 };

function interaction(taskSid: string, comment: string): Interaction {
  const completedAt = new Date('2026-03-03T15:00:00Z');
  return {
    taskSid,
    customerPhone: CALLER,
    from: CALLER,
    channel: 'voice',
    queue: 'Support',
    queueSid: null,
    workerSid: 'WKother',
    workerName: 'Grace Hopper',
    acceptedWorkers: [],
    outcome: 'Billing',
    outcomeMissing: false,
    completedReason: null,
    comment,
    startedAt: completedAt,
    completedAt,
    durationSeconds: 60,
    capturedAt: completedAt,
    source: 'taskrouter',
  };
}
const historyOf = (...comments: string[]): HistoryWindow => ({
  interactions: comments.map((comment, index) => interaction(`WT${index}`, comment)),
  hasMore: true,
  unreadable: [],
});

function renderTab(session: FirebaseSession = sessionIn(signedIn()), task = new FakeTask('WT1', { from: CALLER })) {
  return render(<HistoryTab task={task} session={session} retrySignIn={vi.fn()} config={config} writer={new TaskOutcomeWriter()} reasonCodes={new ReasonCodeStore(session, { uiAttributeCodes: config.reasonCodes, defaults: [] })} strings={strings} />);
}

/** The caller is Ada, with the given history; everything has answered. */
function showAda(session?: FirebaseSession) {
  const view = renderTab(session);
  answer('customer', CALLER, ada);
  answer('stats', CALLER, stats);
  answer('history', CALLER, historyOf('First call', 'Second call'));
  return view;
}

/** The caller has no profile yet; the create form is open. */
function showUnknownCaller() {
  const view = renderTab();
  answer('customer', CALLER, null);
  answer('stats', CALLER, null);
  answer('history', CALLER, { interactions: [], hasMore: false, unreadable: [] });
  return view;
}

const button = (name: string) => screen.getByRole('button', { name });
const textbox = (name: string) => screen.getByRole('textbox', { name });
const alertWith = (text: string) => {
  const alert = screen.getAllByRole('alert').find((element) => element.textContent.includes(text));
  if (!alert) throw new Error(`no alert says "${text}"`);
  return alert;
};
async function search(phone: string) {
  await userEvent.type(textbox(strings.searchLabel), phone);
  await userEvent.click(button(strings.searchButton));
}
async function fillNames(first: string, last: string) {
  await userEvent.type(textbox(strings.firstName), first);
  await userEvent.type(textbox(strings.lastName), last);
}

describe('HistoryTab, signed in', () => {
  it('shows the customer, the outcome, the search and the history', () => {
    showAda();

    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: strings.reasonCode })).toBeTruthy();
    expect(screen.getByRole('search', { name: strings.searchLabel })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'First call' })).toBeTruthy();
  });

  it('keeps the comment field, its text and its focus when sign-in succeeds while the agent types', async () => {
    const session = sessionIn({ status: 'signingIn' });
    renderTab(session);
    const comment = textbox(strings.comment);
    await userEvent.type(comment, 'Wants a call');

    act(() => session.set(signedIn()));

    expect(textbox(strings.comment)).toBe(comment);
    expect(document.activeElement).toBe(comment);
    expect((comment as HTMLTextAreaElement).value).toBe('Wants a call');
  });
});

describe('HistoryTab, when a listener fails', () => {
  it('offers to load the history again, and listens again when asked', async () => {
    showAda();
    refuse('history', CALLER);

    await userEvent.click(within(alertWith(strings.historyFailed)).getByRole('button', { name: strings.retry }));
    answer('history', CALLER, historyOf('First call'));

    expect(screen.queryByText(strings.historyFailed)).toBeNull();
    expect(screen.getByRole('cell', { name: 'First call' })).toBeTruthy();
  });

  it('offers to load the profile again, and listens again when asked', async () => {
    renderTab();
    refuse('customer', CALLER);

    await userEvent.click(within(alertWith(strings.customerFailed)).getByRole('button', { name: strings.retry }));
    answer('customer', CALLER, ada);

    expect(screen.queryByText(strings.customerFailed)).toBeNull();
    expect(screen.getByRole('heading', { name: 'Ada Lovelace' })).toBeTruthy();
  });

  it('offers to load the number of interactions again, and listens again when asked', async () => {
    renderTab();
    answer('customer', CALLER, ada);
    refuse('stats', CALLER);

    await userEvent.click(within(alertWith(strings.statsFailed)).getByRole('button', { name: strings.retry }));
    answer('stats', CALLER, stats);

    expect(screen.queryByText(strings.statsFailed)).toBeNull();
    expect(screen.getByText(strings.interactionCount(3))).toBeTruthy();
  });

  it('listens again by itself after the next successful sign-in, but leaves working listeners alone', () => {
    const session = sessionIn(signedIn(1));
    showAda(session);
    refuse('history', CALLER);
    const customerListeners = listeners.filter((listener) => listener.kind === 'customer').length;

    act(() => session.set(signedIn(2)));
    answer('history', CALLER, historyOf('First call'));

    expect(screen.queryByText(strings.historyFailed)).toBeNull();
    expect(screen.getByRole('cell', { name: 'First call' })).toBeTruthy();
    expect(listeners.filter((listener) => listener.kind === 'customer')).toHaveLength(customerListeners);
  });
});

describe('HistoryTab, loading older interactions', () => {
  it('keeps the rows shown and the focused button in place, marked busy, while the bigger window loads', async () => {
    showAda();
    const loadOlder = button(strings.loadOlder);
    await userEvent.click(loadOlder);

    expect(openListeners('history', CALLER).map((listener) => listener.count)).toEqual([4]);
    expect(screen.getByRole('cell', { name: 'First call' })).toBeTruthy();
    expect(screen.queryByText(strings.loading)).toBeNull();
    const busy = button(strings.loadingOlder);
    expect(busy.getAttribute('aria-busy')).toBe('true');
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    expect(document.activeElement).toBe(busy);

    answer('history', CALLER, historyOf('First call', 'Second call', 'Third call'));

    expect(screen.getByRole('cell', { name: 'Third call' })).toBeTruthy();
    expect(document.activeElement).toBe(button(strings.loadOlder));
  });

  it('starts from the first page, saying it is loading, for another customer', async () => {
    showAda();
    await userEvent.click(button(strings.loadOlder));

    await search(OTHER);

    expect(openListeners('history', OTHER).map((listener) => listener.count)).toEqual([2]);
    expect(screen.queryByRole('cell', { name: 'First call' })).toBeNull();
  });
});

describe('HistoryTab, profile saves that finish late', () => {
  it('does not apply a create that finishes after the agent looked up another number to that number', async () => {
    showUnknownCaller();
    await fillNames('Hedy', 'Lamarr');
    await userEvent.click(button(strings.createCustomer));

    await search(OTHER);
    answer('customer', OTHER, null);
    await settleInAct(() => profileWrites[0]?.resolve());

    expect(screen.queryByText(strings.customerCreated)).toBeNull();
    expect(screen.getByRole('form', { name: strings.createCustomerHeading })).toBeTruthy();
    expect(textbox(strings.phone).getAttribute('value')).toBe(OTHER);
  });

  it('does not apply an edit that finishes after the agent went back to the caller to the caller', async () => {
    showUnknownCaller();
    await search(OTHER);
    answer('customer', OTHER, customer(OTHER, 'Other', 'Person'));
    await userEvent.click(button(strings.editCustomer));
    await userEvent.click(button(strings.save));

    await userEvent.click(button(strings.backToCaller(CALLER)));
    answer('customer', CALLER, ada);
    await userEvent.click(button(strings.editCustomer));
    await settleInAct(() => profileWrites[0]?.resolve());

    expect(screen.queryByText(strings.customerSaved)).toBeNull();
    expect(screen.getByRole('form', { name: strings.editCustomerHeading })).toBeTruthy();
  });

  it('does not show a refusal for a number no longer shown', async () => {
    showUnknownCaller();
    await fillNames('Hedy', 'Lamarr');
    await userEvent.click(button(strings.createCustomer));

    await search(OTHER);
    answer('customer', OTHER, null);
    await settleInAct(() => profileWrites[0]?.reject(Object.assign(new Error('denied'), { code: 'permission-denied' })));

    expect(screen.queryByText(strings.permissionDenied)).toBeNull();
  });
});

describe('HistoryTab, the create form of an unknown caller', () => {
  it('can be dismissed, and opened again', async () => {
    showUnknownCaller();

    await userEvent.click(button(strings.cancel));

    expect(screen.queryByRole('form', { name: strings.createCustomerHeading })).toBeNull();
    expect(screen.getByText(strings.unknownCaller(CALLER))).toBeTruthy();
    expect(document.activeElement).toBe(button(strings.newCustomer));

    await userEvent.click(button(strings.newCustomer));

    expect(screen.getByRole('form', { name: strings.createCustomerHeading })).toBeTruthy();
  });

  it('gives focus to the new customer\'s Edit button once the customer is created', async () => {
    showUnknownCaller();
    await fillNames('Hedy', 'Lamarr');
    await userEvent.click(button(strings.createCustomer));

    await settleInAct(() => profileWrites[0]?.resolve());
    answer('customer', CALLER, customer(CALLER, 'Hedy', 'Lamarr'));

    expect(screen.getAllByRole('status').some((status) => status.textContent === strings.customerCreated)).toBe(true);
    expect(document.activeElement).toBe(button(strings.editCustomer));
  });
});

describe('HistoryTab, focus when the profile forms open', () => {
  it('starts at the first name when the agent opens the edit form', async () => {
    showAda();

    await userEvent.click(button(strings.editCustomer));

    expect(document.activeElement).toBe(textbox(strings.firstName));
  });

  it('starts at the first name when the agent opens the create form, but not when it opens by itself for an unknown caller', async () => {
    showUnknownCaller();
    expect(document.activeElement).not.toBe(textbox(strings.firstName));
    await userEvent.click(button(strings.cancel));

    await userEvent.click(button(strings.newCustomer));

    expect(document.activeElement).toBe(textbox(strings.firstName));
  });
});

describe('HistoryTab, focus after the profile forms close', () => {
  it('goes back to Edit when editing is cancelled', async () => {
    showAda();
    await userEvent.click(button(strings.editCustomer));

    await userEvent.click(button(strings.cancel));

    expect(document.activeElement).toBe(button(strings.editCustomer));
  });

  it('goes back to Edit when the changes are saved', async () => {
    showAda();
    await userEvent.click(button(strings.editCustomer));
    await userEvent.click(button(strings.save));

    await settleInAct(() => profileWrites[0]?.resolve());

    expect(screen.getByText(strings.customerSaved)).toBeTruthy();
    expect(document.activeElement).toBe(button(strings.editCustomer));
  });

  it('goes to Create customer once the customer is deleted', async () => {
    const session = sessionIn(signedIn(1, 'admin'));
    showAda(session);
    await userEvent.click(button(strings.deleteCustomer));
    await userEvent.click(button(strings.confirmDeleteButton));

    await settleInAct(() => profileWrites[0]?.resolve());
    answer('customer', CALLER, null);

    expect(screen.getByText(strings.customerDeleted)).toBeTruthy();
    expect(screen.queryByRole('form', { name: strings.createCustomerHeading })).toBeNull();
    expect(document.activeElement).toBe(button(strings.newCustomer));
  });

  it('shows admins Export and Erase beside the profile, and offers Erase from the profile-only delete', async () => {
    const session = sessionIn(signedIn(1, 'admin'));
    showAda(session);

    expect(button(strings.dataRights.exportButton)).toBeTruthy();
    expect(button(strings.dataRights.eraseButton)).toBeTruthy();
    await userEvent.click(button(strings.deleteCustomer));
    expect(screen.getByText(strings.confirmDelete('Ada Lovelace'))).toBeTruthy();
  });

  it('shows agents neither Export nor Erase', () => {
    showAda();

    expect(screen.queryByRole('button', { name: strings.dataRights.exportButton })).toBeNull();
    expect(screen.queryByRole('button', { name: strings.dataRights.eraseButton })).toBeNull();
    expect(screen.queryByRole('heading', { name: strings.dataRights.heading })).toBeNull();
  });
});

describe('HistoryTab, the profile\'s recorded changes', () => {
  it('are shown to admins only', () => {
    const { unmount } = renderTab(sessionIn(signedIn(1, 'admin')));
    expect(screen.getByRole('heading', { name: strings.profileChangesHeading })).toBeTruthy();
    unmount();

    renderTab(sessionIn(signedIn(1, 'supervisor')));
    expect(screen.queryByRole('heading', { name: strings.profileChangesHeading })).toBeNull();
  });
});

