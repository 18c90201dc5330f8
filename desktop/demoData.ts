/**
 * Demo data for `npm start`: a handful of customers with histories across
 * voice, SMS and WhatsApp. Profiles are written with the Admin SDK (as an
 * import would); interactions arrive through the real webhook, so the stats
 * trigger builds the summaries. Safe to run again: TaskSids are fixed.
 */
import { createHash } from 'node:crypto';
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { customerPath } from '@interaction-history/model';
import { PROJECT_ID } from '../local-stack/localStack.js';
import { deliverTask } from '../local-stack/standInTaskRouter.js';
import { stableSid } from '../local-stack/taskrouter/lifecycle.js';
import { seedDemoReasonCodes } from './demoCentre.js';

interface DemoCustomer {
  readonly phone: string;
  readonly profile: { firstName: string; lastName: string; email?: string; accountId?: string } | null;
  readonly history: readonly { daysAgo: number; channel: 'voice' | 'sms' | 'whatsapp'; outcome: string | null; comment?: string; queue: string; agent: string }[];
}

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  {
    phone: '+14155550100',
    profile: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', accountId: 'ACME-1001' },
    history: [
      { daysAgo: 30, channel: 'voice', outcome: 'Order placed', comment: 'Ordered the analytical engine starter kit.', queue: 'Sales', agent: 'Alice Agent' },
      { daysAgo: 12, channel: 'sms', outcome: 'Question answered', comment: 'Asked when the parcel ships.', queue: 'Support', agent: 'Bob Agent' },
      { daysAgo: 2, channel: 'voice', outcome: 'Billing', comment: 'Invoice address corrected.', queue: 'Billing', agent: 'Alice Agent' },
    ],
  },
  {
    phone: '+447911123456',
    profile: { firstName: 'Alan', lastName: 'Turing', email: 'alan@example.co.uk' },
    history: [
      { daysAgo: 8, channel: 'whatsapp', outcome: 'Technical support', comment: 'Reset the enigma settings 🔐', queue: 'Support', agent: 'Carol Agent' },
      { daysAgo: 1, channel: 'whatsapp', outcome: null, queue: 'Support', agent: 'Carol Agent' },
    ],
  },
  {
    phone: '+14155550122',
    profile: { firstName: 'Katherine', lastName: 'Johnson', accountId: 'ACME-2044' },
    history: [{ daysAgo: 5, channel: 'sms', outcome: 'Callback requested', comment: 'Call back after 5pm.', queue: 'Sales', agent: 'Bob Agent' }],
  },
  {
    phone: '+14155550111',
    profile: { firstName: 'Grace', lastName: 'Hopper' },
    history: [],
  },
  {
    // A caller with history but no profile yet: the agent can create one and the history shows.
    phone: '+14155550144',
    profile: null,
    history: [{ daysAgo: 3, channel: 'voice', outcome: 'Wrong number', queue: 'Everyone', agent: 'Alice Agent' }],
  },
];

const fixedTaskSid = (seed: string) => `WT${createHash('sha256').update(seed).digest('hex').slice(0, 32)}`;

function attributesFor(phone: string, channel: 'voice' | 'sms' | 'whatsapp', outcome: string | null, comment?: string) {
  const from = channel === 'whatsapp' ? `whatsapp:${phone}` : phone;
  return {
    from,
    channelType: channel,
    direction: 'inbound',
    ...(outcome ? { conversations: { outcome } } : {}),
    ...(comment ? { interactionHistory: { comment } } : {}),
  };
}

export async function seedDemoData(now = new Date()): Promise<{ customers: number; interactions: number }> {
  const app = getApps()[0] ?? initializeApp({ projectId: PROJECT_ID });
  const db = getFirestore(app);
  let interactions = 0;
  await seedDemoReasonCodes(now);
  for (const customer of DEMO_CUSTOMERS) {
    if (customer.profile) {
      await db.doc(customerPath(customer.phone)).set({ ...customer.profile, phone: customer.phone, createdAt: now, createdBy: 'demo-data' });
    }
    for (const [index, entry] of customer.history.entries()) {
      const completedAt = new Date(now.getTime() - entry.daysAgo * 86_400_000);
      const delivered = await deliverTask({
        taskSid: fixedTaskSid(`${customer.phone}#${index}`),
        attributes: attributesFor(customer.phone, entry.channel, entry.outcome, entry.comment),
        channel: entry.channel === 'voice' ? 'voice' : 'chat',
        queue: entry.queue,
        workers: [{ workerSid: stableSid('WK', entry.agent), workerName: entry.agent }],
        completedAt,
        ageSeconds: 120 + index * 95,
      });
      const refused = delivered.answers.find((answer) => answer.status >= 300);
      if (refused) throw new Error(`Seeding ${customer.phone} failed: ${refused.eventType} answered HTTP ${refused.status}`);
      interactions += 1;
    }
  }
  return { customers: DEMO_CUSTOMERS.filter((customer) => customer.profile).length, interactions };
}
