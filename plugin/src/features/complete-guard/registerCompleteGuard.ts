/**
 * Flex will not complete a task that has no reason code: the guard aborts
 * `CompleteTask`, says why in a notification, and brings the History tab forward.
 */
import type { FlexApi, FlexTask } from '../../flex/flexApi.js';
import type { Strings } from '../../strings/index.js';
import { hasReasonCode, type TaskOutcomeWriter } from '../outcome/taskOutcome.js';

export const OUTCOME_REQUIRED_NOTIFICATION = 'interactionHistory.outcomeRequired';
export const OUTCOME_SAVE_FAILED_NOTIFICATION = 'interactionHistory.outcomeSaveFailed';
export const HISTORY_TAB_NAME = 'interaction-history';

export interface CompleteGuardDependencies {
  readonly writer: TaskOutcomeWriter;
  readonly strings: Strings;
  /** Only tasks that show the History tab need a reason code there. */
  readonly appliesTo: (task: FlexTask) => boolean;
  /** Whether the task's queue requires a reason code (an admin's per-queue setting); required unless it says no. */
  readonly reasonCodeRequired?: (task: FlexTask) => boolean;
}

export function registerCompleteGuard(flex: FlexApi, { writer, strings, appliesTo, reasonCodeRequired = () => true }: CompleteGuardDependencies): void {
  flex.Notifications.registerNotification({
    id: OUTCOME_REQUIRED_NOTIFICATION,
    content: strings.outcomeRequired,
    type: flex.NotificationType.error,
    closeButton: true,
    timeout: 8000,
  });
  flex.Notifications.registerNotification({
    id: OUTCOME_SAVE_FAILED_NOTIFICATION,
    content: strings.outcomeSaveFailed,
    type: flex.NotificationType.error,
    closeButton: true,
    timeout: 8000,
  });

  flex.Actions.addListener('beforeCompleteTask', async (payload, abort) => {
    const sid = payload.sid ?? payload.taskSid;
    const task = payload.task ?? (sid ? flex.TaskHelper.getTaskByTaskSid(sid) : undefined);
    if (!task || !appliesTo(task)) return;
    try {
      // A comment typed a moment ago must reach the task before TaskRouter reads it.
      await writer.flush(task);
    } catch (error) {
      abort();
      console.error(`[interaction-history] completion of ${task.taskSid} stopped: the outcome could not be saved to the task`, error);
      flex.Notifications.showNotification(OUTCOME_SAVE_FAILED_NOTIFICATION);
      return;
    }
    if (hasReasonCode(writer.current(task)) || !reasonCodeRequired(task)) return;
    abort();
    flex.Notifications.showNotification(OUTCOME_REQUIRED_NOTIFICATION);
    try {
      await flex.Actions.invokeAction('SetComponentState', {
        name: 'AgentTaskCanvasTabs',
        state: { selectedTabName: HISTORY_TAB_NAME },
      });
    } catch (error) {
      // The agent can still open the tab; the reason code must be asked for all the same.
      console.warn('[interaction-history] could not bring the History tab forward', error);
    }
    // After the tab is forward, so that the reason code can take keyboard focus.
    writer.requestOutcome(task.taskSid);
  });
}
