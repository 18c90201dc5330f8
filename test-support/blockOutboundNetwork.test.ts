import { expect, it } from 'vitest';
import { forgetBlockedAttempts } from './blockOutboundNetwork.js';

it('refuses a connection to a host outside this machine', async () => {
  await expect(fetch('https://iam.twilio.com/v1/Accounts')).rejects.toThrow();
  expect(forgetBlockedAttempts()).toEqual(['iam.twilio.com:443']);
});

it('lets a connection to the local emulators through', async () => {
  const response = await fetch(`http://${process.env.FIRESTORE_EMULATOR_HOST ?? '127.0.0.1:8080'}/`);
  expect(response.ok).toBe(true);
});
