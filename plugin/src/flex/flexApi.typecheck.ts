/**
 * A proof for the compiler, never run and never bundled (nothing imports it):
 * the types @twilio/flex-ui exports satisfy the narrow interfaces the plugin is
 * written against (flexApi.ts). An upgrade of Flex that takes away or changes
 * what the plugin uses fails `npm run typecheck` here. The local desktop's
 * stand-in is held to the same interfaces by `tsc -p desktop` (standInFlex.tsx).
 */
import type * as Flex from '@twilio/flex-ui';
import type { FlexApi, FlexManager, FlexTask, NotificationKind } from './flexApi.js';

/** Each assignable to the other: for unions of strings, the same strings. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// What Flex passes to a plugin's `init(flex, manager)`: the module itself, and the Manager instance.
declare const flexModule: typeof Flex;
declare const manager: Flex.Manager;
// What Flex gives for a task (withTaskContext's `task`, TaskHelper, action payloads).
declare const task: Flex.ITask;

export const flexSatisfiesFlexApi: FlexApi<Flex.NotificationType> = flexModule;
export const managerSatisfiesFlexManager: FlexManager = manager;
export const taskSatisfiesFlexTask: FlexTask = task;

// The plugin names notification types by the strings Flex's enum stands for; they must be the same strings.
export const notificationKindsAreFlexs: Same<`${Flex.NotificationType}`, NotificationKind> = true;
