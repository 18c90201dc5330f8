import React, { useEffect, useState } from 'react';
import { ringIn, signIn } from '../actions.js';
import type { ShellState, ShellStore } from '../shellStore.js';
import type { StandInFlex } from '../standInFlex.js';
import { RingIn } from './RingIn.js';
import { SignIn } from './SignIn.js';
import { TaskCanvas } from './TaskCanvas.js';

function useShellState(store: ShellStore): ShellState {
  const [state, setState] = useState(store.getState());
  useEffect(() => store.subscribe(() => setState(store.getState())), [store]);
  return state;
}

/** The whole page: sign-in, then the task list, notifications and the selected task's canvas. */
export function Desktop({ store, flex }: { store: ShellStore; flex: StandInFlex }) {
  const state = useShellState(store);
  if (!state.identity) return <SignIn error={state.signInError} onSignIn={(role, name) => void signIn(store, flex, role, name)} />;
  const selected = state.tasks.find((task) => task.taskSid === state.selectedTaskSid);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', gap: 16, padding: 16 }}>
      <aside>
        <p>Signed in as <strong>{state.identity.name}</strong> ({state.identity.role})</p>
        <RingIn onRingIn={(phone, channel) => ringIn(store, phone, channel)} />
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
        <div aria-label="Notifications" style={{ minHeight: 8 }}>
          {state.notifications.map((notification) => (
            <div key={notification.key} role={notification.type === 'error' ? 'alert' : 'status'} style={{ padding: 8, marginBottom: 8, background: notification.type === 'error' ? '#fce8e6' : '#e6f4ea' }}>
              {notification.content} <button type="button" aria-label="Dismiss" onClick={() => store.dismiss(notification.key)}>×</button>
            </div>
          ))}
        </div>
        {selected ? <TaskCanvas flex={flex} store={store} task={selected} selectedTabName={state.selectedTabName} /> : <p>No open tasks. Ring one in.</p>}
      </main>
    </div>
  );
}
