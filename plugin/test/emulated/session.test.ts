/**
 * The plugin's Firebase session against the Auth emulator: the minting
 * function is stood in for by a fetch that answers with tokens the Admin SDK
 * mints (the same claims as mintFirebaseToken), or fails as told.
 */
import { randomBytes } from 'node:crypto';
import { doc, getDoc } from 'firebase/firestore';
import { describe, expect, it } from 'vitest';
import { mintCustomToken } from '../../../test-support/webSession.js';
import { parsePluginConfig } from '../../src/config/pluginConfig.js';
import { createFirebaseSession, type FirebaseSession, type SessionState } from '../../src/data/session.js';
import { strings } from '../../src/strings/index.js';
import { eventually } from '../../../test-support/localStack.js';
import { PROJECT_ID } from '../../../test-support/localStack.js';

const config = () => {
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '').split(':');
  return parsePluginConfig({
    mintTokenUrl: 'http://127.0.0.1:1/mintFirebaseToken',
    firebase: { apiKey: 'demo-key', projectId: PROJECT_ID },
    emulators: { authUrl: `http://${process.env['FIREBASE_AUTH_EMULATOR_HOST'] ?? ''}`, firestoreHost: host, firestorePort: Number(port) },
  });
};
const newWorkerSid = () => `WK${randomBytes(16).toString('hex')}`;

type Answer = () => Response | Promise<Response>;
const tokenAnswer = (token: Promise<string>): Answer => async () => Response.json({ firebaseToken: await token });
const refusal = (status: number, message: string): Answer => () => Response.json({ error: { message } }, { status });

/** A session whose minting calls get the given answers in turn. */
function sessionAnswering(...answers: Answer[]): FirebaseSession & { calls: number } {
  let calls = 0;
  const fetchImpl = (async () => {
    const answer = answers[Math.min(calls, answers.length - 1)];
    calls += 1;
    if (!answer) throw new Error('no answer');
    return answer();
  }) as typeof fetch;
  const session = createFirebaseSession(config(), fetchImpl, `session-test-${randomBytes(6).toString('hex')}`);
  return Object.defineProperty(session, 'calls', { get: () => calls }) as FirebaseSession & { calls: number };
}

const ready = (state: SessionState) => {
  if (state.status !== 'ready') throw new Error(`expected ready, got ${JSON.stringify(state)}`);
  return state;
};

describe('the plugin session', () => {
  it('signs in with the minted token and carries its role', async () => {
    const workerSid = newWorkerSid();
    const session = sessionAnswering(tokenAnswer(mintCustomToken('supervisor', workerSid)));

    await session.signIn('flex-token');

    expect(ready(session.getState())).toMatchObject({ uid: workerSid, role: 'supervisor', epoch: 1 });
  });

  it('says why when the first sign-in is refused', async () => {
    const session = sessionAnswering(refusal(401, 'The Flex token is invalid or expired.'));
    await session.signIn('flex-token');
    expect(session.getState()).toEqual({ status: 'failed', message: 'The Flex token is invalid or expired.' });
  });

  it('keeps trying by itself after an outage, and is ready without the agent pressing Try again', async () => {
    const workerSid = newWorkerSid();
    const session = sessionAnswering(refusal(503, 'Temporarily unavailable; retry later.'), tokenAnswer(mintCustomToken('agent', workerSid)));

    await session.signIn('flex-token');
    expect(session.getState()).toEqual({ status: 'failed', message: 'Temporarily unavailable; retry later.' });
    const published: SessionState[] = [];
    session.subscribe((state) => published.push(state));

    await eventually(() => expect(ready(session.getState()).uid).toBe(workerSid), 15_000);
    // The failure stays on screen during the automatic retry: no flicker to "Connecting…".
    expect(published.map((state) => state.status)).toEqual(['ready']);
  });

  it('does not retry by itself a token that was refused', async () => {
    const session = sessionAnswering(refusal(401, 'The Flex token is invalid or expired.'), tokenAnswer(mintCustomToken('agent', newWorkerSid())));
    await session.signIn('flex-token');
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    expect(session.calls).toBe(1);
    expect(session.getState().status).toBe('failed');
  });

  it('refuses a token without a staff role', async () => {
    const adminSdkGuest = mintCustomToken('guest' as never, newWorkerSid());
    const session = sessionAnswering(tokenAnswer(adminSdkGuest));
    await session.signIn('flex-token');
    expect(session.getState()).toEqual({ status: 'failed', message: strings.noStaffRole });
  });

  it('keeps a working session when a renewal fails, and renews it on the retry', async () => {
    const workerSid = newWorkerSid();
    const session = sessionAnswering(
      tokenAnswer(mintCustomToken('agent', workerSid)),
      refusal(503, 'Twilio did not answer in time.'),
      tokenAnswer(mintCustomToken('agent', workerSid)),
    );
    await session.signIn('flex-token');
    const published: SessionState[] = [];
    session.subscribe((state) => published.push(state));

    await session.signIn('refreshed-flex-token');

    expect(ready(session.getState()).epoch).toBe(1);
    expect(published).toEqual([]);
    await eventually(() => expect(ready(session.getState()).epoch).toBe(2), 15_000);
    expect(session.calls).toBe(3);
    expect(published.map((state) => state.status)).toEqual(['ready']);
  });

  it('lets the newest sign-in win when an older one answers later', async () => {
    const older = newWorkerSid();
    const newer = newWorkerSid();
    let releaseOlder!: () => void;
    const olderHeld = new Promise<void>((resolve) => (releaseOlder = resolve));
    const session = sessionAnswering(
      async () => {
        await olderHeld;
        // Its Flex token has expired since: were it to sign in last, the rules would refuse every read.
        return Response.json({ firebaseToken: await mintCustomToken('agent', older, Math.floor(Date.now() / 1000) - 60) });
      },
      tokenAnswer(mintCustomToken('admin', newer)),
    );

    const first = session.signIn('old-flex-token');
    await session.signIn('new-flex-token');
    releaseOlder();
    await first;

    const state = ready(session.getState());
    expect(state).toMatchObject({ uid: newer, role: 'admin' });
    await expect(getDoc(doc(state.db, 'customerStats/+14155550100'))).resolves.toBeDefined();
  });
});
