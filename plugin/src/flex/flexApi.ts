/**
 * The part of Flex this plugin uses, as narrow types. Flex hands the real
 * objects to `init`; the local desktop's stand-in implements the same shape.
 * `flexApi.typecheck.ts` proves that Flex's own types satisfy these.
 */
import type { ComponentType, ReactElement, ReactNode } from 'react';

export interface FlexTask {
  readonly taskSid: string;
  readonly attributes: Record<string, unknown>;
  setAttributes(attributes: object): Promise<unknown>;
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

export interface NotificationDefinition {
  readonly id: string;
  readonly content: string;
  readonly type: string;
  readonly closeButton?: boolean;
  readonly timeout?: number;
}

export interface FlexApi {
  readonly TaskCanvasTabs: {
    readonly Content: {
      add(element: ReactElement, options?: { sortOrder?: number; if?: (props: { task?: FlexTask }) => boolean }): void;
    };
  };
  readonly Tab: ComponentType<TabProps>;
  withTaskContext<P>(component: ComponentType<P>): ComponentType<Omit<P, 'task'>>;
  readonly Actions: {
    addListener(name: string, handler: (payload: ActionPayload, abort: () => void) => void | Promise<void>): void;
    invokeAction(name: string, payload?: object): Promise<unknown>;
  };
  readonly Notifications: {
    registerNotification(notification: NotificationDefinition): void;
    showNotification(id: string, context?: object): unknown;
  };
  readonly NotificationType: { readonly error: string; readonly info: string; readonly success: string; readonly warning: string };
  readonly TaskHelper: { getTaskByTaskSid(taskSid: string): FlexTask | undefined };
}

export interface FlexManager {
  readonly user: { readonly token: string };
  readonly events: { addListener(event: 'tokenUpdated', handler: (payload: { token: string }) => void): unknown };
  readonly serviceConfiguration: { readonly ui_attributes?: unknown };
}
