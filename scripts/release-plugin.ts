/**
 * Releases the built plugin to Flex through Twilio's Plugins API, the way the
 * Flex Plugins CLI does: a Plugin, a Plugin Version pointing at the hosted
 * bundle, a Configuration holding it with every plugin already live, and a
 * Release of that configuration. Dry run by default; `--apply` releases.
 *
 * The plugin has a second bundle, the supervisor and admin views, which the
 * first loads from beside itself only for those roles (so it is not a Flex
 * plugin of its own, and agents never download it). Before anything is
 * released, the views bundle of the same version must be served there.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… \
 *   PLUGIN_BUNDLE_URL=https://<project>.web.app/plugin-interaction-history.js npm run release:plugin -- [--apply]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import { REPO_ROOT } from '../local-stack/localStack.js';
import { readSettings, TWILIO_SETTINGS } from './lib/settings.js';

export interface ReleasePlan {
  readonly pluginName: string;
  readonly version: string;
  readonly bundleUrl: string;
  /** The supervisor and admin views' bundle, beside the agent bundle. */
  readonly viewsBundleUrl: string;
  /** Plugin versions that stay live beside ours (from the active release). */
  readonly keptVersionSids: readonly string[];
}

export const VIEWS_BUNDLE_FILE = 'plugin-interaction-history-views.js';

/** Checks that the views bundle of this version is served beside the agent bundle (as the plugin will ask for it). */
async function checkViewsBundle(viewsBundleUrl: string, version: string, fetchImpl: typeof fetch): Promise<void> {
  const url = new URL(viewsBundleUrl);
  url.searchParams.set('v', version);
  const response = await fetchImpl(url.href).catch((error: unknown) => {
    throw new Error(`The views bundle could not be fetched from ${url.href}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const body = response.ok ? await response.text() : '';
  if (!response.ok) throw new Error(`The views bundle is not served at ${url.href} (HTTP ${response.status}). Deploy plugin/dist (both bundles) before releasing.`);
  if (!body.includes(JSON.stringify(version))) {
    throw new Error(`The views bundle at ${url.href} is not version ${version}. Deploy the freshly built plugin/dist before releasing.`);
  }
}

export async function releasePlugin(
  env: NodeJS.ProcessEnv,
  apply: boolean,
  log: (line: string) => void = console.log,
  fetchImpl: typeof fetch = fetch,
): Promise<ReleasePlan> {
  const settings = readSettings(env, {
    ...TWILIO_SETTINGS,
    PLUGIN_BUNDLE_URL: { pattern: /^https:\/\/\S+\.js$/, hint: 'the https:// URL of the hosted plugin-interaction-history.js' },
  });
  const { name: pluginName, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'plugin', 'package.json'), 'utf8')) as { name: string; version: string };
  const viewsBundleUrl = new URL(VIEWS_BUNDLE_FILE, settings.PLUGIN_BUNDLE_URL).href;
  await checkViewsBundle(viewsBundleUrl, version, fetchImpl);
  // A one-shot command: no connection to keep alive, and the process ends as soon as it is done.
  const flex = twilio(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, { keepAlive: false }).flexApi.v1;

  const existing = (await flex.plugins.list()).find((plugin) => plugin.uniqueName === pluginName);
  const existingVersion = existing ? (await flex.plugins(existing.sid).pluginVersions.list()).find((entry) => entry.version === version) : undefined;
  if (existingVersion && existingVersion.pluginUrl !== settings.PLUGIN_BUNDLE_URL) {
    throw new Error(`Version ${version} of ${pluginName} already points at ${existingVersion.pluginUrl}. Raise the version in plugin/package.json.`);
  }
  const active = await flex.pluginReleases('Active').fetch().catch(() => null);
  const live = active ? await flex.pluginConfigurations(active.configurationSid).plugins.list() : [];
  const kept = live.filter((plugin) => plugin.pluginSid !== existing?.sid);

  log(`Plugin ${pluginName}: ${existing ? `exists (${existing.sid})` : 'to be created'}`);
  log(`Version ${version}: ${existingVersion ? `exists (${existingVersion.sid})` : `to be created at ${settings.PLUGIN_BUNDLE_URL}`}`);
  log(`Views bundle (supervisors and admins, loaded by the plugin): served at ${viewsBundleUrl}`);
  log(`Other live plugins kept in the new configuration: ${kept.length === 0 ? 'none' : kept.map((plugin) => plugin.uniqueName).join(', ')}`);
  const plan: ReleasePlan = { pluginName, version, bundleUrl: settings.PLUGIN_BUNDLE_URL, viewsBundleUrl, keptVersionSids: kept.map((plugin) => plugin.pluginVersionSid) };
  if (!apply) {
    log('Dry run: nothing changed. Run again with --apply to release.');
    return plan;
  }

  const plugin = existing ?? (await flex.plugins.create({ uniqueName: pluginName, friendlyName: 'Interaction history', description: 'Customer interaction history in the Task Canvas' }));
  const pluginVersion =
    existingVersion ?? (await flex.plugins(plugin.sid).pluginVersions.create({ versionParam: version, pluginUrl: settings.PLUGIN_BUNDLE_URL, private: false }));
  const configuration = await flex.pluginConfigurations.create({
    name: `${pluginName} ${version}`,
    plugins: [...plan.keptVersionSids, pluginVersion.sid].map((sid) => ({ plugin_version: sid })),
  });
  const release = await flex.pluginReleases.create({ configurationId: configuration.sid });
  log(`Released configuration ${configuration.sid} as ${release.sid}.`);
  return plan;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  releasePlugin(process.env, process.argv.includes('--apply')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
