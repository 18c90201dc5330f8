import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import type { FirebaseSession, SessionState } from '../../src/data/session.js';
import { ConfigurationProblem, HistoryTab } from '../../src/features/history-tab/HistoryTab.js';
import { TaskOutcomeWriter } from '../../src/features/outcome/taskOutcome.js';
import { strings } from '../../src/strings/index.js';
import { FakeTask } from './fakeTask.js';

const config = parsePluginConfig({ mintTokenUrl: 'https://example.com/mint', firebase: { apiKey: 'k', projectId: 'p' } });

/** A session whose state the test sets, standing in for the Firebase sign-in. */
function sessionIn(state: SessionState): FirebaseSession & { set(next: SessionState): void } {
  let current = state;
  const listeners = new Set<(state: SessionState) => void>();
  return {
    getState: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: async () => undefined,
    set(next) {
      current = next;
      for (const listener of listeners) listener(next);
    },
  };
}

const renderTab = (session: FirebaseSession, retrySignIn = vi.fn()) =>
  render(
    <HistoryTab
      task={new FakeTask('WT1', { from: '+14155550100' })}
      session={session}
      retrySignIn={retrySignIn}
      config={config}
      writer={new TaskOutcomeWriter()}
      strings={strings}
    />,
  );

describe('HistoryTab', () => {
  it('says it is connecting while signing in', () => {
    renderTab(sessionIn({ status: 'signingIn' }));
    expect(screen.getByRole('status').textContent).toContain(strings.signingIn);
  });

  it('shows why sign-in failed, with a way to try again, instead of a blank tab', async () => {
    const retry = vi.fn();
    renderTab(sessionIn({ status: 'failed', message: 'The Flex token is invalid or expired.' }), retry);

    expect(screen.getByRole('alert').textContent).toContain(strings.signInFailed);
    expect(screen.getByRole('alert').textContent).toContain('The Flex token is invalid or expired.');
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

describe('ConfigurationProblem', () => {
  it('names each setting to fix', () => {
    render(<ConfigurationProblem strings={strings} problems={['interactionHistory.mintTokenUrl: Invalid input']} />);
    expect(screen.getByRole('alert').textContent).toContain(strings.configurationProblem);
    expect(screen.getByRole('listitem').textContent).toContain('interactionHistory.mintTokenUrl');
  });
});
