import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import type { FirebaseSession } from '../../src/data/session.js';
import { ConfigurationProblem, HistoryTab } from '../../src/features/history-tab/HistoryTab.js';
import { ReasonCodeStore } from '../../src/features/outcome/reasonCodeStore.js';
import { TaskOutcomeWriter } from '../../src/features/outcome/taskOutcome.js';
import { strings } from '../../src/strings/index.js';
import { FakeTask } from './fakeTask.js';
import { sessionIn } from './fakeSession.js';

const config = parsePluginConfig({ mintTokenUrl: 'https://example.com/mint', firebase: { apiKey: 'k', projectId: 'p' } });

const renderTab = (session: FirebaseSession, retrySignIn = vi.fn(), task = new FakeTask('WT1', { from: '+14155550100' }), writer = new TaskOutcomeWriter()) =>
  render(<HistoryTab task={task} session={session} retrySignIn={retrySignIn} config={config} writer={writer} reasonCodes={new ReasonCodeStore(session, { uiAttributeCodes: config.reasonCodes, defaults: [] })} strings={strings} />);

const reasonSelect = () => screen.getByRole<HTMLSelectElement>('combobox', { name: strings.reasonCode });
const commentBox = () => screen.getByRole('textbox', { name: strings.comment });
const failedSignIn = () => sessionIn({ status: 'failed', message: 'HTTP 503' });

describe('HistoryTab', () => {
  it('says it is connecting while signing in', () => {
    renderTab(sessionIn({ status: 'signingIn' }));
    expect(screen.getAllByRole('status').some((status) => status.textContent === strings.signingIn)).toBe(true);
  });

  it('shows why sign-in failed, with a way to try again, instead of a blank tab', async () => {
    const retry = vi.fn();
    renderTab(sessionIn({ status: 'failed', message: 'The Flex token is invalid or expired.' }), retry);

    expect(screen.getByRole('alert').textContent).toContain(strings.signInFailed);
    expect(screen.getByRole('alert').textContent).toContain('The Flex token is invalid or expired.');
    expect(screen.getByRole('alert').textContent).toContain(strings.outcomeWithoutHistory);
    await userEvent.click(screen.getByRole('button', { name: strings.retry }));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('follows the session when sign-in fails after it started', () => {
    const session = sessionIn({ status: 'signingIn' });
    renderTab(session);

    act(() => session.set({ status: 'failed', message: 'HTTP 503' }));

    expect(screen.getByRole('alert').textContent).toContain('HTTP 503');
  });
});

describe('HistoryTab without the history', () => {
  it('still lets the agent choose a reason code and comment, written into the task, when sign-in failed', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100', conversations: { conversation_id: 'CH1' } });
    renderTab(failedSignIn(), vi.fn(), task);

    await userEvent.selectOptions(reasonSelect(), 'Billing');
    await userEvent.type(commentBox(), 'Paid');
    await userEvent.tab();

    await vi.waitFor(() =>
      expect(task.attributes).toMatchObject({
        conversations: { conversation_id: 'CH1', outcome: 'Billing' },
        interactionHistory: { comment: 'Paid' },
      }),
    );
  });

  it('takes the agent to the reason code when the completion guard asks for it', () => {
    const writer = new TaskOutcomeWriter();
    renderTab(failedSignIn(), vi.fn(), new FakeTask('WT1', { from: '+14155550100' }), writer);

    act(() => writer.requestOutcome('WT1'));

    expect(document.activeElement).toBe(reasonSelect());
    expect(screen.getByText(strings.outcomeRequiredInline)).toBeTruthy();
  });

  it('takes the agent to the reason code when the guard asked before the tab was drawn, and stops asking once one is chosen', async () => {
    const writer = new TaskOutcomeWriter();
    writer.requestOutcome('WT1');
    renderTab(failedSignIn(), vi.fn(), new FakeTask('WT1', { from: '+14155550100' }), writer);

    expect(document.activeElement).toBe(reasonSelect());
    expect(screen.getByText(strings.outcomeRequiredInline)).toBeTruthy();

    await userEvent.selectOptions(reasonSelect(), 'Billing');
    expect(screen.queryByText(strings.outcomeRequiredInline)).toBeNull();
    expect(writer.isOutcomeRequested('WT1')).toBe(false);
  });

  it('saves a comment still waiting to be saved when the tab goes away', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100' });
    const { unmount } = renderTab(failedSignIn(), vi.fn(), task);

    await userEvent.type(commentBox(), 'Last words');
    unmount();

    await vi.waitFor(() => expect(task.attributes).toMatchObject({ interactionHistory: { comment: 'Last words' } }));
  });

  it('tries a failed save again when the tab goes away', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100' });
    task.failNext(1);
    const { unmount } = renderTab(failedSignIn(), vi.fn(), task);
    await userEvent.selectOptions(reasonSelect(), 'Billing');
    await screen.findByText(strings.outcomeSaveFailedInline);

    unmount();

    await vi.waitFor(() => expect(task.attributes).toMatchObject({ conversations: { outcome: 'Billing' } }));
  });

  it('writes nothing when the tab goes away with everything saved', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100' });
    const { unmount } = renderTab(failedSignIn(), vi.fn(), task);
    await userEvent.selectOptions(reasonSelect(), 'Billing');
    await vi.waitFor(() => expect(task.calls).toHaveLength(1));

    unmount();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(task.calls).toHaveLength(1);
  });

  it('keeps saying a save failed while the agent types, until a save succeeds', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100' });
    task.failNext(1);
    renderTab(failedSignIn(), vi.fn(), task);

    await userEvent.selectOptions(reasonSelect(), 'Billing');
    await screen.findByText(strings.outcomeSaveFailedInline);
    await userEvent.type(commentBox(), 'x');
    expect(screen.getByText(strings.outcomeSaveFailedInline)).toBeTruthy();

    await userEvent.tab();
    await vi.waitFor(() => expect(screen.queryByText(strings.outcomeSaveFailedInline)).toBeNull());
    expect(task.attributes).toMatchObject({ conversations: { outcome: 'Billing' }, interactionHistory: { comment: 'x' } });
  });

  it('writes the outcome again when the agent asks after a failed save', async () => {
    const task = new FakeTask('WT1', { from: '+14155550100' });
    task.failNext(1);
    renderTab(failedSignIn(), vi.fn(), task);

    await userEvent.selectOptions(reasonSelect(), 'Billing');
    await screen.findByText(strings.outcomeSaveFailedInline);
    const saveAlert = screen.getAllByRole('alert').find((alert) => alert.textContent.includes(strings.outcomeSaveFailedInline));
    await userEvent.click(within(saveAlert ?? document.body).getByRole('button', { name: strings.retry }));

    await vi.waitFor(() => expect(screen.queryByText(strings.outcomeSaveFailedInline)).toBeNull());
    expect(task.attributes).toMatchObject({ conversations: { outcome: 'Billing' } });
  });
});

