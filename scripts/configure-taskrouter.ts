/**
 * Points the TaskRouter workspace's event callback at the deployed
 * taskrouterEvents function, with exactly the events capture needs.
 * Dry run by default: prints what it would change. `--apply` changes it. A
 * callback URL that points elsewhere (another integration may rely on it) is
 * never replaced silently: it is named, and `--replace` is needed to take it over.
 *
 *   TWILIO_ACCOUNT_SID=AC… TWILIO_AUTH_TOKEN=… TASKROUTER_WORKSPACE_SID=WS… \
 *   TASKROUTER_WEBHOOK_URL=https://…/taskrouterEvents npm run configure:taskrouter -- [--apply] [--replace]
 */
import twilio from 'twilio';
import { planWorkspaceCallback, type WorkspaceCallback } from './lib/taskrouterWorkspace.js';
import { readSettings, TWILIO_SETTINGS } from './lib/settings.js';

export class CallbackInUseError extends Error {
  constructor(readonly currentUrl: string) {
    super(
      `The workspace's event callback URL is ${currentUrl}, not this webhook. Another integration may rely on it: ` +
        'nothing was changed. Run again with --replace to point it at this webhook instead.',
    );
    this.name = 'CallbackInUseError';
  }
}

export interface ConfigureOptions {
  readonly apply: boolean;
  /** Take over a callback URL that points elsewhere. */
  readonly replace?: boolean;
}

export async function configureTaskRouter(
  env: NodeJS.ProcessEnv,
  options: ConfigureOptions | boolean,
  log: (line: string) => void = console.log,
): Promise<WorkspaceCallback> {
  const { apply, replace = false } = typeof options === 'boolean' ? { apply: options } : options;
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
  if (plan.replacesOtherUrl && !replace) throw new CallbackInUseError(current.eventCallbackUrl);
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
  configureTaskRouter(process.env, { apply: process.argv.includes('--apply'), replace: process.argv.includes('--replace') }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
