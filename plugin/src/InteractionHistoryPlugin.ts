/**
 * The plugin class Flex instantiates. It only reads the configuration and
 * registers features; each feature lives in its own folder, and one that
 * fails to register does not stop the others.
 */
import { CONFIG_KEY, parsePluginConfig, PluginConfigError, type PluginConfig } from './config/pluginConfig.js';
import { createFirebaseSession } from './data/session.js';
import { registerCompleteGuard } from './features/complete-guard/registerCompleteGuard.js';
import { callerPhoneOf } from './features/history-tab/customerPhone.js';
import { registerConfigurationProblemTab, registerHistoryTab } from './features/history-tab/registerHistoryTab.js';
import { ReasonCodeStore } from './features/outcome/reasonCodeStore.js';
import { TaskOutcomeWriter } from './features/outcome/taskOutcome.js';
import { callFunction, functionsBaseUrl } from './features/staff-views/callFunction.js';
import { hostFirestore } from './features/staff-views/hostKit.js';
import { createViewsBundleLoader, viewsBundleUrl } from './features/staff-views/loadViewsBundle.js';
import { registerStaffViews } from './features/staff-views/registerStaffViews.js';
import { DEFAULT_REASON_CODES, normalizePhone } from '@interaction-history/model';
import type { FlexApi, FlexManager, FlexTask } from './flex/flexApi.js';
import { strings } from './strings/index.js';

declare const __PLUGIN_NAME__: string;
declare const __PLUGIN_VERSION__: string;

/** This bundle's own URL, known only while the script first runs; the views bundle is served beside it. */
const ownBundleUrl = typeof document !== 'undefined' && document.currentScript instanceof HTMLScriptElement ? document.currentScript.src : undefined;

export class InteractionHistoryPlugin {
  readonly name = __PLUGIN_NAME__;
  readonly uniqueName = __PLUGIN_NAME__;
  readonly version = __PLUGIN_VERSION__;
  readonly dependencies = {};

  init(flex: FlexApi, manager: FlexManager): void {
    let config: PluginConfig;
    try {
      const uiAttributes = (manager.serviceConfiguration.ui_attributes ?? {}) as Record<string, unknown>;
      config = parsePluginConfig(uiAttributes[CONFIG_KEY]);
    } catch (error) {
      const problems = error instanceof PluginConfigError ? error.problems : [String(error)];
      console.error(`[${this.name}]`, ...problems);
      registerConfigurationProblemTab(flex, problems, strings);
      return;
    }

    const session = createFirebaseSession(config);
    const signIn = () => void session.signIn(manager.user.token);
    signIn();
    manager.events.addListener('tokenUpdated', ({ token }) => void session.signIn(token));

    const writer = new TaskOutcomeWriter((taskSid) => flex.TaskHelper.getTaskByTaskSid(taskSid));
    const reasonCodes = new ReasonCodeStore(session, { uiAttributeCodes: config.reasonCodes, defaults: DEFAULT_REASON_CODES });
    const hasCustomerPhone = (task: FlexTask) => callerPhoneOf(task.attributes, config.phoneRegion) !== null;
    const features: Record<string, () => void> = {
      historyTab: () => registerHistoryTab(flex, { session, retrySignIn: signIn, config, writer, reasonCodes, strings, hasCustomerPhone }),
      completeGuard: () =>
        registerCompleteGuard(flex, {
          writer,
          strings,
          appliesTo: hasCustomerPhone,
          reasonCodeRequired: (task) => reasonCodes.current(task.queueSid).required,
        }),
      staffViews: () =>
        registerStaffViews(flex, {
          flexRoles: manager.user.roles,
          loadViews: createViewsBundleLoader({
            url: viewsBundleUrl(this.version, ownBundleUrl, config.viewsBundleUrl),
            version: this.version,
            kit: { firestore: hostFirestore },
          }),
          version: this.version,
          strings,
          session,
          retrySignIn: signIn,
          config,
          normalizePhone: (typed) => normalizePhone(typed, config.phoneRegion),
          callFunction: (name, data) => callFunction(functionsBaseUrl(config.mintTokenUrl, config.functionsUrl), name, data, () => session.idToken()),
        }),
    };
    for (const [feature, register] of Object.entries(features)) {
      try {
        register();
      } catch (error) {
        console.error(`[${this.name}] feature ${feature} failed to register`, error);
      }
    }
  }
}
