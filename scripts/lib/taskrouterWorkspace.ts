/** What the workspace's event callback should be, compared with what it is. */

/** The only TaskRouter event the product stores; others would only cost requests. */
export const HANDLED_EVENTS = ['task.completed'] as const;

export interface WorkspaceCallback {
  readonly eventCallbackUrl: string | null;
  readonly eventsFilter: string | null;
}

export interface CallbackPlan {
  readonly target: WorkspaceCallback & { eventCallbackUrl: string; eventsFilter: string };
  readonly changes: boolean;
  readonly describe: readonly string[];
}

export function planWorkspaceCallback(current: WorkspaceCallback, webhookUrl: string): CallbackPlan {
  const target = { eventCallbackUrl: webhookUrl, eventsFilter: HANDLED_EVENTS.join(',') };
  const describe: string[] = [];
  const line = (label: string, from: string | null, to: string) =>
    describe.push(from === to ? `${label}: ${to} (already set)` : `${label}: ${from ?? '(none)'} → ${to}`);
  line('Event callback URL', current.eventCallbackUrl, target.eventCallbackUrl);
  line('Events filter', current.eventsFilter, target.eventsFilter);
  const changes = current.eventCallbackUrl !== target.eventCallbackUrl || current.eventsFilter !== target.eventsFilter;
  return { target, changes, describe };
}
