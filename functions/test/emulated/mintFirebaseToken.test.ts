import { randomBytes } from 'node:crypto';
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import { connectAuthEmulator, getAuth, signInWithCustomToken } from 'firebase/auth';
import { connectFirestoreEmulator, doc, getDoc, getFirestore } from 'firebase/firestore';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMintHandlerWith, handleMintFirebaseToken, newMintMemory } from '../../src/http/mintFirebaseToken.js';
import { errorResponseSchema, decode } from '@interaction-history/model';
import { serve } from '../../../test-support/inProcessServer.js';
import { adminFirestore, PROJECT_ID } from '../../../test-support/localStack.js';
import {
  allowOnlyLoopback,
  expiredTokenAnswer,
  interceptGatewayError,
  interceptTwilioError,
  interceptValidation,
  invalidTokenAnswer,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  validTokenAnswer,
  workerSidFor,
} from '../../../test-support/twilioIam.js';

const FLEX = 'https://flex.twilio.com';
let server: Awaited<ReturnType<typeof serve>>;
const apps: FirebaseApp[] = [];

const newFlexToken = () => `eyJ${randomBytes(24).toString('base64url')}`;

async function mint(body: unknown, headers: Record<string, string> = {}) {
  const contentType = typeof body === 'string' && body !== '' ? 'application/x-www-form-urlencoded' : 'application/json';
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': contentType, origin: FLEX, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Signs in to the Auth emulator with the minted token, as the plugin does in the browser. */
async function signIn(firebaseToken: string) {
  const app = initializeApp({ apiKey: 'demo-key', projectId: PROJECT_ID }, `test-${randomBytes(4).toString('hex')}`);
  apps.push(app);
  const auth = getAuth(app);
  connectAuthEmulator(auth, `http://${process.env['FIREBASE_AUTH_EMULATOR_HOST'] ?? ''}`, { disableWarnings: true });
  const credential = await signInWithCustomToken(auth, firebaseToken);
  const db = getFirestore(app);
  const [host, port] = (process.env['FIRESTORE_EMULATOR_HOST'] ?? '').split(':');
  connectFirestoreEmulator(db, host ?? '127.0.0.1', Number(port));
  return { user: credential.user, db };
}

const isJsonObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function payloadOf(jwt: string): Record<string, unknown> {
  const payload: unknown = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
  if (!isJsonObject(payload)) throw new Error(`not a JWT payload: ${jwt}`);
  return payload;
}

beforeAll(async () => {
  process.env['TWILIO_ACCOUNT_SID'] = TEST_ACCOUNT_SID;
  process.env['TWILIO_AUTH_TOKEN'] = TEST_AUTH_TOKEN;
  process.env['ALLOWED_ORIGINS'] = 'http://localhost:3000';
  allowOnlyLoopback();
  server = await serve(handleMintFirebaseToken);
  const db = adminFirestore();
  await db.doc('customers/+14155550188').set({ phone: '+14155550188', firstName: 'Seed', lastName: 'Customer', createdAt: new Date(), createdBy: 'seed' });
  await db.doc(`captureFailures/WT${'9'.repeat(32)}`).set({ reason: 'noValidPhone' });
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending, 'every intercepted Twilio call was made').toEqual([]);
});

afterAll(async () => {
  nock.restore();
  await Promise.all(apps.map((app) => deleteApp(app)));
  await server.close();
});

