/**
 * On each instance's cold start, check the settings every function shares
 * and log any problem by key name, before a request finds it. (Secrets are
 * checked by the handlers that hold them.) Handlers still refuse to run on a
 * bad setting, with the same message.
 */
import { onInit } from 'firebase-functions/v2/core';
import { readAllowedOrigins, readPhoneRegion, readRetentionDays, TASKROUTER_WEBHOOK_URL } from './config.js';
import * as logs from './logs.js';

export function checkSharedSettings(): string[] {
  const problems: string[] = [];
  const checks: (() => unknown)[] = [
    readPhoneRegion,
    readAllowedOrigins,
    readRetentionDays,
    () => {
      if (TASKROUTER_WEBHOOK_URL.value().trim() === '') throw new Error('Setting TASKROUTER_WEBHOOK_URL is not set.');
    },
  ];
  for (const check of checks) {
    try {
      check();
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}

onInit(() => {
  for (const problem of checkSharedSettings()) logs.configurationProblem(problem);
});
