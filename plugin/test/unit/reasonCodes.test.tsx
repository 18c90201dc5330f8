/** Reason codes from Firestore: the admin's edits, the agents' live list and fallback, and the per-queue required flag. */
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReasonCode, ReasonCodeList } from '@interaction-history/model';
import { subscribeToReasonCodeList } from '../../src/data/reasonCodeLists.js';
import { ReasonCodeStore } from '../../src/features/outcome/reasonCodeStore.js';
import { useReasonCodes } from '../../src/features/outcome/useReasonCodes.js';
import { ReasonCodeListEditor } from '../../src/features/reason-code-editor/components/ReasonCodeListEditor.js';
import { addCode, moveCode, renameCode, setActive } from '../../src/features/reason-code-editor/reasonCodeEdits.js';
import { viewsEn as strings } from '../../src/strings/views.en.js';
import { sessionIn, signedIn } from './fakeSession.js';

vi.mock('../../src/data/reasonCodeLists.js', () => ({ subscribeToReasonCodeList: vi.fn() }));

const codes: ReasonCode[] = [
  { id: 'a', label: 'Billing', active: true },
  { id: 'b', label: 'Complaint', active: true },
  { id: 'c', label: 'Old', active: false },
];

describe('editing a list', () => {
  it('adds, renames, moves and retires, refusing empty, over-long and duplicate labels (retired ones included)', () => {
    expect(addCode(codes, '  Wrong   number ', strings, 'd')).toEqual({ ok: true, codes: [...codes, { id: 'd', label: 'Wrong number', active: true }] });
    expect(addCode(codes, 'old', strings)).toEqual({ ok: false, problem: strings.duplicate('old') });
    expect(addCode(codes, ' ', strings)).toEqual({ ok: false, problem: strings.emptyLabel });
    expect(addCode(codes, 'x'.repeat(101), strings)).toEqual({ ok: false, problem: strings.tooLong(100) });
    expect(renameCode(codes, 'a', 'Invoices', strings)).toMatchObject({ ok: true, codes: [{ id: 'a', label: 'Invoices' }, {}, {}] });
    expect(renameCode(codes, 'a', 'billing', strings)).toMatchObject({ ok: true });
    expect(moveCode(codes, 'b', -1)).toMatchObject({ ok: true, codes: [{ id: 'b' }, { id: 'a' }, { id: 'c' }] });
    expect(moveCode(codes, 'a', -1)).toMatchObject({ ok: true, codes: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
    expect(setActive(codes, 'a', false)).toMatchObject({ ok: true, codes: [{ id: 'a', active: false }, {}, {}] });
  });

  it('saves each change at once, and says when the rules refused it', async () => {
    const onSave = vi.fn<(codes: readonly ReasonCode[]) => Promise<void>>().mockResolvedValueOnce().mockRejectedValueOnce(new Error('Missing or insufficient permissions.'));
    render(<ReasonCodeListEditor strings={strings} codes={codes} onSave={onSave} />);
    expect(within(screen.getAllByRole('listitem')[2] as HTMLElement).getByText(/Old \(retired\)/)).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: `${strings.retire} Billing` }));
    expect(onSave).toHaveBeenLastCalledWith([{ id: 'a', label: 'Billing', active: false }, codes[1], codes[2]]);
    expect(screen.getByRole('status').textContent).toBe(strings.saved);

    await userEvent.click(screen.getByRole('button', { name: strings.moveDown('Billing') }));
    expect(onSave).toHaveBeenLastCalledWith([codes[1], codes[0], codes[2]]);
    expect(screen.getByRole('alert').textContent).toBe(strings.saveFailed('Missing or insufficient permissions.'));
  });
});

type Heard = (list: ReasonCodeList | null) => void;
let lists: Map<string, Heard>;
beforeEach(() => {
  lists = new Map();
  vi.mocked(subscribeToReasonCodeList).mockClear();
  vi.mocked(subscribeToReasonCodeList).mockImplementation((_db, id, onData) => {
    lists.set(id, onData);
    return () => lists.delete(id);
  });
});

const stored = (scope: 'global' | 'queue', labels: [string, boolean][] | null, reasonCodeRequired?: boolean): ReasonCodeList => ({
  scope,
  codes: labels && labels.map(([label, active], index) => ({ id: `c${index}`, label, active })),
  ...(reasonCodeRequired === undefined ? {} : { reasonCodeRequired }),
  updatedAt: new Date(),
  updatedBy: 'WKadmin',
});

const QUEUE = `WQ${'5a'.repeat(16)}`;

function Choices({ store, queueSid }: { store: ReasonCodeStore; queueSid: string }) {
  const { choices, required } = useReasonCodes(store, queueSid);
  return <p data-required={String(required)}>{choices.join(', ')}</p>;
}

describe('the reason codes an agent chooses from', () => {
  it('follow the settings until a stored list is heard, then the global list, then the queue’s own list, live', () => {
    const store = new ReasonCodeStore(sessionIn(signedIn()), { uiAttributeCodes: ['From settings'], defaults: ['Default'] });
    const { container } = render(<Choices store={store} queueSid={QUEUE} />);
    const shown = () => container.querySelector('p');
    expect(shown()?.textContent).toBe('From settings');
    expect([...lists.keys()]).toEqual(['global', QUEUE]);

    act(() => lists.get('global')?.(stored('global', [['Billing', true], ['Old', false], ['Complaint', true]])));
    expect(shown()?.textContent).toBe('Billing, Complaint');

    act(() => lists.get(QUEUE)?.(stored('queue', [['Sales lead', true]], false)));
    expect(shown()?.textContent).toBe('Sales lead');
    expect(shown()?.getAttribute('data-required')).toBe('false');

    // An admin retires the queue's only code: it leaves the open form at once.
    act(() => lists.get(QUEUE)?.(stored('queue', [['Sales lead', false]], false)));
    expect(shown()?.textContent).toBe('');
  });

  it('require a reason code unless the queue says otherwise, also before anything is heard', () => {
    const store = new ReasonCodeStore(sessionIn({ status: 'signingIn' }), { uiAttributeCodes: null, defaults: ['Default'] });
    expect(store.current(QUEUE)).toEqual({ choices: ['Default'], source: 'defaults', required: true });
    const unwatch = store.watch(QUEUE, () => undefined);
    expect(lists.size).toBe(0);
    unwatch();
  });

  it('subscribe once signed in, and again after each sign-in; stop when nobody watches', () => {
    const session = sessionIn({ status: 'signingIn' });
    const store = new ReasonCodeStore(session, { uiAttributeCodes: null, defaults: [] });
    const unwatch = store.watch(QUEUE, () => undefined);
    act(() => session.set(signedIn(1)));
    expect(vi.mocked(subscribeToReasonCodeList)).toHaveBeenCalledTimes(2);
    act(() => session.set(signedIn(2)));
    expect(vi.mocked(subscribeToReasonCodeList)).toHaveBeenCalledTimes(4);
    unwatch();
    expect(lists.size).toBe(0);
  });

  it('forget a list nobody watches any more: a queue that did not require a code is not trusted once it is no longer live', () => {
    const store = new ReasonCodeStore(sessionIn(signedIn()), { uiAttributeCodes: null, defaults: ['Default'] });
    const unwatch = store.watch(QUEUE, () => undefined);
    act(() => lists.get(QUEUE)?.(stored('queue', [['Sales lead', true]], false)));
    expect(store.current(QUEUE).required).toBe(false);

    unwatch();

    expect(store.current(QUEUE)).toEqual({ choices: ['Default'], source: 'defaults', required: true });
  });
});
