/**
 * What the stand-in Flex shell does on its own: sign a worker in (a local Flex
 * token, then the real plugin bundle), ring in tasks, and the built-in Flex
 * actions the plugin relies on (`CompleteTask`, `SetComponentState`).
 * Completing a task asks the desktop server's stand-in TaskRouter to send the
 * webhook its callbacks.
 */
import type { ActionPayload, FlexManager } from '../../plugin/src/flex/flexApi.js';
import { DEFAULT_QUEUE, type ShellQueue } from '../demoQueues.js';
import type { CompleteTaskRequest, SignInRequest } from '@interaction-history/model';
import type { LocalIdentity, ShellStore, ShellTask } from './shellStore.js';
import type { StandInFlex } from './standInFlex.js';

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const parsed = (await response.json()) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(parsed.error?.message ?? `HTTP ${response.status}`);
  return parsed;
}

/** Flex's own actions, as far as the plugin uses them; the plugin's before-listeners run first. */
export function builtInActions(store: ShellStore): Record<string, (payload: ActionPayload) => Promise<void>> {
  return {
    async CompleteTask(payload: ActionPayload) {
      const sid = payload.sid ?? payload.task?.taskSid;
      const task = sid ? store.task(sid) : undefined;
      if (!task) return;
      const { identity, dropCallbacks } = store.getState();
      try {
        const answer = await postJson<{ dropped?: number }>('/local/taskrouter/complete', {
          taskSid: task.taskSid,
          attributes: task.attributes,
          channel: task.channel,
          queue: task.queueName,
          ...(task.queueSid ? { queueSid: task.queueSid } : {}),
          workerSid: identity?.workerSid,
          workerName: identity?.name,
          ageSeconds: (Date.now() - task.createdAt) / 1000,
          dropCallbacks,
        } satisfies CompleteTaskRequest);
        store.removeTask(task.taskSid);
        const content = answer.dropped ? 'Task completed. Its callbacks were dropped: reconciliation will store it.' : 'Task completed.';
        store.notify({ type: 'success', content, timeout: 4000 });
      } catch (error) {
        store.notify({ type: 'error', content: `Completing failed: ${(error as Error).message}` });
      }
    },
    // Flex's NavigateToView: show the view of that name (Flex routes to it; the stand-in keeps it in its state).
    NavigateToView(payload: ActionPayload) {
      const { viewName } = payload as unknown as { viewName?: unknown };
      if (typeof viewName === 'string' && viewName !== '') store.update({ activeView: viewName });
      return Promise.resolve();
    },
    SetComponentState(payload: ActionPayload) {
      const { name, state } = payload as unknown as { name?: string; state?: { selectedTabName?: string } };
      if (name === 'AgentTaskCanvasTabs' && state?.selectedTabName) store.update({ selectedTabName: state.selectedTabName });
      return Promise.resolve();
    },
  };
}

/** The Flex roles a local identity holds, as Flex's `manager.user.roles` gives them. */
export const FLEX_ROLES: Record<LocalIdentity['role'], readonly string[]> = {
  agent: ['agent'],
  supervisor: ['supervisor'],
  admin: ['admin'],
};

/** Signs a worker in with a local Flex token, hands Flex's manager to the stand-in, then loads the plugin bundle. */
export async function signIn(store: ShellStore, flex: StandInFlex, role: LocalIdentity['role'], name: string): Promise<void> {
  try {
    const { token, identity } = await postJson<{ token: string; identity: LocalIdentity }>('/local/sign-in', { role, name } satisfies SignInRequest);
    const config = (await (await fetch('/local/config')).json()) as Record<string, unknown>;
    const manager: FlexManager = {
      user: { token, roles: FLEX_ROLES[identity.role] },
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

export function randomTaskSid(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `WT${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Task attributes as each channel's Flex flow writes them. */
export const CHANNELS = {
  voice: { label: 'Voice call', channel: 'voice', attributes: (phone: string) => ({ from: phone, caller: phone, direction: 'inbound', channelType: 'voice' }) },
  sms: { label: 'SMS', channel: 'chat', attributes: (phone: string) => ({ from: phone, customerAddress: phone, channelType: 'sms', direction: 'inbound' }) },
  whatsapp: { label: 'WhatsApp', channel: 'chat', attributes: (phone: string) => ({ from: `whatsapp:${phone}`, customerAddress: `whatsapp:${phone}`, channelType: 'whatsapp', direction: 'inbound' }) },
} as const;

export type ChannelKey = keyof typeof CHANNELS;

export function ringIn(store: ShellStore, phone: string, channel: ChannelKey, queue: ShellQueue = DEFAULT_QUEUE): void {
  const spec = CHANNELS[channel];
  store.addTask(randomTaskSid(), spec.attributes(phone.trim()), spec.channel, { name: queue.name, sid: queue.sid ?? '' });
}

/**
 * A transfer as TaskRouter makes one: a new task (its own TaskSid) for the
 * receiving worker, carrying the transferred task's attributes unchanged.
 */
export function receiveTransfer(store: ShellStore, transferred: Pick<ShellTask, 'attributes' | 'channel' | 'queueSid' | 'queueName'>): string {
  const taskSid = randomTaskSid();
  store.addTask(taskSid, { ...transferred.attributes }, transferred.channel, { sid: transferred.queueSid, name: transferred.queueName });
  return taskSid;
}
