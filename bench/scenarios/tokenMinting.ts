/**
 * 6. Minting a Firebase token: the real handler served locally, Twilio's
 * validation answered by nock after a fixed delay, the cache cold (a new Flex
 * token each time) and warm (the same token again).
 */
import { randomBytes } from 'node:crypto';
import nock from 'nock';
import { handleMintFirebaseToken } from '../../functions/src/http/mintFirebaseToken.js';
import { serve } from '../../test-support/inProcessServer.js';
import { interceptValidation, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN, validTokenAnswer, workerSidFor } from '../../test-support/twilioIam.js';
import { summarize, timed, type Summary } from '../measure.js';

export interface TokenMintingResult {
  readonly twilioDelayMs: number;
  readonly cold: Summary;
  readonly warm: Summary;
}

export async function benchTokenMinting(samples: number, twilioDelayMs: number): Promise<TokenMintingResult> {
  process.env['TWILIO_ACCOUNT_SID'] = TEST_ACCOUNT_SID;
  process.env['TWILIO_AUTH_TOKEN'] = TEST_AUTH_TOKEN;
  process.env['ALLOWED_ORIGINS'] ??= 'https://flex.twilio.com';
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
  const server = await serve(handleMintFirebaseToken);
  const mint = async (token: string) => {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    if (response.status !== 200) throw new Error(`mint answered ${response.status}`);
    await response.json();
  };
  try {
    const cold: number[] = [];
    for (let index = 0; index < samples; index += 1) {
      const token = `eyJ${randomBytes(24).toString('base64url')}`;
      interceptValidation(token, validTokenAnswer(['agent'], workerSidFor(`bench-${index}`)), twilioDelayMs);
      cold.push((await timed(() => mint(token))).ms);
    }
    const warmToken = `eyJ${randomBytes(24).toString('base64url')}`;
    interceptValidation(warmToken, validTokenAnswer(['agent'], workerSidFor('bench-warm')), twilioDelayMs);
    await mint(warmToken);
    const warm: number[] = [];
    for (let index = 0; index < samples; index += 1) warm.push((await timed(() => mint(warmToken))).ms);
    return { twilioDelayMs, cold: summarize(cold), warm: summarize(warm) };
  } finally {
    nock.cleanAll();
    nock.enableNetConnect();
    await server.close();
  }
}
