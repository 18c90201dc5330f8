// Entry of the bundle Flex loads as a classic script: hand the plugin class to Flex.
import { InteractionHistoryPlugin } from './InteractionHistoryPlugin.js';

interface FlexPluginsGlobal {
  Twilio?: { Flex?: { Plugins?: { init(plugin: unknown): void } } };
}

const host = globalThis as unknown as FlexPluginsGlobal;
if (host.Twilio?.Flex?.Plugins) {
  host.Twilio.Flex.Plugins.init(InteractionHistoryPlugin);
} else {
  console.error('[InteractionHistoryPlugin] Twilio.Flex.Plugins is not on this page; the plugin was not loaded.');
}
