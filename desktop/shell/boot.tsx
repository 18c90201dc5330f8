/**
 * The local agent desktop's entry: sign in as agent, supervisor or admin, ring
 * in a task from any number, work it in a Task Canvas with the plugin's tabs,
 * and complete it through the Flex Actions framework. Completion goes to a
 * stand-in TaskRouter that calls the real webhook.
 *
 * Boot only: the store, the stand-in Flex on `window.Twilio.Flex` (where the
 * plugin bundle looks for it), an optional sign-in from the URL, the render.
 */
import React from 'react';
import ReactDOM from 'react-dom';
import { builtInActions, receiveTransfer, signIn } from './actions.js';
import { Desktop } from './components/Desktop.js';
import { ShellStore, type StandInShell } from './shellStore.js';
import { createStandInFlex, type StandInFlex } from './standInFlex.js';

const store = new ShellStore();
const flex: StandInFlex = createStandInFlex(store, builtInActions(store));
(window as unknown as { Twilio: { Flex: StandInFlex } }).Twilio = { Flex: flex };
// For tests and the curious: what the plugin registered.
(window as unknown as { __standInFlex: StandInFlex }).__standInFlex = flex;
// For tests: the open tasks, and a transfer arriving from another desktop (the shell has no shared TaskRouter).
(window as unknown as { __standInShell: StandInShell }).__standInShell = {
  tasks: () => store.getState().tasks.map(({ taskSid, attributes, channel, queueSid, queueName }) => ({ taskSid, attributes, channel, queueSid, queueName })),
  receiveTransfer: (transferred) => receiveTransfer(store, transferred),
};

const params = new URLSearchParams(window.location.search);
const presetRole = params.get('role');
const presetName = params.get('name');
if ((presetRole === 'agent' || presetRole === 'supervisor' || presetRole === 'admin') && presetName) void signIn(store, flex, presetRole, presetName);

ReactDOM.render(<Desktop store={store} flex={flex} />, document.getElementById('root'));
