/**
 * The queues the shell offers when ringing in a task: the demo workspace's,
 * from the desktop server (`GET /local/queues`, from demoCentre.ts), so that
 * the demo's per-queue reason codes apply. TaskRouter's default queue has no
 * SID of its own here: its tasks use the global list.
 */
export interface ShellQueue {
  readonly name: string;
  readonly sid: string | null;
}

export const DEFAULT_QUEUE: ShellQueue = { name: 'Everyone', sid: null };

export async function loadQueues(): Promise<readonly ShellQueue[]> {
  const response = await fetch('/local/queues');
  return response.ok ? ((await response.json()) as ShellQueue[]) : [DEFAULT_QUEUE];
}
