/**
 * The session's own decisions (when to publish what, when to retry, which
 * attempt wins) with Firebase stood in for: a custom token here is the JSON of
 * the claims the minting function would put in it. The emulated suite checks
 * the same session against the real Auth emulator.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInWithCustomToken } from 'firebase/auth';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import { MINT_TIMEOUT_MS } from '../../src/data/mintClient.js';
import { createFirebaseSession, type SessionState } from '../../src/data/session.js';
import { strings } from '../../src/strings/index.js';
import { deferred } from './fakeTask.js';

vi.mock('firebase/app', () => ({ initializeApp: vi.fn(() => ({})) }));
vi.mock('firebase/firestore', () => ({ getFirestore: vi.fn(() => ({ firestore: 'stand-in' })), connectFirestoreEmulator: vi.fn() }));
vi.mock('firebase/auth', () => ({
  initializeAuth: vi.fn(() => ({})),
  inMemoryPersistence: {},
  connectAuthEmulator: vi.fn(),
  signInWithCustomToken: vi.fn((_auth: unknown, token: string) => {
    const claims = JSON.parse(token) as { uid: string; role: string; flexExp: number };
    return Promise.resolve({ user: { uid: claims.uid, getIdTokenResult: () => Promise.resolve({ claims }) } });
  }),
}));

const config = parsePluginConfig({ mintTokenUrl: 'https://example.com/mint', firebase: { apiKey: 'k', projectId: 'p' } });
const nowSeconds = () => Math.floor(Date.now() / 1000);

type Answer = () => Response | Promise<Response>;
/** A minted token for a session whose Flex token expires in `validForSeconds`. */
const token = (uid: string, validForSeconds = 3600): Answer => () =>
  Response.json({ firebaseToken: JSON.stringify({ uid, role: 'agent', flexExp: nowSeconds() + validForSeconds }) });
const outage: Answer = () => Response.json({ error: { message: 'Twilio did not answer in time.' } }, { status: 503 });
/** Never answers, but stops when its request is aborted, as a real fetch does. */
const silence = (init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

/** A session whose minting calls get the given answers in turn (the last one again once they run out). */
function sessionAnswering(...answers: (Answer | 'silence')[]) {
  const fetchCalls: string[] = [];
  const fetchImpl = (async (_url: string, init?: RequestInit) => {
    const answer = answers[Math.min(fetchCalls.length, answers.length - 1)];
    fetchCalls.push(typeof init?.body === 'string' ? init.body : '');
    return answer === 'silence' || !answer ? silence(init) : answer();
  }) as typeof fetch;
  const session = createFirebaseSession(config, fetchImpl);
  const published: SessionState[] = [];
  session.subscribe((state) => published.push(state));
  return { session, fetchCalls, published, statuses: () => published.map((state) => state.status) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z') });
  vi.mocked(signInWithCustomToken).mockClear();
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the plugin session', () => {
  it('signs in with the minted token', async () => {
    const { session } = sessionAnswering(token('WK1'));

    await session.signIn('flex-token');

    expect(session.getState()).toMatchObject({ status: 'ready', uid: 'WK1', role: 'agent', epoch: 1 });
  });

  it('keeps the working session when a renewal fails while it is still valid, and renews it on a later try', async () => {
    const { session, published, fetchCalls } = sessionAnswering(token('WK1'), outage, token('WK1'));
    await session.signIn('flex-token');
    published.length = 0;

    await session.signIn('renewed-flex-token');

    expect(session.getState()).toMatchObject({ status: 'ready', epoch: 1 });
    expect(published).toEqual([]);

    await vi.advanceTimersByTimeAsync(5_000);

    expect(fetchCalls).toHaveLength(3);
    expect(session.getState()).toMatchObject({ status: 'ready', epoch: 2 });
    expect(published.map((state) => state.status)).toEqual(['ready']);
  });

  it('backs off between renewal retries', async () => {
    const { session, fetchCalls } = sessionAnswering(token('WK1'), outage);
    await session.signIn('flex-token');
    await session.signIn('renewed-flex-token');

    await vi.advanceTimersByTimeAsync(5_000);
    expect(fetchCalls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(9_000);
    expect(fetchCalls).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetchCalls).toHaveLength(4);
  });

  it('says sign-in failed when a renewal fails after the session it would renew has expired', async () => {
    const { session } = sessionAnswering(token('WK1', 60), outage);
    await session.signIn('flex-token');
    await vi.advanceTimersByTimeAsync(61_000);

    await session.signIn('renewed-flex-token');

    expect(session.getState()).toEqual({ status: 'failed', message: 'Twilio did not answer in time.' });
  });

  it('says sign-in failed as soon as the kept session expires while renewals keep failing', async () => {
    const { session } = sessionAnswering(token('WK1', 30), outage);
    await session.signIn('flex-token');
    await session.signIn('renewed-flex-token');

    await vi.advanceTimersByTimeAsync(29_000);
    expect(session.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1_000);

    expect(session.getState()).toEqual({ status: 'failed', message: 'Twilio did not answer in time.' });
  });

  it('does not let an older, slower sign-in sign in over a newer one', async () => {
    const olderAnswer = deferred<Response>();
    const { session } = sessionAnswering(() => olderAnswer.promise, token('WK-newer'));

    const older = session.signIn('old-flex-token');
    await session.signIn('new-flex-token');
    olderAnswer.resolve(await token('WK-older')());
    await older;

    expect(signInWithCustomToken).toHaveBeenCalledTimes(1);
    expect(session.getState()).toMatchObject({ status: 'ready', uid: 'WK-newer' });
  });

  it('stops waiting for the minting function after a while, says so, and tries again by itself', async () => {
    const { session, fetchCalls, statuses } = sessionAnswering('silence', token('WK1'));

    void session.signIn('flex-token');
    await vi.advanceTimersByTimeAsync(MINT_TIMEOUT_MS);

    expect(session.getState()).toEqual({ status: 'failed', message: strings.signInTimedOut });

    await vi.advanceTimersByTimeAsync(5_000);

    expect(fetchCalls).toHaveLength(2);
    expect(session.getState()).toMatchObject({ status: 'ready', uid: 'WK1' });
    // The failure stays on screen during the automatic retry: no flicker back to "Connecting…".
    expect(statuses()).toEqual(['signingIn', 'failed', 'ready']);
  });

  it('does not retry by itself a token the minting function refused', async () => {
    const refused: Answer = () => Response.json({ error: { message: 'The Flex token is invalid or expired.' } }, { status: 401 });
    const { session, fetchCalls } = sessionAnswering(refused, token('WK1'));

    await session.signIn('flex-token');
    await vi.advanceTimersByTimeAsync(120_000);

    expect(fetchCalls).toHaveLength(1);
    expect(session.getState()).toEqual({ status: 'failed', message: 'The Flex token is invalid or expired.' });
  });
});
