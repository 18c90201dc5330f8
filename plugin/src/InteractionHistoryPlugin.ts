/**
 * The plugin class Flex instantiates. It only reads the configuration and
 * registers features; each feature lives in its own folder, and one that
 * fails to register does not stop the others.
 */
import { CONFIG_KEY, functionUrlOf, parsePluginConfig, PluginConfigError, readOutcomeSettings, type PluginConfig } from './config/pluginConfig.js';
import { createFirebaseSession } from './data/session.js';
import { registerCompleteGuard } from './features/complete-guard/registerCompleteGuard.js';
import { callerPhoneOf } from './features/history-tab/customerPhone.js';
import { registerConfigurationProblemTab, registerHistoryTab } from './features/history-tab/registerHistoryTab.js';
import { ReasonCodeStore } from './features/outcome/reasonCodeStore.js';
import { TaskOutcomeWriter } from './features/outcome/taskOutcome.js';
import { callFunction } from './data/callFunction.js';
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
    // Set once Firebase is configured: a queue's stored list may then say a reason code is not required; until then one is.
    let reasonCodeStore: ReasonCodeStore | null = null;
    const features: Record<string, () => void> = {
      completeGuard: () =>
        registerCompleteGuard(flex, {
          writer,
          strings,
          appliesTo: hasCustomerPhone,
          reasonCodeRequired: (task) => reasonCodeStore?.current(task.queueSid).required ?? true,
        }),
    };
    if (config) {
      const session = createFirebaseSession(config);
      const signIn = () => void session.signIn(manager.user.token);
      signIn();
      manager.events.addListener('tokenUpdated', ({ token }) => void session.signIn(token));
      const ready = config;
      const store = new ReasonCodeStore(session, { uiAttributeCodes: reasonCodes, defaults: DEFAULT_REASON_CODES });
      reasonCodeStore = store;
      features['historyTab'] = () => registerHistoryTab(flex, { session, retrySignIn: signIn, config: ready, writer, reasonCodes: store, strings, hasCustomerPhone });
      features['staffViews'] = () =>
        registerStaffViews(flex, {
          flexRoles: manager.user.roles,
          loadViews: createViewsBundleLoader({
            url: viewsBundleUrl(this.version, ownBundleUrl, ready.viewsBundleUrl),
            version: this.version,
            kit: { firestore: hostFirestore },
          }),
          version: this.version,
          strings,
          session,
          retrySignIn: signIn,
          config: ready,
          normalizePhone: (typed) => normalizePhone(typed, ready.phoneRegion),
          callFunction: (name, data) => callFunction(functionUrlOf(ready, name), data, () => session.idToken()),
        });
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