describe('minting for a valid Flex token', () => {
  it.each([
    ['agent', ['agent'], 'agent'],
    ['supervisor', ['supervisor', 'agent'], 'supervisor'],
    ['admin', ['admin', 'supervisor', 'agent'], 'admin'],
  ])('gives a %s a Firebase session whose claims carry the highest role', async (name, roles, expectedRole) => {
    const token = newFlexToken();
    const workerSid = workerSidFor(name);
    interceptValidation(token, validTokenAnswer(roles, workerSid));

    const response = await mint({ token });

    expect(response.status).toBe(200);
    const firebaseToken = String(response.body['firebaseToken']);
    const { user } = await signIn(firebaseToken);
    expect(user.uid).toBe(workerSid);
    const { claims } = await user.getIdTokenResult();
    expect(claims['role']).toBe(expectedRole);
    expect(claims['workerSid']).toBe(workerSid);
    expect(claims['flexExp']).toBeGreaterThan(Date.now() / 1000);
  });

  it('keeps the claims small and clear of names Firebase reserves', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['admin'], workerSidFor('claims')));

    const { body } = await mint({ token });

    const claims = payloadOf(String(body['firebaseToken']))['claims'] as Record<string, unknown>;
    expect(Object.keys(claims).sort()).toEqual(['flexExp', 'role', 'workerSid']);
    expect(JSON.stringify(claims).length).toBeLessThan(200);
  });

  it('lets the minted agent read customers but not capture failures, as the rules say', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['agent'], workerSidFor('reader')));
    const { db } = await signIn(String((await mint({ token })).body['firebaseToken']));

    expect((await getDoc(doc(db, 'customers/+14155550188'))).get('firstName')).toBe('Seed');
    await expect(getDoc(doc(db, `captureFailures/WT${'9'.repeat(32)}`))).rejects.toMatchObject({ code: 'permission-denied' });
  });

  it('lets a minted supervisor read capture failures', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['supervisor'], workerSidFor('super')));
    const { db } = await signIn(String((await mint({ token })).body['firebaseToken']));

    expect((await getDoc(doc(db, `captureFailures/WT${'9'.repeat(32)}`))).get('reason')).toBe('noValidPhone');
  });

  it('remembers a validation, so a reload does not ask Twilio again', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['agent'], workerSidFor('cached')));

    const first = await mint({ token });
    const second = await mint({ token });

    expect([first.status, second.status]).toEqual([200, 200]);
  });
});

describe('refusals', () => {
  it('refuses an invalid token with 401 and no token', async () => {
    const token = newFlexToken();
    interceptValidation(token, invalidTokenAnswer);
    const response = await mint({ token });
    expect(response.status).toBe(401);
    expect(response.body['firebaseToken']).toBeUndefined();
  });

  it('refuses a token Twilio says has expired', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['agent'], workerSidFor('expired'), new Date(Date.now() - 1000).toISOString()));
    expect((await mint({ token })).status).toBe(401);
  });

  it('refuses with 401, not "retry later", a token Twilio refuses as expired', async () => {
    const token = newFlexToken();
    interceptValidation(token, expiredTokenAnswer);
    const response = await mint({ token });
    expect(response.status).toBe(401);
    expect(response.body['firebaseToken']).toBeUndefined();
  });

  it('answers 500 naming the settings, not blaming the agent, when Twilio refuses this service\'s credentials', async () => {
    const token = newFlexToken();
    interceptTwilioError(token, 401, 20003, 'Authenticate');
    const response = await mint({ token });
    expect(response.status).toBe(500);
    // Vitest types its matchers as `any`; as unknown, it stays an opaque expectation.
    const namesTheSetting: unknown = expect.stringContaining('TWILIO_AUTH_TOKEN');
    expect(response.body).toMatchObject({ error: { code: 'configuration', message: namesTheSetting } });
  });

  it.each([
    [429, 20429, 'Too Many Requests'],
    [500, 20500, 'Internal Server Error'],
    [503, 20503, 'Service Unavailable'],
  ])('answers 503 so that the plugin retries when Twilio answers %i', async (status, code, message) => {
    const token = newFlexToken();
    interceptTwilioError(token, status, code, message);
    expect((await mint({ token })).status).toBe(503);
  });

  it.each([
    ['a guest role', ['guest'], workerSidFor('guest')],
    ['no worker SID', ['agent'], null],
    ['a worker SID that is not a worker', ['agent'], 'US' + 'a'.repeat(32)],
    ['no staff role', ['wfo.full_access'], workerSidFor('norole')],
  ])('refuses a token with %s', async (_label, roles, workerSid) => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(roles, workerSid));
    const response = await mint({ token });
    expect(response.status).toBe(401);
    expect(response.body['firebaseToken']).toBeUndefined();
  });

  it.each([
    ['no body', ''],
    ['a form-encoded body', 'token=abc'],
    ['no token field', { jwt: 'abc' }],
    ['a token that is not text', { token: 42 }],
    ['an empty token', { token: '' }],
  ])('answers 400 to %s', async (_label, body) => {
    expect((await mint(body)).status).toBe(400);
  });

  it('answers 503 at once when Twilio answers with an outage page', async () => {
    const token = newFlexToken();
    interceptGatewayError(token);
    const started = Date.now();
    const response = await mint({ token });
    expect(response.status).toBe(503);
    expect(response.body['firebaseToken']).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('answers 503 after about five seconds when Twilio does not answer', async () => {
    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['agent'], workerSidFor('slow')), 8_000);
    const started = Date.now();

    const response = await mint({ token });

    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
    expect(Date.now() - started).toBeLessThan(7_500);
  }, 20_000);
});

