/**
 * The plugin class Flex instantiates. It only reads the configuration and
 * registers features; each feature lives in its own folder, and one that
 * fails to register does not stop the others.
 */
import { CONFIG_KEY, parsePluginConfig, PluginConfigError, readOutcomeSettings, type PluginConfig } from './config/pluginConfig.js';
import { createFirebaseSession } from './data/session.js';
import { registerCompleteGuard } from './features/complete-guard/registerCompleteGuard.js';
import { callerPhoneOf } from './features/history-tab/customerPhone.js';
import { registerConfigurationProblemTab, registerHistoryTab } from './features/history-tab/registerHistoryTab.js';
import { TaskOutcomeWriter } from './features/outcome/taskOutcome.js';
import type { FlexApi, FlexManager, FlexTask } from './flex/flexApi.js';
import { strings } from './strings/index.js';

declare const __PLUGIN_NAME__: string;
declare const __PLUGIN_VERSION__: string;

export class InteractionHistoryPlugin {
  readonly name = __PLUGIN_NAME__;
  readonly uniqueName = __PLUGIN_NAME__;
  readonly version = __PLUGIN_VERSION__;
  readonly dependencies = {};

  init(flex: FlexApi, manager: FlexManager): void {
    const uiAttributes = (manager.serviceConfiguration.ui_attributes ?? {}) as Record<string, unknown>;
    const raw = uiAttributes[CONFIG_KEY];
    let config: PluginConfig | null = null;
    let problems: readonly string[] = [];
    try {
      config = parsePluginConfig(raw);
    } catch (error) {
      problems = error instanceof PluginConfigError ? error.problems : [String(error)];
      console.error(`[${this.name}]`, ...problems);
    }
    // The reason code, comment and guard never depend on the rest of the settings: a broken setting must not let tasks complete without a reason code.
    const { reasonCodes, phoneRegion } = config ?? readOutcomeSettings(raw);
    const callerPhone = (task: FlexTask) => callerPhoneOf(task.attributes, phoneRegion);
    const writer = new TaskOutcomeWriter((taskSid) => flex.TaskHelper.getTaskByTaskSid(taskSid), callerPhone);
    const hasCustomerPhone = (task: FlexTask) => callerPhone(task) !== null;
    const features: Record<string, () => void> = {
      completeGuard: () => registerCompleteGuard(flex, { writer, strings, appliesTo: hasCustomerPhone }),
    };
    if (config) {
      const session = createFirebaseSession(config);
      const signIn = () => void session.signIn(manager.user.token);
      signIn();
      manager.events.addListener('tokenUpdated', ({ token }) => void session.signIn(token));
      const ready = config;
      features['historyTab'] = () => registerHistoryTab(flex, { session, retrySignIn: signIn, config: ready, writer, strings, hasCustomerPhone });
    } else {
      features['historyTab'] = () => registerConfigurationProblemTab(flex, { problems, reasonCodes, writer, strings });
    }
    for (const [feature, register] of Object.entries(features)) {
      try {
        register();
      } catch (error) {
        console.error(`[${this.name}] feature ${feature} failed to register`, error);
      }
    }
  }
}
