/**
 * The part of Flex this plugin uses, as narrow types. Flex hands the real
 * objects to `init`; the local desktop's stand-in implements the same shape.
 * `flexApi.typecheck.ts` proves that Flex's own types satisfy these.
 *
 * Members are function-typed properties rather than methods, so that the proof
 * compares their parameters strictly (a method's parameters are compared both ways).
 */
import type { ComponentType, JSXElementConstructor, ReactElement, ReactNode } from 'react';

export interface FlexTask {
  readonly taskSid: string;
  /** The TaskRouter queue (`WQ…`) the task came through: picks the queue's reason codes and whether one is required. */
  readonly queueSid: string;
  readonly queueName: string;
  readonly attributes: Record<string, unknown>;
  readonly setAttributes: (attributes: object) => Promise<unknown>;
}

export interface TabProps {
  readonly uniqueName: string;
  readonly label: string;
  readonly children?: ReactNode;
}

export interface ActionPayload {
  readonly task?: FlexTask;
  readonly sid?: string;
  readonly taskSid?: string;
}

/** What Flex gives each child of its side navigation (its `SideNavChildrenProps`): which view is showing. */
export interface SideNavChildProps {
  readonly activeView?: string;
}

/** Flex's `SideLink`: an entry of the side navigation. */
export interface SideLinkProps {
  readonly icon: ReactNode;
  readonly iconActive?: ReactNode;
  readonly isActive?: boolean;
  readonly showLabel?: boolean;
  readonly onClick?: () => void;
  readonly children?: ReactNode;
}

/** Flex's `View`: one page of the `ViewCollection`, shown when the route names it. */
export interface ViewProps {
  readonly name: string;
  readonly children: ReactNode;
}

export interface ContentOptions {
  readonly sortOrder?: number;
}

/** The values of Flex's `NotificationType` enum; `flexApi.typecheck.ts` proves they are the same. */
export type NotificationKind = 'error' | 'information' | 'success' | 'warning';

export interface NotificationDefinition<Kind = NotificationKind> {
  readonly id: string;
  readonly content: string;
  readonly type: Kind;
  readonly closeButton?: boolean;
  readonly timeout?: number;
}

/** The props Flex's task context fills in (its `TaskContextProps`): a component wrapped by `withTaskContext` is not given them. */
export type TaskContextKey = 'task' | 'call' | 'conference' | 'channelDefinition' | 'conversation' | 'chatChannel';

/**
 * `Kind` is the type of notification types. Flex types them as its `NotificationType`
 * enum, whose values are the strings of `NotificationKind`; the plugin and the
 * stand-in use those strings, and the proof checks Flex with `Kind` set to the enum.
 */
export interface FlexApi<Kind = NotificationKind> {
  readonly TaskCanvasTabs: {
    readonly Content: {
      readonly add: (element: ReactElement, options?: { sortOrder?: number; if?: (props: { task?: FlexTask }) => boolean }) => void;
    };
  };
  /** Flex's Tab is a class whose props are all optional: what matters is that it can be rendered with these. */
  readonly Tab: JSXElementConstructor<TabProps>;
  readonly withTaskContext: <P>(component: ComponentType<P>) => ComponentType<Omit<P, TaskContextKey>>;
  readonly Actions: {
    readonly addListener: (name: string, handler: (payload: ActionPayload, abort: () => void) => void | Promise<void>) => void;
    readonly invokeAction: (name: string, payload?: object) => Promise<unknown>;
  };
  readonly Notifications: {
    readonly registerNotification: (notification: NotificationDefinition<Kind>) => void;
    readonly showNotification: (id: string, context?: object) => unknown;
  };
  readonly NotificationType: { readonly error: Kind; readonly information: Kind; readonly success: Kind; readonly warning: Kind };
  readonly TaskHelper: { readonly getTaskByTaskSid: (taskSid: string) => FlexTask | undefined };
  /** The side navigation; its children are given `SideNavChildProps`. */
  readonly SideNav: { readonly Content: { readonly add: (element: ReactElement, options?: ContentOptions) => void } };
  readonly SideLink: JSXElementConstructor<SideLinkProps>;
  /** The pages beside the agent desktop; `NavigateToView` with `{ viewName }` shows one. */
  readonly ViewCollection: { readonly Content: { readonly add: (element: ReactElement, options?: ContentOptions) => void } };
  readonly View: JSXElementConstructor<ViewProps>;
}

export interface FlexManager {
  /** `roles` are the Flex user's own (`agent`, `supervisor`, `admin`…), known before any sign-in to Firebase. */
  readonly user: { readonly token: string; readonly roles: readonly string[] };
  readonly events: { readonly addListener: (event: 'tokenUpdated', handler: (payload: { token: string }) => void) => unknown };
  readonly serviceConfiguration: { readonly ui_attributes?: unknown };
}