describe('HistoryTab on a page with two task canvases', () => {
  it('gives each canvas its own field ids, so each label names the field of its own task', async () => {
    const first = new FakeTask('WT1', { from: '+14155550100' });
    const second = new FakeTask('WT2', { from: '+14155550122' });
    const writer = new TaskOutcomeWriter();
    renderTab(failedSignIn(), vi.fn(), first, writer);
    renderTab(failedSignIn(), vi.fn(), second, writer);

    const selects = screen.getAllByRole('combobox', { name: strings.reasonCode });
    expect(selects).toHaveLength(2);
    expect(screen.getAllByRole('textbox', { name: strings.comment })).toHaveLength(2);
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(selects.map((select) => select.id.split('-')[0])).toEqual(['WT1', 'WT2']);

    await userEvent.selectOptions(selects[1] as HTMLSelectElement, 'Billing');
    await vi.waitFor(() => expect(second.attributes).toMatchObject({ conversations: { outcome: 'Billing' } }));
    expect(first.calls).toHaveLength(0);
  });
});

describe('ConfigurationProblem', () => {
  it('names each setting to fix', () => {
    render(<ConfigurationProblem strings={strings} problems={['interactionHistory.mintTokenUrl: Invalid input']} />);
    expect(screen.getByRole('alert').textContent).toContain(strings.configurationProblem);
    expect(screen.getByRole('listitem').textContent).toContain('interactionHistory.mintTokenUrl');
  });
});
