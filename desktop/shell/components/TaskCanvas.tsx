import React from 'react';
import type { ShellStore, ShellTask } from '../shellStore.js';
import { TaskContext, type StandInFlex } from '../standInFlex.js';

/** Flex's Task Canvas: the task's Info tab, then every tab a plugin registered for it. */
export function TaskCanvas({ flex, store, task, selectedTabName }: { flex: StandInFlex; store: ShellStore; task: ShellTask; selectedTabName: string }) {
  const tabs = [
    { name: 'info', label: 'Info', content: <pre style={{ whiteSpace: 'pre-wrap', padding: 16 }}>{JSON.stringify(task.attributes, null, 2)}</pre> },
    ...flex.registeredTabs
      .filter((tab) => tab.visibleFor(task))
      .map((tab) => ({ name: tab.element.props.uniqueName, label: tab.element.props.label, content: tab.element })),
  ];
  const selected = tabs.find((tab) => tab.name === selectedTabName) ?? tabs[0];
  return (
    <TaskContext.Provider value={task}>
      <section aria-label="Task Canvas" style={{ background: '#fff', border: '1px solid #ccc', borderRadius: 4 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', padding: '8px 16px', borderBottom: '1px solid #ccc' }}>
          <strong>{typeof task.attributes['from'] === 'string' ? task.attributes['from'] : task.taskSid}</strong>
          <button type="button" onClick={() => void flex.Actions.invokeAction('CompleteTask', { sid: task.taskSid, task })}>Complete</button>
        </header>
        <div role="tablist" aria-label="Task tabs" style={{ display: 'flex', gap: 4, padding: '0 16px', borderBottom: '1px solid #ccc' }}>
          {tabs.map((tab) => (
            <button key={tab.name} role="tab" type="button" aria-selected={tab === selected} aria-controls={`panel-${tab.name}`} id={`tab-${tab.name}`}
              onClick={() => store.update({ selectedTabName: tab.name })}
              style={{ padding: '8px 12px', border: 'none', borderBottom: tab === selected ? '3px solid #0263e0' : '3px solid transparent', background: 'none' }}>
              {tab.label}
            </button>
          ))}
        </div>
        {selected && <div role="tabpanel" id={`panel-${selected.name}`} aria-labelledby={`tab-${selected.name}`}>{selected.content}</div>}
      </section>
    </TaskContext.Provider>
  );
}
