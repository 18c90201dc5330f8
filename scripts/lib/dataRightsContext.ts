/**
 * The data-rights commands run the functions' own use cases with the Admin
 * SDK: against the emulators when FIRESTORE_EMULATOR_HOST is set (as
 * `npm run with-emulators` does), otherwise against GOOGLE_CLOUD_PROJECT with
 * Google's application-default credentials.
 */
import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { isPhoneRegion, type CountryCode } from '@interaction-history/model';
import { dataRightsContextFor } from '../../functions/src/http/dataRightsContext.js';
import type { DataRightsContext } from '../../functions/src/use-cases/dataRights.js';
import { PROJECT_ID, readLocalSecrets } from '../../local-stack/localStack.js';

/** Who the audit trail names for the command line. */
export const CLI_ACTOR = { uid: 'cli', role: null } as const;

export function cliRegion(env: NodeJS.ProcessEnv = process.env): CountryCode {
  const region = (env['PHONE_DEFAULT_REGION'] ?? 'US').trim().toUpperCase();
  if (!isPhoneRegion(region)) throw new Error(`PHONE_DEFAULT_REGION is "${region}", not a two-letter region such as US.`);
  return region;
}

/** The erasure registry's key for a command-line tool: ERASURE_HASH_KEY, or the emulators' local one. Any tool that captures events needs it too. */
export function erasureHashKeyFromEnvironment(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['ERASURE_HASH_KEY']?.trim();
  if (configured) return configured;
  if (env['FIRESTORE_EMULATOR_HOST']) {
    const local = readLocalSecrets()['ERASURE_HASH_KEY'];
    if (local) return local;
  }
  throw new Error(
    'Set ERASURE_HASH_KEY to the functions\' secret of that name (npx firebase functions:secrets:access ERASURE_HASH_KEY): the registry names numbers by a hash under that key.',
  );
}

export function cliDataRightsContext(env: NodeJS.ProcessEnv = process.env): DataRightsContext {
  const projectId = env['GCLOUD_PROJECT'] ?? env['GOOGLE_CLOUD_PROJECT'] ?? (env['FIRESTORE_EMULATOR_HOST'] ? PROJECT_ID : undefined);
  if (!projectId) throw new Error('Set GOOGLE_CLOUD_PROJECT to the Firebase project id, or run through `npm run with-emulators --`.');
  const app = getApps()[0] ?? initializeApp({ projectId });
  const db = getFirestore(app);
  return dataRightsContextFor(db, cliRegion(env), erasureHashKeyFromEnvironment(env));
}
