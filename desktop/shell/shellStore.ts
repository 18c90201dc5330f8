/**
 * The stand-in Flex shell's state: who is signed in, the tasks, the selected
 * tab, notifications. A tiny observable store, like Flex's Redux state.
 */
import type { FlexTask, NotificationDefinition } from '../../plugin/src/flex/flexApi.js';

export interface LocalIdentity {
  readonly role: 'agent' | 'supervisor' | 'admin';
  readonly workerSid: string;
  readonly name: string;
}

export interface ShellTask extends FlexTask {
  readonly channel: string;
  readonly createdAt: number;
}

export interface ShownNotification {
  readonly key: number;
  readonly type: string;
  readonly content: string;
}

export interface ShellState {
  readonly identity: LocalIdentity | null;
  readonly signInError: string | null;
  readonly tasks: readonly ShellTask[];
  readonly selectedTaskSid: string | null;
  readonly selectedTabName: string;
  readonly notifications: readonly ShownNotification[];
  /** The stand-in TaskRouter keeps the events of completed tasks but sends no callback: reconciliation must recover them. */
  readonly dropCallbacks: boolean;
  /** The view of Flex's ViewCollection on screen: the agent desktop, or one a plugin added. */
  readonly activeView: string;
}

export const AGENT_DESKTOP_VIEW = 'agent-desktop';
/** What the shell exposes on `window.__standInShell` for tests. */
export interface StandInShell {
  tasks(): Pick<ShellTask, 'taskSid' | 'attributes' | 'channel' | 'queueSid' | 'queueName'>[];
  receiveTransfer(transferred: Pick<ShellTask, 'attributes' | 'channel' | 'queueSid' | 'queueName'>): string;
}

type Listener = () => void;

export class ShellStore {
  private state: ShellState = {
    identity: null,
    signInError: null,
    tasks: [],
    selectedTaskSid: null,
    selectedTabName: 'info',
    notifications: [],
    dropCallbacks: false,
    activeView: AGENT_DESKTOP_VIEW,
  };
  private readonly listeners = new Set<Listener>();
  private notificationKey = 0;

  getState = (): ShellState => this.state;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(patch: Partial<ShellState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  task(taskSid: string): ShellTask | undefined {
    return this.state.tasks.find((task) => task.taskSid === taskSid);
  }

  addTask(taskSid: string, attributes: Record<string, unknown>, channel: string, queue: { readonly sid: string; readonly name: string }): void {
    const task = this.makeTask(taskSid, attributes, channel, queue, Date.now());
    this.update({ tasks: [...this.state.tasks, task], selectedTaskSid: taskSid, selectedTabName: 'info' });
  }

  removeTask(taskSid: string): void {
    const tasks = this.state.tasks.filter((task) => task.taskSid !== taskSid);
    this.update({ tasks, selectedTaskSid: tasks[0]?.taskSid ?? null });
  }

  notify(notification: Pick<NotificationDefinition, 'type' | 'content' | 'timeout'>): void {
    const key = ++this.notificationKey;
    this.update({ notifications: [...this.state.notifications, { key, type: notification.type, content: notification.content }] });
    if (notification.timeout) setTimeout(() => this.dismiss(key), notification.timeout);
  }

  dismiss(key: number): void {
    this.update({ notifications: this.state.notifications.filter((notification) => notification.key !== key) });
  }

  /** Like Flex: a task is an immutable snapshot; setAttributes replaces it with a new one. */
  private makeTask(taskSid: string, attributes: Record<string, unknown>, channel: string, queue: { readonly sid: string; readonly name: string }, createdAt: number): ShellTask {
    return {
      taskSid,
      attributes,
      channel,
      queueSid: queue.sid,
      queueName: queue.name,
      createdAt,
      setAttributes: (next: object) => {
        const current = this.task(taskSid);
        if (!current) return Promise.reject(new Error(`Task ${taskSid} is no longer open.`));
        const replaced = this.makeTask(taskSid, { ...(next as Record<string, unknown>) }, channel, queue, createdAt);
        this.update({ tasks: this.state.tasks.map((task) => (task.taskSid === taskSid ? replaced : task)) });
        return Promise.resolve();
      },
    };
  }
}
