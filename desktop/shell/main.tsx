/**
 * The local agent desktop: sign in as agent, supervisor or admin, ring in a
 * task from any number, work it in a Task Canvas with the plugin's tabs, and
 * complete it through the Flex Actions framework. Completion goes to a
 * stand-in TaskRouter that calls the real webhook.
 */
import React, { useEffect, useState } from 'react';
import ReactDOM from 'react-dom';
import type { ActionPayload, FlexManager } from '../../plugin/src/flex/flexApi.js';
import { ShellStore, type LocalIdentity, type ShellState, type ShellTask } from './shellStore.js';
import { createStandInFlex, TaskContext, type StandInFlex } from './standInFlex.js';

const store = new ShellStore();

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const parsed = (await response.json()) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(parsed.error?.message ?? `HTTP ${response.status}`);
  return parsed;
}

const flex: StandInFlex = createStandInFlex(store, {
  async CompleteTask(payload: ActionPayload) {
    const sid = payload.sid ?? payload.task?.taskSid;
    const task = sid ? store.task(sid) : undefined;
    if (!task) return;
    const identity = store.getState().identity;
    try {
      await postJson('/local/taskrouter/complete', {
        taskSid: task.taskSid,
        attributes: task.attributes,
        channel: task.channel,
        queue: task.queue,
        workerSid: identity?.workerSid,
        workerName: identity?.name,
        ageSeconds: (Date.now() - task.createdAt) / 1000,
      });
      store.removeTask(task.taskSid);
      store.notify({ type: 'success', content: 'Task completed.', timeout: 4000 });
    } catch (error) {
      store.notify({ type: 'error', content: `Completing failed: ${(error as Error).message}` });
    }
  },
  SetComponentState(payload: ActionPayload) {
    const { name, state } = payload as unknown as { name?: string; state?: { selectedTabName?: string } };
    if (name === 'AgentTaskCanvasTabs' && state?.selectedTabName) store.update({ selectedTabName: state.selectedTabName });
  },
});
(window as unknown as { Twilio: { Flex: StandInFlex } }).Twilio = { Flex: flex };
// For tests and the curious: what the plugin registered.
(window as unknown as { __standInFlex: StandInFlex }).__standInFlex = flex;

function useShellState(): ShellState {
  const [state, setState] = useState(store.getState());
  useEffect(() => store.subscribe(() => setState(store.getState())), []);
  return state;
}

async function signIn(role: LocalIdentity['role'], name: string): Promise<void> {
  try {
    const { token, identity } = await postJson<{ token: string; identity: LocalIdentity }>('/local/sign-in', { role, name });
    const config = (await (await fetch('/local/config')).json()) as Record<string, unknown>;
    const manager: FlexManager = {
      user: { token },
      events: { addListener: () => undefined },
      serviceConfiguration: { ui_attributes: config },
    };
    flex.setManager(manager);
    store.update({ identity, signInError: null });
    const script = document.createElement('script');
    script.src = '/plugin/plugin-interaction-history.js';
    document.body.appendChild(script);
  } catch (error) {
    store.update({ signInError: (error as Error).message });
  }
}

