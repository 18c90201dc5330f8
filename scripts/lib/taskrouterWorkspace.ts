/** What the workspace's event callback should be, compared with what it is. */
import { CAPTURED_EVENT_TYPES } from '@interaction-history/model';

/** Exactly the events capture needs: the completion and the reservation events that name the worker. */
export const HANDLED_EVENTS = CAPTURED_EVENT_TYPES;

export interface WorkspaceCallback {
  readonly eventCallbackUrl: string | null;
  readonly eventsFilter: string | null;
}

export interface CallbackPlan {
  readonly target: WorkspaceCallback & { eventCallbackUrl: string; eventsFilter: string };
  readonly changes: boolean;
  /** The workspace calls another URL, which `--replace` is needed to take over. */
  readonly replacesOtherUrl: boolean;
  readonly describe: readonly string[];
}

export function planWorkspaceCallback(current: WorkspaceCallback, webhookUrl: string): CallbackPlan {
  // Comma-separated without spaces: TaskRouter does not read the spaced form.
  const target = { eventCallbackUrl: webhookUrl, eventsFilter: HANDLED_EVENTS.join(',') };
  const describe: string[] = [];
  const line = (label: string, from: string | null, to: string) =>
    describe.push(from === to ? `${label}: ${to} (already set)` : `${label}: ${from ?? '(none)'} → ${to}`);
  line('Event callback URL', current.eventCallbackUrl, target.eventCallbackUrl);
  line('Events filter', current.eventsFilter, target.eventsFilter);
  const changes = current.eventCallbackUrl !== target.eventCallbackUrl || current.eventsFilter !== target.eventsFilter;
  const replacesOtherUrl = Boolean(current.eventCallbackUrl) && current.eventCallbackUrl !== target.eventCallbackUrl;
  return { target, changes, replacesOtherUrl, describe };
}
