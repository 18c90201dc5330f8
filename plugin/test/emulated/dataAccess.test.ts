/**
 * The plugin's data access against the Firestore emulator with the real
 * rules, signed in as the plugin is (web SDK, custom token with role claims),
 * fed by the real webhook.
 */
import { describe, expect, it } from 'vitest';
import { adminFirestore, eventually } from '../../../test-support/localStack.js';
import { completedTaskParameters, postCallback, uniquePhone } from '../../../test-support/taskrouter.js';
import { sessionsForTestFile } from '../../../test-support/testFileSessions.js';
import { createCustomer, deleteCustomer, DuplicateCustomerError, subscribeToCustomer, updateCustomer } from '../../src/data/customers.js';
import { subscribeToHistory, type HistoryWindow } from '../../src/data/history.js';

const session = sessionsForTestFile();

const complete = (phone: string, completedAt: Date, outcome: string) =>
  postCallback(completedTaskParameters({ completedAt, attributes: { from: phone, conversations: { outcome } } }));

describe('subscribeToHistory', () => {
  it('delivers an interaction stored by the webhook to an open listener, newest first, without reloading', async () => {
    const phone = uniquePhone();
    await complete(phone, new Date('2026-11-01T10:00:00Z'), 'Older');
    const { db } = await session('agent');
    const windows: HistoryWindow[] = [];
    const unsubscribe = subscribeToHistory({ db, phone, count: 10 }, (window) => windows.push(window), (error) => {
      throw error;
    });

    await eventually(() => expect(windows.at(-1)?.interactions.map((i) => i.outcome)).toEqual(['Older']));
    expect((await complete(phone, new Date('2026-11-02T10:00:00Z'), 'Newer')).status).toBe(201);

    await eventually(() => expect(windows.at(-1)?.interactions.map((i) => i.outcome)).toEqual(['Newer', 'Older']));
    const newest = windows.at(-1)?.interactions[0];
    expect(newest?.completedAt).toEqual(new Date('2026-11-02T10:00:00Z'));
    expect(newest?.customerPhone).toBe(phone);
    unsubscribe();
  });

  it('reads a page at a time (each query within the rules) and says when older interactions remain', async () => {
    const phone = uniquePhone();
    for (let day = 1; day <= 5; day += 1) await complete(phone, new Date(`2026-10-0${day}T09:00:00Z`), `Day ${day}`);
    const { db } = await session('agent');

    const read = (count: number) =>
      new Promise<HistoryWindow>((resolve, reject) => {
        const stop = subscribeToHistory({ db, phone, count, pageSize: 2 }, (window) => {
          stop();
          resolve(window);
        }, reject);
      });

    const firstPage = await read(2);
    const twoPages = await read(4);
    const everything = await read(6);

    expect(firstPage.interactions.map((i) => i.outcome)).toEqual(['Day 5', 'Day 4']);
    expect(firstPage.hasMore).toBe(true);
    expect(twoPages.interactions.map((i) => i.outcome)).toEqual(['Day 5', 'Day 4', 'Day 3', 'Day 2']);
    expect(twoPages.hasMore).toBe(true);
    expect(everything.interactions.map((i) => i.outcome)).toEqual(['Day 5', 'Day 4', 'Day 3', 'Day 2', 'Day 1']);
    expect(everything.hasMore).toBe(false);
  });

  it('keeps several pages contiguous when a new interaction arrives at the top', async () => {
    const phone = uniquePhone();
    for (let day = 1; day <= 4; day += 1) await complete(phone, new Date(`2026-10-0${day}T09:00:00Z`), `Day ${day}`);
    const { db } = await session('agent');
    const windows: HistoryWindow[] = [];
    const stop = subscribeToHistory({ db, phone, count: 4, pageSize: 2 }, (window) => windows.push(window), (error) => {
      throw error;
    });
    await eventually(() => expect(windows.at(-1)?.interactions.map((i) => i.outcome)).toEqual(['Day 4', 'Day 3', 'Day 2', 'Day 1']));

    await complete(phone, new Date('2026-10-09T09:00:00Z'), 'Day 9');

    await eventually(() => {
      expect(windows.at(-1)?.interactions.map((i) => i.outcome)).toEqual(['Day 9', 'Day 4', 'Day 3', 'Day 2']);
      expect(windows.at(-1)?.hasMore).toBe(true);
    });
    stop();
  });
});

describe('customers', () => {
  const profile = { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' };

  it('creates a customer once; a second create for the same phone fails as a duplicate', async () => {
    const phone = uniquePhone();
    const first = await session('agent');
    const second = await session('agent');

    await createCustomer(first.db, phone, profile, first);

    await expect(createCustomer(second.db, phone, { firstName: 'Someone', lastName: 'Else' }, second)).rejects.toBeInstanceOf(DuplicateCustomerError);
    const stored = await adminFirestore().doc(`customers/${phone}`).get();
    expect(stored.data()).toMatchObject({ ...profile, phone, createdBy: first.uid });
  });

  it('two agents creating the same customer at once leave exactly one profile', async () => {
    const phone = uniquePhone();
    const [first, second] = await Promise.all([session('agent'), session('agent')]);

    const results = await Promise.allSettled([
      createCustomer(first.db, phone, { firstName: 'First', lastName: 'Agent' }, first),
      createCustomer(second.db, phone, { firstName: 'Second', lastName: 'Agent' }, second),
    ]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(DuplicateCustomerError);
  });

  it('lets an agent edit a profile, stamping who and when, and removes a cleared optional field', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    await createCustomer(agent.db, phone, profile, agent);

    await updateCustomer(agent.db, phone, { firstName: 'Augusta', lastName: 'Lovelace' }, agent);

    const stored = (await adminFirestore().doc(`customers/${phone}`).get()).data();
    expect(stored).toMatchObject({ firstName: 'Augusta', updatedBy: agent.uid });
    expect(stored).not.toHaveProperty('email');
  });

  it('refuses a delete by an agent and allows it for an admin', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    const admin = await session('admin');
    await createCustomer(agent.db, phone, profile, agent);

    await expect(deleteCustomer(agent.db, phone, agent)).rejects.toMatchObject({ code: 'permission-denied' });
    expect((await adminFirestore().doc(`customers/${phone}`).get()).exists).toBe(true);

    await deleteCustomer(admin.db, phone, admin);
    expect((await adminFirestore().doc(`customers/${phone}`).get()).exists).toBe(false);
  });

  it('tells a live profile listener when the customer is created', async () => {
    const phone = uniquePhone();
    const agent = await session('agent');
    const seen: (string | null)[] = [];
    const stop = subscribeToCustomer(agent.db, phone, (customer) => seen.push(customer ? customer.firstName : null), (error) => {
      throw error;
    });

    await eventually(() => expect(seen).toEqual([null]));
    await createCustomer(agent.db, phone, profile, agent);

    await eventually(() => expect(seen.at(-1)).toBe('Ada'));
    stop();
  });
});
