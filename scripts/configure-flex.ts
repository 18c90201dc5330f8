/**
 * Writes the plugin's settings into Flex's UI attributes (key
 * `interactionHistory`), keeping every other UI attribute. Dry run by default;
 * `--apply` changes it. The settings come from a JSON file and are checked
 * with the plugin's own schema first.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… npm run configure:flex -- plugin-settings.json [--apply]
 */
import { readFileSync } from 'node:fs';
import twilio from 'twilio';
import { CONFIG_KEY, parsePluginConfig } from '../plugin/src/config/pluginConfig.js';
import { readSettings, TWILIO_SETTINGS } from './lib/settings.js';

export async function configureFlex(env: NodeJS.ProcessEnv, settingsFile: string, apply: boolean, log: (line: string) => void = console.log): Promise<void> {
  const credentials = readSettings(env, TWILIO_SETTINGS);
  const pluginSettings = JSON.parse(readFileSync(settingsFile, 'utf8')) as unknown;
  const checked = parsePluginConfig(pluginSettings);
  if (checked.emulators) throw new Error(`${CONFIG_KEY}.emulators is for local development only; remove it before configuring Flex.`);
  // A one-shot command: no connection to keep alive, and the process ends as soon as it is done.
  const client = twilio(credentials.TWILIO_ACCOUNT_SID, credentials.TWILIO_AUTH_TOKEN, { keepAlive: false });
  const configuration = await client.flexApi.v1.configuration().fetch();
  const uiAttributes = (configuration.uiAttributes ?? {}) as Record<string, unknown>;
  const before = JSON.stringify(uiAttributes[CONFIG_KEY] ?? null);
  const after = JSON.stringify(pluginSettings);
  log(`ui_attributes.${CONFIG_KEY}: ${before === after ? 'already as given' : `${before} → ${after}`}`);
  if (before === after) return;
  if (!apply) {
    log('Dry run: nothing changed. Run again with --apply.');
    return;
  }
  await client.flexApi.v1
    .configuration()
    .update({ account_sid: credentials.TWILIO_ACCOUNT_SID, ui_attributes: { ...uiAttributes, [CONFIG_KEY]: pluginSettings } });
  log('Applied.');
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  const [file] = process.argv.slice(2).filter((argument) => !argument.startsWith('--'));
  if (!file) {
    console.error('usage: npm run configure:flex -- <plugin-settings.json> [--apply]');
    process.exitCode = 2;
  } else {
    configureFlex(process.env, file, process.argv.includes('--apply')).catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    });
  }
}
