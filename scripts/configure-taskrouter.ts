/**
 * Points the TaskRouter workspace's event callback at the deployed
 * taskrouterEvents function, with only the events the product handles.
 * Dry run by default: prints what it would change. `--apply` changes it.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TASKROUTER_WORKSPACE_SID=WS… \
 *   TASKROUTER_WEBHOOK_URL=https://…/taskrouterEvents npm run configure:taskrouter -- [--apply]
 */
import twilio from 'twilio';
import { planWorkspaceCallback, type WorkspaceCallback } from './lib/taskrouterWorkspace.js';
import { readSettings, TWILIO_SETTINGS } from './lib/settings.js';

export async function configureTaskRouter(env: NodeJS.ProcessEnv, apply: boolean, log: (line: string) => void = console.log): Promise<WorkspaceCallback> {
  const settings = readSettings(env, {
    ...TWILIO_SETTINGS,
    TASKROUTER_WORKSPACE_SID: { pattern: /^WS[0-9a-f]{32}$/, hint: 'the Flex TaskRouter workspace SID, WS followed by 32 hex digits' },
    TASKROUTER_WEBHOOK_URL: { pattern: /^https:\/\/\S+$/, hint: 'the https:// URL of the deployed taskrouterEvents function' },
  });
  // A one-shot command: no connection to keep alive, and the process ends as soon as it is done.
  const client = twilio(settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, { keepAlive: false });
  const workspace = client.taskrouter.v1.workspaces(settings.TASKROUTER_WORKSPACE_SID);
  const current = await workspace.fetch();
  const plan = planWorkspaceCallback({ eventCallbackUrl: current.eventCallbackUrl, eventsFilter: current.eventsFilter }, settings.TASKROUTER_WEBHOOK_URL);
  log(`Workspace ${current.friendlyName} (${current.sid})`);
  for (const line of plan.describe) log(`  ${line}`);
  if (!plan.changes) {
    log('Nothing to change.');
  } else if (!apply) {
    log('Dry run: nothing changed. Run again with --apply to make these changes.');
  } else {
    await workspace.update({ eventCallbackUrl: plan.target.eventCallbackUrl, eventsFilter: plan.target.eventsFilter });
    log('Applied.');
  }
  return plan.target;
}

if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  configureTaskRouter(process.env, process.argv.includes('--apply')).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
