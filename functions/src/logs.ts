/** One function per thing worth logging, with structured fields. Never log tokens, comments or full attributes. */
import { logger } from 'firebase-functions/logger';

export const interactionStored = (taskSid: string, customerPhone: string) =>
  logger.info('interaction stored', { event: 'interactionStored', taskSid, customerPhone });

export const duplicateIgnored = (taskSid: string) =>
  logger.info('duplicate task.completed ignored', { event: 'duplicateIgnored', taskSid });

export const captureFailed = (taskSid: string, reason: string) =>
  logger.warn('TaskRouter event recorded as capture failure', { event: 'captureFailed', taskSid, reason });

export const reservationRecorded = (taskSid: string, eventType: string, workerSid: string, change: string) =>
  logger.info('reservation event recorded', { event: 'reservationRecorded', taskSid, eventType, workerSid, change });

export const eventIgnored = (eventType: string) =>
  logger.debug('TaskRouter event ignored', { event: 'eventIgnored', eventType });

export const signatureRejected = (reason: string) =>
  logger.warn('TaskRouter callback refused', { event: 'signatureRejected', reason });

export const requestFailed = (endpoint: string, code: string, status: number, detail: string) =>
  (status >= 500 ? logger.error : logger.warn)('request failed', { event: 'requestFailed', endpoint, code, status, detail });

export const statsUpdated = (customerPhone: string, taskSid: string, interactionCount: number) =>
  logger.info('customer stats updated', { event: 'statsUpdated', customerPhone, taskSid, interactionCount });

export const statsAlreadyCounted = (customerPhone: string, taskSid: string) =>
  logger.info('interaction already counted', { event: 'statsAlreadyCounted', customerPhone, taskSid });

export const tokenMinted = (workerSid: string, role: string, cached: boolean) =>
  logger.info('firebase token minted', { event: 'tokenMinted', workerSid, role, cached });

export const tokenRefused = (code: string, status: number) =>
  logger.warn('firebase token refused', { event: 'tokenRefused', code, status });

export const documentUnreadable = (path: string, problems: readonly string[]) =>
  logger.error('stored document does not match its schema', { event: 'documentUnreadable', path, problems });

export const configurationProblem = (detail: string) =>
  logger.error('configuration problem', { event: 'configurationProblem', detail });

export const reconciliationProblem = (detail: string) =>
  logger.warn('reconciliation could not take an event', { event: 'reconciliationProblem', detail });

export const reconciliationFinished = (status: {
  readonly trigger: string;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly eventsSeen: number;
  readonly recovered: number;
  readonly errorCount: number;
  readonly unreadableCount: number;
}) =>
  (status.errorCount + status.unreadableCount > 0 ? logger.error : logger.info)('reconciliation finished', {
    event: 'reconciliationFinished',
    trigger: status.trigger,
    windowStart: status.windowStart.toISOString(),
    windowEnd: status.windowEnd.toISOString(),
    eventsSeen: status.eventsSeen,
    recovered: status.recovered,
    errorCount: status.errorCount,
    unreadableCount: status.unreadableCount,
  });

/** Names only the keyed hash, never the erased number. */
export const customerErased = (subject: string, counts: Readonly<Record<string, number>>) =>
  logger.info('customer erased', { event: 'customerErased', subject, ...counts });

export const captureWithheld = (taskSid: string) =>
  logger.info('event withheld: it names an erased or suppressed number', { event: 'captureWithheld', taskSid });

export const interactionWithdrawn = (taskSid: string) =>
  logger.info('interaction withdrawn: stored as an erase of its number registered', { event: 'interactionWithdrawn', taskSid });

export const captureFailureWithdrawn = (path: string) =>
  logger.info('capture failure withdrawn: recorded as an erase of a number it names registered', { event: 'captureFailureWithdrawn', path });

export const statsUncounted = (customerPhone: string, taskSid: string, interactionCount: number) =>
  logger.info('deleted interaction counted out of the stats', { event: 'statsUncounted', customerPhone, taskSid, interactionCount });

export const dashboardSynced = (taskSid: string, result: string) =>
  logger.info('dashboard counters synced with an interaction', { event: 'dashboardSynced', taskSid, result });

export const captureFailureFiled = (taskSid: string, customerPhone: string, adminUid: string, result: string) =>
  logger.info('capture failure filed under a customer', { event: 'captureFailureFiled', taskSid, customerPhone, adminUid, result });

export const reasonCodesAudited = (listId: string, changes: number, added: boolean) =>
  logger.info('reason-code list change audited', { event: 'reasonCodesAudited', listId, changes, added });
export const profileAudited = (customerPhone: string, action: string, actorUid: string) =>
  logger.info('profile change recorded in the audit trail', { event: 'profileAudited', customerPhone, action, actorUid });

export const profileAuditSkipped = (customerPhone: string, reason: string) =>
  logger.info('profile write not recorded', { event: 'profileAuditSkipped', customerPhone, reason });

export const nonCanonicalProfileRemoved = (profileId: string, canonical: string | null) =>
  logger.warn('profile under a non-canonical id removed', { event: 'nonCanonicalProfileRemoved', profileId, canonical });

export const refusalRemembered = (client: string) =>
  logger.info('refused Flex token refused again without asking Twilio', { event: 'refusalRemembered', client });

export const mintRateLimited = (client: string, retryAfterSeconds: number) =>
  logger.warn('too many refused sign-ins from one client', { event: 'mintRateLimited', client, retryAfterSeconds });
