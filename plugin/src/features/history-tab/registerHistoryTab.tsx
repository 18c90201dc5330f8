/** Adds the History tab to the Task Canvas of every task that has a customer phone. */
import type { PluginConfig } from '../../config/pluginConfig.js';
import type { FirebaseSession } from '../../data/session.js';
import type { FlexApi, FlexTask } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { HISTORY_TAB_NAME } from '../complete-guard/registerCompleteGuard.js';
import type { ReasonCodeStore } from '../outcome/reasonCodeStore.js';
import type { TaskOutcomeWriter } from '../outcome/taskOutcome.js';
import { HistoryTab, OutcomeOnlyTab, type HistoryTabProps, type OutcomeOnlyTabProps } from './HistoryTab.js';

export interface HistoryTabDependencies {
  readonly session: FirebaseSession;
  readonly retrySignIn: () => void;
  readonly config: PluginConfig;
  readonly writer: TaskOutcomeWriter;
  readonly reasonCodes: ReasonCodeStore;
  readonly strings: Strings;
  readonly hasCustomerPhone: (task: FlexTask) => boolean;
}

export function registerHistoryTab(flex: FlexApi, dependencies: HistoryTabDependencies): void {
  const TaskHistoryTab = flex.withTaskContext<HistoryTabProps>(HistoryTab);
  const { hasCustomerPhone, ...tabProps } = dependencies;
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key={HISTORY_TAB_NAME} uniqueName={HISTORY_TAB_NAME} label={dependencies.strings.tabLabel}>
      <TaskHistoryTab {...tabProps} />
    </flex.Tab>,
    { if: ({ task }) => task !== undefined && hasCustomerPhone(task) },
  );
}

export interface ConfigurationProblemTabDependencies {
  readonly problems: readonly string[];
  readonly reasonCodes: readonly string[];
  readonly writer: TaskOutcomeWriter;
  readonly strings: Strings;
}

/** When the configuration is unusable, the tab still appears, says what to fix, and still asks for the reason code. */
export function registerConfigurationProblemTab(flex: FlexApi, dependencies: ConfigurationProblemTabDependencies): void {
  const TaskOutcomeOnlyTab = flex.withTaskContext<OutcomeOnlyTabProps>(OutcomeOnlyTab);
  flex.TaskCanvasTabs.Content.add(
    <flex.Tab key={HISTORY_TAB_NAME} uniqueName={HISTORY_TAB_NAME} label={dependencies.strings.tabLabel}>
      <TaskOutcomeOnlyTab {...dependencies} />
    </flex.Tab>,
  );
}
