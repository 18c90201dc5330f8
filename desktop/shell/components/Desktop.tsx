import React, { cloneElement, useEffect, useState } from 'react';
import { ringIn, signIn } from '../actions.js';
import { AGENT_DESKTOP_VIEW, type ShellState, type ShellStore } from '../shellStore.js';
import type { StandInFlex } from '../standInFlex.js';
import { RingIn } from './RingIn.js';
import { SignIn } from './SignIn.js';
import { TaskCanvas } from './TaskCanvas.js';

function useShellState(store: ShellStore): ShellState {
  const [state, setState] = useState(store.getState());
  useEffect(() => store.subscribe(() => setState(store.getState())), [store]);
  return state;
}

/**
 * The whole page: sign-in, then Flex's side navigation (the agent desktop and
 * whatever views plugins added) beside the active view.
 */
export function Desktop({ store, flex }: { store: ShellStore; flex: StandInFlex }) {
  const state = useShellState(store);
  if (!state.identity) return <SignIn error={state.signInError} onSignIn={(role, name) => void signIn(store, flex, role, name)} />;
  const pluginView = flex.registeredViews.find((view) => view.props.name === state.activeView);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '180px 1fr', minHeight: '100vh' }}>
      <nav aria-label="Side navigation" style={{ background: '#121c2d', color: '#fff', paddingTop: 8 }}>
        <flex.SideLink icon="Agent" isActive={state.activeView === AGENT_DESKTOP_VIEW} onClick={() => void flex.Actions.invokeAction('NavigateToView', { viewName: AGENT_DESKTOP_VIEW })}>
          Agent desktop
        </flex.SideLink>
        {flex.registeredSideLinks.map(({ element }) => cloneElement(element, { activeView: state.activeView }))}
      </nav>
      {pluginView && state.activeView !== AGENT_DESKTOP_VIEW ? (
        <main style={{ background: '#fff', minWidth: 0 }}>
          <Notifications state={state} store={store} />
          {pluginView}
        </main>
      ) : (
        <AgentDesktop state={state} store={store} flex={flex} />
      )}
    </div>
  );
}

function Notifications({ state, store }: { state: ShellState; store: ShellStore }) {
  return (
    <div aria-label="Notifications" style={{ minHeight: 8 }}>
      {state.notifications.map((notification) => (
        <div key={notification.key} role={notification.type === 'error' ? 'alert' : 'status'} style={{ padding: 8, marginBottom: 8, background: notification.type === 'error' ? '#fce8e6' : '#e6f4ea' }}>
          {notification.content} <button type="button" aria-label="Dismiss" onClick={() => store.dismiss(notification.key)}>×</button>
        </div>
      ))}
    </div>
  );
}

/** Flex's agent desktop: the task list and the selected task's canvas. */
function AgentDesktop({ state, store, flex }: { state: ShellState; store: ShellStore; flex: StandInFlex }) {
  const selected = state.tasks.find((task) => task.taskSid === state.selectedTaskSid);
  if (!state.identity) return null;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', gap: 16, padding: 16 }}>
      <aside>
        <p>Signed in as <strong>{state.identity.name}</strong> ({state.identity.role})</p>
        <RingIn onRingIn={(phone, channel, queue) => ringIn(store, phone, channel, queue)} />
        <label style={{ display: 'block', marginBottom: 16 }}>
          <input type="checkbox" checked={state.dropCallbacks} onChange={(event) => store.update({ dropCallbacks: event.target.checked })} />
          {' '}Drop TaskRouter callbacks (reconciliation recovers the tasks)
        </label>
        <nav aria-label="Tasks">
          <ul style={{ listStyle: 'none', padding: 0 }}>
            {state.tasks.map((task) => (
              <li key={task.taskSid}>
                <button type="button" aria-current={task.taskSid === state.selectedTaskSid} onClick={() => store.update({ selectedTaskSid: task.taskSid, selectedTabName: 'info' })}>
                  {typeof task.attributes['from'] === 'string' ? task.attributes['from'] : task.taskSid}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <main>
        <Notifications state={state} store={store} />
        {selected ? <TaskCanvas flex={flex} store={store} task={selected} selectedTabName={state.selectedTabName} /> : <p>No open tasks. Ring one in.</p>}
      </main>
    </div>
  );
}
