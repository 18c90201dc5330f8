/**
 * The demo workspace's TaskQueues as the shell offers them when ringing in,
 * TaskRouter's default one first. The SIDs are the demo month's
 * (demoCentre.ts derives them from the names; the shell runs in the browser,
 * so they are written out here, and scripts/test/demoQueues.test.ts checks
 * that both agree), so that the reason-code lists of the demo apply.
 */
export const DEMO_QUEUES = [
  { name: 'Everyone', sid: 'WQ00056bad241afcbd327eb202d689cf29' },
  { name: 'Sales', sid: 'WQ84ea5ad5bd560e3c0d431777d62349a2' },
  { name: 'Support', sid: 'WQbcbdc42f562bfc04217888d42099a0b7' },
  { name: 'Billing', sid: 'WQba538eb64c54421c481811f2a4ca4d9e' },
  { name: 'Internal transfers', sid: 'WQd5c44bc127f11836cfcc277eaf619b87' },
] as const;

export type DemoQueue = (typeof DEMO_QUEUES)[number];
