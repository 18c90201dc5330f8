import { describe, expect, it } from 'vitest';
import { mintFirebaseToken } from '../../src/data/mintClient.js';
import { renewalRetryDelayMs } from '../../src/data/session.js';
import { strings } from '../../src/strings/index.js';

/** A fetch that never answers, but stops when its request is aborted, as a real one does. */
const silentFetch = ((_url: string, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch;

describe('mintFirebaseToken', () => {
  it('gives up with a clear message when the minting function does not answer', async () => {
    await expect(mintFirebaseToken('https://example.com/mint', 'flex-token', silentFetch, 20)).rejects.toThrow(strings.signInTimedOut);
  });

  it('passes on the function\'s own reason for a refusal', async () => {
    const refusing = (() => Promise.resolve(Response.json({ error: { message: 'The Flex token is invalid or expired.' } }, { status: 401 }))) as typeof fetch;
    await expect(mintFirebaseToken('https://example.com/mint', 'flex-token', refusing)).rejects.toThrow('The Flex token is invalid or expired.');
  });

  it('names the HTTP status, in words from the strings module, when a refusal gives no reason', async () => {
    const failing = (() => Promise.resolve(new Response('Bad gateway', { status: 502 }))) as typeof fetch;
    await expect(mintFirebaseToken('https://example.com/mint', 'flex-token', failing)).rejects.toThrow(strings.signInServiceAnswered(502));
  });

  it('treats a 429 as passing and keeps how long the service asked to wait', async () => {
    const limiting = (() =>
      Promise.resolve(
        Response.json({ error: { code: 'rateLimited', message: 'Too many refused sign-ins from this address; try again in 12 s.', retryAfterSeconds: 12 } }, { status: 429 }),
      )) as typeof fetch;
    await expect(mintFirebaseToken('https://example.com/mint', 'flex-token', limiting)).rejects.toMatchObject({
      message: 'Too many refused sign-ins from this address; try again in 12 s.',
      passing: true,
      retryAfterMs: 12_000,
    });
  });

  it('backs off renewals up to a minute', () => {
    expect([1, 2, 3, 4, 5, 10].map(renewalRetryDelayMs)).toEqual([5_000, 10_000, 20_000, 40_000, 60_000, 60_000]);
  });
});
