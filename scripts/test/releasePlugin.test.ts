/** The plugin release against Twilio's Plugins API as nock serves it. */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { releasePlugin } from '../release-plugin.js';

const API = 'https://flex-api.twilio.com';
const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
const BUNDLE = 'https://acme.web.app/plugin-interaction-history.js';
const env = { TWILIO_ACCOUNT_SID: ACCOUNT_SID, TWILIO_AUTH_TOKEN: 'an-auth-token-of-some-length', PLUGIN_BUNDLE_URL: BUNDLE };
const sid = (prefix: string, digit: string) => `${prefix}${digit.repeat(32)}`;
const page = (key: string, items: object[]) => ({ [key]: items, meta: { key, page: 0, page_size: 50, next_page_url: null, previous_page_url: null, url: `${API}/x`, first_page_url: `${API}/x` } });

const OTHER_PLUGIN = { plugin_sid: sid('FP', '9'), plugin_version_sid: sid('FV', '9'), unique_name: 'plugin-queue-callback', configuration_sid: sid('FJ', '1') };

const VIEWS = 'https://acme.web.app/plugin-interaction-history-views.js';

/** Firebase Hosting serving the views bundle beside the agent bundle, at the given version. */
function hostedViews(version = '0.1.0', status = 200) {
  nock('https://acme.web.app').get('/plugin-interaction-history-views.js').query({ v: '0.1.0' }).reply(status, `var InteractionHistoryViews=function(e){e.version=${JSON.stringify(version)}}({});`);
}

function liveApi({ pluginExists }: { pluginExists: boolean }) {
  hostedViews();
  nock(API)
    .get('/v1/PluginService/Plugins')
    .query(true)
    .reply(200, page('plugins', pluginExists ? [{ sid: sid('FP', '2'), unique_name: 'plugin-interaction-history' }] : []));
  if (pluginExists) nock(API).get(`/v1/PluginService/Plugins/${sid('FP', '2')}/Versions`).query(true).reply(200, page('plugin_versions', []));
  nock(API).get('/v1/PluginService/Releases/Active').reply(200, { sid: sid('FK', '1'), configuration_sid: sid('FJ', '1') });
  nock(API)
    .get(`/v1/PluginService/Configurations/${sid('FJ', '1')}/Plugins`)
    .query(true)
    .reply(200, page('plugins', [OTHER_PLUGIN, ...(pluginExists ? [{ plugin_sid: sid('FP', '2'), plugin_version_sid: sid('FV', '3'), unique_name: 'plugin-interaction-history' }] : [])]));
}

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('release:plugin', () => {
  it('plans without changing anything on a dry run', async () => {
    liveApi({ pluginExists: false });
    const lines: string[] = [];

    const plan = await releasePlugin(env, false, (line) => lines.push(line));

    expect(plan).toMatchObject({ pluginName: 'plugin-interaction-history', bundleUrl: BUNDLE, viewsBundleUrl: VIEWS, keptVersionSids: [OTHER_PLUGIN.plugin_version_sid] });
    expect(lines.at(-1)).toMatch(/Dry run/);
  });

  it('creates the version, a configuration keeping the other live plugins but replacing its own, and a release', async () => {
    liveApi({ pluginExists: true });
    nock(API)
      .post(`/v1/PluginService/Plugins/${sid('FP', '2')}/Versions`, (body: Record<string, string>) => body['PluginUrl'] === BUNDLE && body['Version'] === '0.1.0')
      .reply(201, { sid: sid('FV', '4'), plugin_sid: sid('FP', '2'), version: '0.1.0', plugin_url: BUNDLE });
    nock(API)
      .post('/v1/PluginService/Configurations', (body: { Plugins: string[] | string }) => {
        const plugins = (Array.isArray(body.Plugins) ? body.Plugins : [body.Plugins]).map((entry) => {
          const plugin: unknown = JSON.parse(entry);
          return typeof plugin === 'object' && plugin !== null && 'plugin_version' in plugin ? plugin.plugin_version : undefined;
        });
        return JSON.stringify(plugins) === JSON.stringify([OTHER_PLUGIN.plugin_version_sid, sid('FV', '4')]);
      })
      .reply(201, { sid: sid('FJ', '5') });
    nock(API).post('/v1/PluginService/Releases', { ConfigurationId: sid('FJ', '5') }).reply(201, { sid: sid('FK', '6'), configuration_sid: sid('FJ', '5') });

    await releasePlugin(env, true, () => undefined);
  });

  it('refuses to release while the views bundle of this version is not served beside the plugin', async () => {
    hostedViews('0.0.9');
    await expect(releasePlugin(env, true, () => undefined)).rejects.toThrow(/not version 0\.1\.0/);
    hostedViews('0.1.0', 404);
    await expect(releasePlugin(env, true, () => undefined)).rejects.toThrow(/not served at .*HTTP 404/);
  });

  it('names a missing or wrong bundle URL before calling Twilio', async () => {
    await expect(releasePlugin({ ...env, PLUGIN_BUNDLE_URL: 'http://insecure.example.com/x.js' }, false, () => undefined)).rejects.toThrow(/PLUGIN_BUNDLE_URL/);
  });
});
