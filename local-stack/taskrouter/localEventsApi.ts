/**
 * The local stack's Events REST API: the stand-in server, serving every event
 * of the journal (callbacks delivered or dropped alike), with the local
 * account SID and auth token, and page URLs on Twilio's own origin as the real
 * API gives them, so that what reads it must send every page to
 * TASKROUTER_API_URL itself.
 */
import { LOCAL_TASKROUTER_API_URL, readLocalFunctionsSettings, readLocalSecrets, TASKROUTER_API_PORT, EVENT_JOURNAL } from '../localStack.js';
import { WORKSPACE_SID } from '../standInTaskRouter.js';
import { journalFollower } from './eventJournal.js';
import { startEventsApiServer, type EventsApiServer } from './eventsApiServer.js';
import { TASKROUTER_API_ORIGIN } from './lifecycle.js';

export interface LocalEventsApiOptions {
  /** TASKROUTER_API_PORT unless told otherwise; 0 picks a free port (tests). */
  readonly port?: number;
  readonly journal?: string;
}

export function startLocalEventsApi(options: LocalEventsApiOptions = {}): Promise<EventsApiServer> {
  const secrets = readLocalSecrets();
  return startEventsApiServer({
    accountSid: secrets['TWILIO_ACCOUNT_SID'] ?? '',
    authToken: secrets['TWILIO_AUTH_TOKEN'] ?? '',
    workspaceSids: [WORKSPACE_SID],
    sync: journalFollower(options.journal ?? EVENT_JOURNAL),
    port: options.port ?? TASKROUTER_API_PORT,
    linkOrigin: TASKROUTER_API_ORIGIN,
  });
}

/** The settings reconciliation reads, for the local stack (the same names as in production). */
export function localReconciliationEnv(apiUrl = LOCAL_TASKROUTER_API_URL): Record<string, string> {
  const secrets = readLocalSecrets();
  return {
    TWILIO_ACCOUNT_SID: secrets['TWILIO_ACCOUNT_SID'] ?? '',
    TWILIO_AUTH_TOKEN: secrets['TWILIO_AUTH_TOKEN'] ?? '',
    TASKROUTER_WORKSPACE_SID: WORKSPACE_SID,
    TASKROUTER_API_URL: apiUrl,
    ERASURE_HASH_KEY: secrets['ERASURE_HASH_KEY'] ?? '',
    // The emulated functions' retention, so that what the local reconciler recovers expires as their captures do.
    INTERACTION_RETENTION_DAYS: readLocalFunctionsSettings()['INTERACTION_RETENTION_DAYS'] ?? 'none',
  };
}
