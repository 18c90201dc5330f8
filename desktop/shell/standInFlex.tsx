/**
 * A stand-in for the part of Twilio Flex the plugin uses (see
 * plugin/src/flex/flexApi.ts): tabs in the Task Canvas, the Actions framework
 * with before-listeners that may abort, notifications, task context, the side
 * navigation and the view collection, and Plugins.init. The plugin runs
 * against it unchanged.
 */
import React, { createContext, useContext, type ComponentType, type ReactElement } from 'react';
import type {
  ActionPayload,
  FlexApi,
  FlexManager,
  FlexTask,
  NotificationDefinition,
  SideLinkProps,
  SideNavChildProps,
  TabProps,
  TaskContextKey,
  ViewProps,
} from '../../plugin/src/flex/flexApi.js';
import type { ShellStore } from './shellStore.js';

type Listener = (payload: ActionPayload, abort: () => void) => void | Promise<void>;

export interface RegisteredTab {
  readonly element: ReactElement<TabProps>;
  readonly visibleFor: (task: FlexTask) => boolean;
}

export const TaskContext = createContext<FlexTask | undefined>(undefined);

export interface StandInFlex extends FlexApi {
  readonly Plugins: { init(pluginClass: new () => { init(flex: FlexApi, manager: FlexManager): void }): void };
  readonly registeredTabs: RegisteredTab[];
  /** What plugins added to the side navigation, in their sort order; each is given `SideNavChildProps`. */
  readonly registeredSideLinks: { readonly element: ReactElement<SideNavChildProps>; readonly sortOrder: number }[];
  /** What plugins added to the view collection. */
  readonly registeredViews: ReactElement<ViewProps>[];
  readonly listenerCount: (name: string) => number;
  setManager(manager: FlexManager): void;
}

export function createStandInFlex(store: ShellStore, builtInActions: Record<string, (payload: ActionPayload) => void | Promise<void>>): StandInFlex {
  const registeredTabs: RegisteredTab[] = [];
  const listeners = new Map<string, Listener[]>();
  const notifications = new Map<string, NotificationDefinition>();
  const waitingPlugins: (new () => { init(flex: FlexApi, manager: FlexManager): void })[] = [];
  let manager: FlexManager | null = null;

  const registeredSideLinks: StandInFlex['registeredSideLinks'] = [];
  const registeredViews: ReactElement<ViewProps>[] = [];

  const Tab = ({ children }: TabProps) => <>{children}</>;
  // Flex's SideLink: an icon and a label; the stand-in draws the label as a button, marked current when active.
  const SideLink = ({ isActive, onClick, children }: SideLinkProps) => (
    <button type="button" aria-current={isActive ? 'page' : undefined} onClick={onClick}
      style={{ display: 'block', width: '100%', textAlign: 'left', padding: '8px 12px', border: 'none', background: isActive ? '#0263e0' : 'transparent', color: isActive ? '#fff' : 'inherit' }}>
      {children}
    </button>
  );
  // Flex's View: the Desktop shows the one whose name is the active view.
  const View = ({ children }: ViewProps) => <>{children}</>;

  const flex: StandInFlex = {
    TaskCanvasTabs: {
      Content: {
        add(element, options) {
          registeredTabs.push({
            element: element as ReactElement<TabProps>,
            visibleFor: (task) => (options?.if ? options.if({ task }) : true),
          });
          store.update({});
        },
      },
    },
    Tab,
    withTaskContext<P>(Component: ComponentType<P>) {
      // Of the task context, the stand-in fills in only `task`.
      return function WithTaskContext(props: Omit<P, TaskContextKey>) {
        const task = useContext(TaskContext);
        return <Component {...(props as P)} task={task} />;
      };
    },
    Actions: {
      addListener(name, handler) {
        listeners.set(name, [...(listeners.get(name) ?? []), handler]);
      },
      // As in Flex: before-listeners run in order and any may abort; then the action; then after-listeners.
      async invokeAction(name, payload = {}) {
        const aborting = new AbortController();
        const abort = () => aborting.abort();
        for (const listener of listeners.get(`before${name}`) ?? []) {
          await listener(payload, abort);
          if (aborting.signal.aborted) return false;
        }
        await builtInActions[name]?.(payload);
        for (const listener of listeners.get(`after${name}`) ?? []) await listener(payload, () => undefined);
        return true;
      },
    },
    Notifications: {
      registerNotification(notification) {
        notifications.set(notification.id, notification);
      },
      showNotification(id) {
        const notification = notifications.get(id);
        if (notification) store.notify(notification);
      },
    },
    NotificationType: { error: 'error', information: 'information', success: 'success', warning: 'warning' },
    TaskHelper: { getTaskByTaskSid: (taskSid) => store.task(taskSid) },
    SideNav: {
      Content: {
        add(element, options) {
          registeredSideLinks.push({ element: element as ReactElement<SideNavChildProps>, sortOrder: options?.sortOrder ?? Number.MAX_SAFE_INTEGER });
          registeredSideLinks.sort((a, b) => a.sortOrder - b.sortOrder);
          store.update({});
        },
      },
    },
    SideLink,
    ViewCollection: {
      Content: {
        add(element) {
          registeredViews.push(element as ReactElement<ViewProps>);
          store.update({});
        },
      },
    },
    View,
    Plugins: {
      init(pluginClass) {
        if (manager) new pluginClass().init(flex, manager);
        else waitingPlugins.push(pluginClass);
      },
    },
    registeredTabs,
    registeredSideLinks,
    registeredViews,
    listenerCount: (name) => listeners.get(name)?.length ?? 0,
    setManager(next) {
      manager = next;
      for (const pluginClass of waitingPlugins.splice(0)) new pluginClass().init(flex, next);
    },
  };
  return flex;
}
