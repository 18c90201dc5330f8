import { describe, expect, it, vi } from 'vitest';
import {
  OUTCOME_REQUIRED_NOTIFICATION,
  OUTCOME_SAVE_FAILED_NOTIFICATION,
  registerCompleteGuard,
} from '../../src/features/complete-guard/registerCompleteGuard.js';
import { TaskOutcomeWriter } from '../../src/features/outcome/taskOutcome.js';
import type { ActionPayload, FlexApi, FlexTask, NotificationDefinition } from '../../src/flex/flexApi.js';
import { strings } from '../../src/strings/index.js';
import { FakeTask } from './fakeTask.js';

type Listener = (payload: ActionPayload, abort: () => void) => void | Promise<void>;

/** Just enough of Flex to register the guard, recording what the guard asks of it. */
function recordingFlex(tasks: readonly FlexTask[] = [], { tabSwitchFails = false } = {}) {
  const listeners = new Map<string, Listener[]>();
  const registered: NotificationDefinition[] = [];
  const shown: string[] = [];
  const invoked: { name: string; payload?: object }[] = [];
  const flex: FlexApi = {
    TaskCanvasTabs: { Content: { add: () => undefined } },
    Tab: () => null,
    withTaskContext: () => () => null,
    Actions: {
      addListener: (name, handler) => listeners.set(name, [...(listeners.get(name) ?? []), handler]),
      invokeAction: (name, payload) => {
        invoked.push({ name, payload });
        return tabSwitchFails ? Promise.reject(new Error('SetComponentState failed')) : Promise.resolve();
      },
    },
    Notifications: {
      registerNotification: (notification) => registered.push(notification),
      showNotification: (id) => shown.push(id),
    },
    NotificationType: { error: 'error', information: 'information', success: 'success', warning: 'warning' },
    TaskHelper: { getTaskByTaskSid: (sid) => tasks.find((task) => task.taskSid === sid) },
    SideNav: { Content: { add: () => undefined } },
    SideLink: () => null,
    ViewCollection: { Content: { add: () => undefined } },
    View: () => null,
  };
  /** Runs the beforeCompleteTask listeners as Flex does, reporting whether any aborted. */
  const completeTask = async (payload: ActionPayload) => {
    const abort = vi.fn();
    for (const listener of listeners.get('beforeCompleteTask') ?? []) await listener(payload, abort);
    return { aborted: abort.mock.calls.length > 0, abort };
  };
  return { flex, listeners, registered, shown, invoked, completeTask };
}

const voiceTask = (sid = 'WT0001') => new FakeTask(sid, { from: '+14155550100', conversations: { conversation_id: 'CH1' } });

function guard(options: { tasks?: readonly FlexTask[]; appliesTo?: (task: FlexTask) => boolean; tabSwitchFails?: boolean } = {}) {
  const recorded = recordingFlex(options.tasks, { tabSwitchFails: options.tabSwitchFails ?? false });
  const writer = new TaskOutcomeWriter();
  registerCompleteGuard(recorded.flex, { writer, strings, appliesTo: options.appliesTo ?? (() => true) });
  return { ...recorded, writer };
}