function randomTaskSid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `WT${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

const CHANNELS = {
  voice: { label: 'Voice call', channel: 'voice', attributes: (phone: string) => ({ from: phone, caller: phone, direction: 'inbound', channelType: 'voice' }) },
  sms: { label: 'SMS', channel: 'chat', attributes: (phone: string) => ({ from: phone, customerAddress: phone, channelType: 'sms', direction: 'inbound' }) },
  whatsapp: { label: 'WhatsApp', channel: 'chat', attributes: (phone: string) => ({ from: `whatsapp:${phone}`, customerAddress: `whatsapp:${phone}`, channelType: 'whatsapp', direction: 'inbound' }) },
} as const;

function SignIn({ error }: { error: string | null }) {
  const [role, setRole] = useState<LocalIdentity['role']>('agent');
  const [name, setName] = useState('Alice Agent');
  return (
    <form aria-label="Sign in" onSubmit={(event) => { event.preventDefault(); void signIn(role, name); }} style={{ padding: 24, maxWidth: 360 }}>
      <h1>Local agent desktop</h1>
      <p>Sign in as a Flex worker. Tokens are minted locally with the same claims as in production.</p>
      <label htmlFor="sign-in-role">Role</label>
      <select id="sign-in-role" value={role} onChange={(event) => setRole(event.target.value as LocalIdentity['role'])} style={{ display: 'block', marginBottom: 12 }}>
        <option value="agent">Agent</option>
        <option value="supervisor">Supervisor</option>
        <option value="admin">Admin</option>
      </select>
      <label htmlFor="sign-in-name">Name</label>
      <input id="sign-in-name" value={name} onChange={(event) => setName(event.target.value)} style={{ display: 'block', marginBottom: 12 }} />
      <button type="submit">Sign in</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}

function RingIn() {
  const [phone, setPhone] = useState('+14155550100');
  const [channel, setChannel] = useState<keyof typeof CHANNELS>('voice');
  return (
    <form aria-label="Ring in a task" onSubmit={(event) => {
      event.preventDefault();
      const spec = CHANNELS[channel];
      store.addTask(randomTaskSid(), spec.attributes(phone.trim()), spec.channel, 'Everyone');
    }} style={{ marginBottom: 16 }}>
      <label htmlFor="ring-in-phone">Caller number</label>
      <input id="ring-in-phone" value={phone} onChange={(event) => setPhone(event.target.value)} style={{ display: 'block', width: '100%', boxSizing: 'border-box' }} />
      <label htmlFor="ring-in-channel">Channel</label>
      <select id="ring-in-channel" value={channel} onChange={(event) => setChannel(event.target.value as keyof typeof CHANNELS)} style={{ display: 'block', marginBottom: 8 }}>
        {Object.entries(CHANNELS).map(([key, spec]) => <option key={key} value={key}>{spec.label}</option>)}
      </select>
      <button type="submit">Ring in</button>
    </form>
  );
}

function TaskCanvas({ task, selectedTabName }: { task: ShellTask; selectedTabName: string }) {
  const tabs = [
    { name: 'info', label: 'Info', content: <pre style={{ whiteSpace: 'pre-wrap', padding: 16 }}>{JSON.stringify(task.attributes, null, 2)}</pre> },
    ...flex.registeredTabs
      .filter((tab) => tab.visibleFor(task))
      .map((tab) => ({ name: tab.element.props.uniqueName, label: tab.element.props.label, content: tab.element })),
  ];
  const selected = tabs.find((tab) => tab.name === selectedTabName) ?? tabs[0];
  return (
    <TaskContext.Provider value={task}>
      <section aria-label="Task Canvas" style={{ background: '#fff', border: '1px solid #ccc', borderRadius: 4 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 16px', borderBottom: '1px solid #ccc' }}>
          <strong>{typeof task.attributes['from'] === 'string' ? task.attributes['from'] : task.taskSid}</strong>
          <button type="button" onClick={() => void flex.Actions.invokeAction('CompleteTask', { sid: task.taskSid, task })}>Complete</button>
        </header>
        <div role="tablist" aria-label="Task tabs" style={{ display: 'flex', gap: 4, padding: '0 16px', borderBottom: '1px solid #ccc' }}>
          {tabs.map((tab) => (
            <button key={tab.name} role="tab" type="button" aria-selected={tab === selected} aria-controls={`panel-${tab.name}`} id={`tab-${tab.name}`}
              onClick={() => store.update({ selectedTabName: tab.name })}
              style={{ padding: '8px 12px', border: 'none', borderBottom: tab === selected ? '3px solid #0263e0' : '3px solid transparent', background: 'none' }}>
              {tab.label}
            </button>
          ))}
        </div>
        {selected && <div role="tabpanel" id={`panel-${selected.name}`} aria-labelledby={`tab-${selected.name}`}>{selected.content}</div>}
      </section>
    </TaskContext.Provider>
  );
}

function Desktop() {
  const state = useShellState();
  if (!state.identity) return <SignIn error={state.signInError} />;
  const selected = state.tasks.find((task) => task.taskSid === state.selectedTaskSid);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '260px 1fr', gap: 16, padding: 16 }}>
      <aside>
        <p>Signed in as <strong>{state.identity.name}</strong> ({state.identity.role})</p>
        <RingIn />
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
        {selected ? <TaskCanvas task={selected} selectedTabName={state.selectedTabName} /> : <p>No open tasks. Ring one in.</p>}
      </main>
    </div>
  );
}

const params = new URLSearchParams(window.location.search);
const presetRole = params.get('role');
const presetName = params.get('name');
if ((presetRole === 'agent' || presetRole === 'supervisor' || presetRole === 'admin') && presetName) void signIn(presetRole, presetName);

ReactDOM.render(<Desktop />, document.getElementById('root'));
