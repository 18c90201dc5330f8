/**
 * The deployment helpers against Twilio's API as nock serves it: nothing
 * leaves this machine, and a dry run changes nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configureFlex } from '../configure-flex.js';
import { CallbackInUseError, configureTaskRouter } from '../configure-taskrouter.js';
import { SettingsError } from '../lib/settings.js';

const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const WORKSPACE_SID = `WS${'2'.repeat(32)}`;
const WEBHOOK = 'https://us-central1-acme.cloudfunctions.net/taskrouterEvents';
const env = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: 'an-auth-token-of-some-length',
  TASKROUTER_WORKSPACE_SID: WORKSPACE_SID,
  TASKROUTER_WEBHOOK_URL: WEBHOOK,
};

const workspace = (eventCallbackUrl: string | null, eventsFilter: string | null) => ({
  sid: WORKSPACE_SID,
  account_sid: ACCOUNT_SID,
  friendly_name: 'Flex Task Assignment',
  event_callback_url: eventCallbackUrl,
  events_filter: eventsFilter,
});

beforeEach(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('configure:taskrouter', () => {
  const lines: string[] = [];
  const log = (line: string) => lines.push(line);
  beforeEach(() => {
    lines.length = 0;
  });

  const FILTER = 'task.completed,reservation.accepted,reservation.wrapup,reservation.completed';

  it('prints the change and changes nothing on a dry run', async () => {
    nock('https://taskrouter.twilio.com').get(`/v1/Workspaces/${WORKSPACE_SID}`).reply(200, workspace(null, null));

    await configureTaskRouter(env, false, log);

    expect(lines.join('\n')).toContain(`(none) → ${WEBHOOK}`);
    expect(lines.join('\n')).toContain(`(none) → ${FILTER}`);
    expect(lines.at(-1)).toMatch(/Dry run/);
  });

  it('sets the callback URL and exactly the events capture needs with --apply', async () => {
    nock('https://taskrouter.twilio.com').get(`/v1/Workspaces/${WORKSPACE_SID}`).reply(200, workspace(null, 'task.completed'));
    nock('https://taskrouter.twilio.com')
      .post(`/v1/Workspaces/${WORKSPACE_SID}`, (body: Record<string, string>) => body['EventCallbackUrl'] === WEBHOOK && body['EventsFilter'] === FILTER)
      .reply(200, workspace(WEBHOOK, FILTER));

    await configureTaskRouter(env, true, log);

    expect(lines.at(-1)).toBe('Applied.');
  });

  it('refuses to replace a callback URL that points elsewhere, saying what is there, and changes nothing', async () => {
    nock('https://taskrouter.twilio.com').get(`/v1/Workspaces/${WORKSPACE_SID}`).reply(200, workspace('https://old.example.com/hook', null));

    const attempt = configureTaskRouter(env, { apply: true }, log);

    await expect(attempt).rejects.toBeInstanceOf(CallbackInUseError);
    await expect(attempt).rejects.toThrow(/https:\/\/old\.example\.com\/hook[\s\S]*--replace/);
  });

  it('takes over a callback URL that points elsewhere with --replace', async () => {
    nock('https://taskrouter.twilio.com').get(`/v1/Workspaces/${WORKSPACE_SID}`).reply(200, workspace('https://old.example.com/hook', null));
    nock('https://taskrouter.twilio.com')
      .post(`/v1/Workspaces/${WORKSPACE_SID}`, (body: Record<string, string>) => body['EventCallbackUrl'] === WEBHOOK && body['EventsFilter'] === FILTER)
      .reply(200, workspace(WEBHOOK, FILTER));

    await configureTaskRouter(env, { apply: true, replace: true }, log);

    expect(lines.join('\n')).toContain(`https://old.example.com/hook → ${WEBHOOK}`);
    expect(lines.at(-1)).toBe('Applied.');
  });

  it('does nothing when the workspace is already right', async () => {
    nock('https://taskrouter.twilio.com').get(`/v1/Workspaces/${WORKSPACE_SID}`).reply(200, workspace(WEBHOOK, FILTER));
    await configureTaskRouter(env, true, log);
    expect(lines.at(-1)).toBe('Nothing to change.');
  });

  it('names every missing or invalid setting before calling Twilio', async () => {
    const attempt = configureTaskRouter({ TWILIO_ACCOUNT_SID: 'nope', TASKROUTER_WEBHOOK_URL: 'http://insecure.example.com' }, false, log);
    await expect(attempt).rejects.toBeInstanceOf(SettingsError);
    await expect(attempt).rejects.toThrow(/TWILIO_ACCOUNT_SID is "nope"[\s\S]*TWILIO_AUTH_TOKEN is not set[\s\S]*TASKROUTER_WORKSPACE_SID is not set[\s\S]*TASKROUTER_WEBHOOK_URL is "http:/);
  });
});

describe('configure:flex', () => {
  const settingsFile = (settings: unknown) => {
    const file = join(mkdtempSync(join(tmpdir(), 'flex-settings-')), 'settings.json');
    writeFileSync(file, JSON.stringify(settings));
    return file;
  };
  const valid = {
    mintTokenUrl: 'https://us-central1-acme.cloudfunctions.net/mintFirebaseToken',
    firebase: { apiKey: 'key', projectId: 'acme' },
    reasonCodes: ['Sale', 'Support'],
  };

  it('keeps the other UI attributes and adds interactionHistory with --apply', async () => {
    nock('https://flex-api.twilio.com').get('/v1/Configuration').reply(200, { account_sid: ACCOUNT_SID, ui_attributes: { colorTheme: { baseName: 'Dark' } } });
    nock('https://flex-api.twilio.com')
      .post('/v1/Configuration', (body: { account_sid: string; ui_attributes: Record<string, unknown> }) =>
        body.account_sid === ACCOUNT_SID &&
        JSON.stringify(body.ui_attributes) === JSON.stringify({ colorTheme: { baseName: 'Dark' }, interactionHistory: valid }),
      )
      .reply(200, { account_sid: ACCOUNT_SID });

    await configureFlex(env, settingsFile(valid), true, () => undefined);
  });

  it('refuses settings the plugin would refuse, naming the key', async () => {
    await expect(configureFlex(env, settingsFile({ firebase: { apiKey: 'k' } }), false, () => undefined)).rejects.toThrow(/interactionHistory\.mintTokenUrl/);
  });
});