describe('registerCompleteGuard', () => {
  it('registers an error notification for a missing reason code and one for a failed save', () => {
    const { registered } = guard();

    expect(registered).toEqual([
      expect.objectContaining({ id: OUTCOME_REQUIRED_NOTIFICATION, content: strings.outcomeRequired, type: 'error' }),
      expect.objectContaining({ id: OUTCOME_SAVE_FAILED_NOTIFICATION, content: strings.outcomeSaveFailed, type: 'error' }),
    ]);
  });

  it('listens before a task is completed, once', () => {
    const { listeners } = guard();

    expect([...listeners.keys()]).toEqual(['beforeCompleteTask']);
    expect(listeners.get('beforeCompleteTask')).toHaveLength(1);
  });

  it('stops completing a task without a reason code, says why and brings the History tab forward', async () => {
    const task = voiceTask();
    const { completeTask, shown, invoked, writer } = guard();
    const askedFor: string[] = [];
    writer.onOutcomeRequested(task.taskSid, () => askedFor.push(task.taskSid));

    const { aborted, abort } = await completeTask({ task });

    expect(askedFor).toEqual([task.taskSid]);
    expect(aborted).toBe(true);
    expect(abort).toHaveBeenCalledTimes(1);
    expect(shown).toEqual([OUTCOME_REQUIRED_NOTIFICATION]);
    expect(invoked).toEqual([{ name: 'SetComponentState', payload: { name: 'AgentTaskCanvasTabs', state: { selectedTabName: 'interaction-history' } } }]);
  });

  it('stops completing a transferred task whose only reason code was chosen for the task it came from', async () => {
    const task = new FakeTask('WT0002', {
      from: '+14155550100',
      conversations: { outcome: 'Billing' },
      interactionHistory: { comment: 'First agent', customerPhone: '+14155550100', outcomeTaskSid: 'WT0001' },
    });
    const { completeTask, shown } = guard();

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(true);
    expect(shown).toEqual([OUTCOME_REQUIRED_NOTIFICATION]);
  });

  it('lets a task complete whose reason code was chosen for it', async () => {
    const task = new FakeTask('WT0002', { from: '+14155550100', conversations: { outcome: 'Billing' }, interactionHistory: { outcomeTaskSid: 'WT0002' } });
    const { completeTask } = guard();

    expect((await completeTask({ task })).aborted).toBe(false);
  });

  it('still asks the form for the reason code when the History tab cannot be brought forward', async () => {
    const task = voiceTask();
    const { completeTask, shown, writer } = guard({ tabSwitchFails: true });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    const { aborted } = await completeTask({ task });
    warn.mockRestore();

    expect(aborted).toBe(true);
    expect(shown).toEqual([OUTCOME_REQUIRED_NOTIFICATION]);
    expect(writer.isOutcomeRequested(task.taskSid)).toBe(true);
  });

  it('still stops completion when only a comment was entered', async () => {
    const task = voiceTask();
    const { completeTask, shown, writer } = guard();
    await writer.change(task, { comment: 'No answer' }, { saveNow: false });

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(true);
    expect(shown).toEqual([OUTCOME_REQUIRED_NOTIFICATION]);
  });

  it('lets a task with a reason code complete, after writing the reason code to the task', async () => {
    const task = voiceTask();
    const { completeTask, shown, invoked, writer } = guard();
    await writer.change(task, { outcome: 'Billing', comment: 'Typed just now' }, { saveNow: false });
    expect(task.calls).toHaveLength(0);

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(false);
    expect(shown).toEqual([]);
    expect(invoked).toEqual([]);
    expect(task.attributes).toMatchObject({
      conversations: { conversation_id: 'CH1', outcome: 'Billing' },
      interactionHistory: { comment: 'Typed just now' },
    });
  });

  it('lets a task complete whose reason code was already on it when Flex loaded', async () => {
    const task = new FakeTask('WT0002', { from: '+14155550100', conversations: { outcome: 'Other' } });
    const { completeTask, shown } = guard();

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(false);
    expect(shown).toEqual([]);
  });

  it('leaves alone a task that does not show the History tab', async () => {
    const task = voiceTask();
    const appliesTo = vi.fn(() => false);
    const { completeTask, shown, invoked } = guard({ appliesTo });

    const { aborted } = await completeTask({ task });

    expect(appliesTo).toHaveBeenCalledWith(task);
    expect(aborted).toBe(false);
    expect(shown).toEqual([]);
    expect(invoked).toEqual([]);
    expect(task.calls).toEqual([]);
  });

  it('stops completion and says the save failed when the outcome cannot be written to the task', async () => {
    const task = voiceTask();
    const { completeTask, shown, invoked, writer } = guard();
    await writer.change(task, { outcome: 'Billing' }, { saveNow: false });
    task.failNext();

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(true);
    expect(shown).toEqual([OUTCOME_SAVE_FAILED_NOTIFICATION]);
    expect(invoked).toEqual([]);
  });

  it('lets the task complete on the next try once the write succeeds', async () => {
    const task = voiceTask();
    const { completeTask, writer } = guard();
    await writer.change(task, { outcome: 'Billing' }, { saveNow: false });
    task.failNext();
    expect((await completeTask({ task })).aborted).toBe(true);

    const { aborted } = await completeTask({ task });

    expect(aborted).toBe(false);
    expect(task.attributes).toMatchObject({ conversations: { outcome: 'Billing' } });
  });

  it.each(['sid', 'taskSid'] as const)('finds the task through TaskHelper by payload.%s when Flex passes no task', async (key) => {
    const other = voiceTask('WT0009');
    const task = voiceTask('WT0001');
    const { completeTask, shown, writer } = guard({ tasks: [other, task] });
    await writer.change(task, { outcome: 'Billing' }, { saveNow: false });

    const { aborted } = await completeTask({ [key]: 'WT0001' });

    expect(aborted).toBe(false);
    expect(shown).toEqual([]);
    expect(task.calls).toHaveLength(1);
    expect(other.calls).toHaveLength(0);
  });

  it('guards a task found by its sid like any other', async () => {
    const task = voiceTask('WT0001');
    const { completeTask, shown } = guard({ tasks: [task] });

    const { aborted } = await completeTask({ sid: 'WT0001' });

    expect(aborted).toBe(true);
    expect(shown).toEqual([OUTCOME_REQUIRED_NOTIFICATION]);
  });

  it('does nothing when the task cannot be found', async () => {
    const { completeTask, shown } = guard({ tasks: [voiceTask('WT0001')] });

    const { aborted } = await completeTask({ sid: 'WT9999' });

    expect(aborted).toBe(false);
    expect(shown).toEqual([]);
  });
});

describe('registerCompleteGuard with a queue that does not require a reason code', () => {
  it('completes without one on that queue only, and still saves what was typed', async () => {
    const internal = new FakeTask('WT0100', { from: '+14155550100' }, 'auto', `WQ${'17'.repeat(16)}`, 'Internal transfers');
    const sales = new FakeTask('WT0101', { from: '+14155550100' }, 'auto', `WQ${'5a'.repeat(16)}`, 'Sales');
    const recorded = recordingFlex();
    const writer = new TaskOutcomeWriter();
    registerCompleteGuard(recorded.flex, { writer, strings, appliesTo: () => true, reasonCodeRequired: (task) => task.queueSid !== internal.queueSid });
    await writer.change(internal, { comment: 'Passed to billing' }, { saveNow: false });

    expect((await recorded.completeTask({ task: internal })).aborted).toBe(false);
    expect(internal.calls).toHaveLength(1);
    expect((await recorded.completeTask({ task: sales })).aborted).toBe(true);
  });
});