describe('CORS', () => {
  it('answers a preflight from Flex with Flex as the allowed origin', async () => {
    const response = await fetch(server.url, {
      method: 'OPTIONS',
      headers: { origin: FLEX, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(FLEX);
  });

  it('allows an origin configured for local development', async () => {
    const response = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
  });

  it('never allows another origin, and refuses its POST', async () => {
    const preflight = await fetch(server.url, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const response = await mint({ token: newFlexToken() }, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('limits on validation', () => {
  // A server of its own per test, with a small allowance (3 refusals, earned back one per 1,000 s) and a fresh memory.
  let limited: Awaited<ReturnType<typeof serve>>;
  beforeEach(async () => {
    limited = await serve(createMintHandlerWith(newMintMemory({ capacity: 3, refillPerSecond: 0.001 })));
  });
  afterEach(async () => {
    await limited.close();
  });

  async function mintFrom(client: string, token: string) {
    const response = await fetch(limited.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: FLEX, 'x-forwarded-for': client },
      body: JSON.stringify({ token }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  }

  it('a refused token never reaches Twilio twice: the refusal is remembered', async () => {
    const token = newFlexToken();
    const validation = interceptValidation(token, invalidTokenAnswer);

    const first = await mintFrom('198.51.100.1', token);
    // Not intercepted any more: a second call to Twilio would fail as unreachable (503), not 401.
    const second = await mintFrom('198.51.100.2', token);

    expect([first.status, second.status]).toEqual([401, 401]);
    expect(validation.isDone()).toBe(true);
  });

  it('a client with too many tokens refused is answered 429 with Retry-After, without asking Twilio; other clients still sign in', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const token = newFlexToken();
      interceptValidation(token, invalidTokenAnswer);
      expect((await mintFrom('198.51.100.7', token)).status).toBe(401);
    }

    const limitedAnswer = await mintFrom('198.51.100.7', newFlexToken());

    expect(limitedAnswer.status).toBe(429);
    const refusal = decode(errorResponseSchema, limitedAnswer.body, 'the 429 answer');
    expect(refusal.error.code).toBe('rateLimited');
    expect(refusal.error.retryAfterSeconds).toBeGreaterThan(0);
    expect(limitedAnswer.retryAfter).toBe(String(refusal.error.retryAfterSeconds));

    const token = newFlexToken();
    interceptValidation(token, validTokenAnswer(['agent'], workerSidFor('elsewhere')));
    expect((await mintFrom('203.0.113.9', token)).status).toBe(200);
  });

  it('sign-ins that succeed do not use up the allowance of agents who share an address', async () => {
    for (let agent = 0; agent < 5; agent += 1) {
      const token = newFlexToken();
      interceptValidation(token, validTokenAnswer(['agent'], workerSidFor(`shared-${agent}`)));
      expect((await mintFrom('192.0.2.50', token)).status).toBe(200);
    }
    const refusedToken = newFlexToken();
    interceptValidation(refusedToken, invalidTokenAnswer);
    expect((await mintFrom('192.0.2.50', refusedToken)).status).toBe(401);
  });
});

