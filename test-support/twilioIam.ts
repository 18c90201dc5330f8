/**
 * Recorded-shape answers of Twilio's Flex token validation endpoint
 * (POST https://iam.twilio.com/v1/Accounts/{AccountSid}/Tokens/validate),
 * served by nock so that no test reaches Twilio.
 */
import { createHash } from 'node:crypto';
import nock from 'nock';

export const TEST_ACCOUNT_SID = `AC${'0123456789abcdef'.repeat(2)}`;
export const TEST_AUTH_TOKEN = 'test-auth-token-for-iam-interception';

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

/** A well-formed worker SID that is the same for the same name. */
export const workerSidFor = (name: string) => `WK${createHash('md5').update(name).digest('hex')}`;

export function validTokenAnswer(roles: string[], workerSid: string | null, expiration = inOneHour()) {
  return {
    valid: true,
    code: 0,
    message: null,
    expiration,
    realm_user_id: 'US' + 'a'.repeat(32),
    identity: 'agent@example.com',
    roles,
    worker_sid: workerSid,
    flex_instance_sid: 'GO' + 'b'.repeat(32),
    flex_user_sid: 'FU' + 'c'.repeat(32),
  };
}

export const invalidTokenAnswer = { valid: false, code: 20101, message: 'Invalid Access Token' };
export const expiredTokenAnswer = { valid: false, code: 20104, message: 'Access Token expired or expiration date invalid' };

/** Twilio's REST error body, as it answers a request it will not serve (wrong credentials, rate limit, fault). */
export function interceptTwilioError(token: string, status: number, code: number, message: string): nock.Scope {
  return nock('https://iam.twilio.com')
    .post(`/v1/Accounts/${TEST_ACCOUNT_SID}/Tokens/validate`, { token })
    .reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

/** Intercepts one validation of `token` and answers with `body` after `delayMs`. */
export function interceptValidation(token: string, body: object, delayMs = 0): nock.Scope {
  return nock('https://iam.twilio.com')
    .post(`/v1/Accounts/${TEST_ACCOUNT_SID}/Tokens/validate`, { token })
    .basicAuth({ user: TEST_ACCOUNT_SID, pass: TEST_AUTH_TOKEN })
    .delay(delayMs)
    .reply(200, body);
}

/** What an outage in front of Twilio looks like: a gateway error page instead of JSON. */
export function interceptGatewayError(token: string): nock.Scope {
  return nock('https://iam.twilio.com')
    .post(`/v1/Accounts/${TEST_ACCOUNT_SID}/Tokens/validate`, { token })
    .reply(502, '<html><body>502 Bad Gateway</body></html>', { 'content-type': 'text/html' });
}

/** Only this machine may be reached; anything not intercepted fails the test. */
export function allowOnlyLoopback(): void {
  nock.disableNetConnect();
  nock.enableNetConnect((host) => /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host));
}
