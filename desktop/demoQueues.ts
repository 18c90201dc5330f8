/** The demo workspace's TaskQueues, TaskRouter's default one first. SIDs are fixed so that demo data, the shell and tests agree. */
export const DEMO_QUEUES = [
  { name: 'Everyone', sid: `WQ${'e0'.repeat(16)}` },
  { name: 'Sales', sid: `WQ${'5a'.repeat(16)}` },
  { name: 'Support', sid: `WQ${'50'.repeat(16)}` },
  { name: 'Billing', sid: `WQ${'b1'.repeat(16)}` },
  { name: 'Internal transfers', sid: `WQ${'17'.repeat(16)}` },
] as const;

export type DemoQueue = (typeof DEMO_QUEUES)[number];
