/**
 * The supervisors' view (supervisor and admin roles): outcomes by reason code
 * for a period, by queue and by agent; the interactions without an outcome;
 * the capture failures (admins file them under a customer); a customer's
 * history one click away. Everything live, from the aggregates and bounded
 * pages, never from all interactions.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Firestore } from 'firebase/firestore';
import { fileCaptureFailureResponseSchema, NO_AGENT_KEY, NO_QUEUE_KEY, tryDecode, type StaffRole } from '@interaction-history/model';
import type { PluginConfig } from '../../config/pluginConfig.js';
import { useSession, type Live } from '../../data/live.js';
import { strings as agentStrings } from '../../strings/index.js';
import { viewsEn as strings } from '../../strings/views.en.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { PastInteractions } from '../history-tab/PastInteractions.js';
import type { StaffViewProps } from '../staff-views/staffViews.js';
import { BreakdownTable } from './components/BreakdownTable.js';
import { CaptureFailuresList, type FileOutcome } from './components/CaptureFailuresList.js';
import { MissingOutcomesList, type FilterOption } from './components/MissingOutcomesList.js';
import { PeriodPicker } from './components/PeriodPicker.js';
import { ReasonChart } from './components/ReasonChart.js';
import { summarize } from './dashboardSummary.js';
import { dayRange, startOfCentreDay, type Period } from './periods.js';
import { ReconciliationPanel } from './components/ReconciliationPanel.js';
import { useCaptureFailures, useDashboardShards, useMissingOutcomes, useReconciliationStatus } from './useSupervisorData.js';

export const MISSING_PAGE_SIZE = 50;
export const FAILURES_PAGE_SIZE = 50;

const viewerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// The viewer's own time zone, named, so that a time is never ambiguous.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const formatDateTime = (date: Date) => dateTimeFormat.format(date);

export function SupervisorView({ session, retrySignIn, config, callFunction, normalizePhone }: StaffViewProps) {
  const state = useSession(session);
  const [customer, setCustomer] = useState<string | null>(null);
  return (
    <div style={{ ...styles.panel, maxWidth: '72rem' }}>
      {state.status === 'signingIn' && <p role="status">{strings.connecting}</p>}
      {state.status === 'failed' && (
        <FailureNotice message={strings.signInFailed} retryLabel={strings.retry} onRetry={retrySignIn}>
          <p style={styles.subtle}>{state.message}</p>
        </FailureNotice>
      )}
      {state.status === 'ready' &&
        (customer ? (
          <section aria-labelledby="supervisor-customer-history">
            <button type="button" onClick={() => setCustomer(null)} style={styles.secondaryButton}>
              {strings.backToDashboard}
            </button>
            <h2 id="supervisor-customer-history" style={styles.heading}>
              {strings.historyHeading(customer)}
            </h2>
            <PastInteractions db={state.db} phone={customer} pageSize={config.pageSize} sessionEpoch={state.epoch} strings={agentStrings} />
          </section>
        ) : (
          <Dashboard
            db={state.db}
            role={state.role}
            sessionEpoch={state.epoch}
            config={config}
            normalizePhone={normalizePhone}
            onOpenHistory={setCustomer}
            fileUnder={async (taskSid, phone) => {
              try {
                const answer = tryDecode(fileCaptureFailureResponseSchema, await callFunction('fileCaptureFailure', { taskSid, customerPhone: phone }));
                if (!answer.ok) return { ok: false, message: answer.problems.join('; ') };
                return { ok: true, phone: answer.value.customerPhone, already: answer.value.result === 'alreadyFiled' };
              } catch (error) {
                return { ok: false, message: error instanceof Error ? error.message : String(error) };
              }
            }}
          />
        ))}
    </div>
  );
}

interface DashboardProps {
  readonly db: Firestore;
  readonly role: StaffRole;
  readonly sessionEpoch: number;
  readonly config: PluginConfig;
  readonly normalizePhone: (typed: string) => string | null;
  readonly onOpenHistory: (phone: string) => void;
  readonly fileUnder: (taskSid: string, phone: string) => Promise<FileOutcome>;
}

/** Today moves on at midnight in the centre's zone: look again every minute. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function Dashboard({ db, role, sessionEpoch, config, normalizePhone, onOpenHistory, fileUnder }: DashboardProps) {
  const centreZone = config.centreTimeZone ?? viewerTimeZone();
  const [period, setPeriod] = useState<Period>('today');
  const [queue, setQueue] = useState<string | null>(null);
  const [agent, setAgent] = useState<string | null>(null);
  const now = useNow();
  const range = dayRange(period, now, centreZone);
  const since = startOfCentreDay(range.first, centreZone);
  const shards = useDashboardShards(db, range, sessionEpoch);
  const shardItems = shards.status === 'ready' ? shards.value.items : null;
  const summary = useMemo(() => (shardItems ? summarize(shardItems) : null), [shardItems]);
  const missing = useMissingOutcomes(db, { since, queue, workerSid: agent }, MISSING_PAGE_SIZE, sessionEpoch);
  const failures = useCaptureFailures(db, FAILURES_PAGE_SIZE, sessionEpoch);
  const reconciliation = useReconciliationStatus(db, sessionEpoch);

  const queueOptions: FilterOption[] = (summary?.byQueue ?? [])
    .filter((tally) => tally.key !== NO_QUEUE_KEY && tally.name !== null)
    .map((tally) => ({ value: tally.name ?? tally.key, label: tally.name ?? tally.key }));
  const agentOptions: FilterOption[] = (summary?.byAgent ?? [])
    .filter((tally) => tally.key !== NO_AGENT_KEY)
    .map((tally) => ({ value: tally.key, label: tally.name ?? tally.key }));
  // A filter chosen from the list stays offered while it is chosen, even when the period no longer holds it.
  if (queue !== null && !queueOptions.some((option) => option.value === queue)) queueOptions.push({ value: queue, label: queue });
  if (agent !== null && !agentOptions.some((option) => option.value === agent)) agentOptions.push({ value: agent, label: agent });

  return (
    <>
      <h2 style={{ ...styles.heading, fontSize: '1.5rem' }}>{strings.dashboardHeading}</h2>
      <p style={styles.subtle}>{strings.zonesNote(centreZone, viewerTimeZone())}</p>
      <PeriodPicker strings={strings} period={period} onChange={setPeriod} />

      <section aria-label={strings.byReasonHeading} style={styles.section} aria-busy={shards.status === 'ready' && shards.refreshing === true}>
        <LiveState live={shards}>
          {(value) => (
            <>
              {summary && <ReasonChart strings={strings} byReason={summary.byReason} missingOutcome={summary.missingOutcome} total={summary.interactions} />}
              <Unreadable count={value.unreadable.length} />
            </>
          )}
        </LiveState>
      </section>

      {summary && summary.interactions > 0 && (
        <section aria-label={`${strings.byQueueHeading}, ${strings.byAgentHeading}`} style={styles.section}>
          <BreakdownTable strings={strings} caption={strings.byQueueHeading} nameColumn={strings.queueColumn} tallies={summary.byQueue} />
          <BreakdownTable strings={strings} caption={strings.byAgentHeading} nameColumn={strings.agentColumn} tallies={summary.byAgent} />
        </section>
      )}

      <section aria-labelledby="supervisor-missing" style={styles.section}>
        <h3 id="supervisor-missing" style={styles.heading}>
          {strings.missingHeading}
          {summary ? ` (${summary.missingOutcome})` : ''}
        </h3>
        {summary && summary.missingByCompletedReason.length > 0 && (
          <p style={styles.subtle}>
            {strings.missingByCompletedReason}:{' '}
            {summary.missingByCompletedReason.map((entry) => `${entry.label} ${entry.count}`).join(' · ')}
          </p>
        )}
        <LiveState live={missing}>
          {(value) => (
            <>
              <MissingOutcomesList
                strings={strings}
                interactions={value.items}
                queues={queueOptions}
                agents={agentOptions}
                queue={queue}
                agent={agent}
                onQueueChange={setQueue}
                onAgentChange={setAgent}
                onOpenHistory={onOpenHistory}
                formatDateTime={formatDateTime}
                pageSize={MISSING_PAGE_SIZE}
              />
              <Unreadable count={value.unreadable.length} />
            </>
          )}
        </LiveState>
      </section>

      <section aria-labelledby="supervisor-failures" style={styles.section}>
        <h3 id="supervisor-failures" style={styles.heading}>
          {strings.failuresHeading}
        </h3>
        <LiveState live={failures}>
          {(value) => (
            <>
              <CaptureFailuresList
                strings={strings}
                failures={value.items}
                canFile={role === 'admin'}
                normalize={normalizePhone}
                onFile={fileUnder}
                onOpenHistory={onOpenHistory}
                formatDateTime={formatDateTime}
              />
              <Unreadable count={value.unreadable.length} />
            </>
          )}
        </LiveState>
      </section>

      <section aria-labelledby="supervisor-reconciliation" style={styles.section}>
        <h3 id="supervisor-reconciliation" style={styles.heading}>
          {strings.reconciliationHeading}
        </h3>
        <LiveState live={reconciliation}>{(status) => <ReconciliationPanel strings={strings} status={status} formatDateTime={formatDateTime} />}</LiveState>
      </section>
    </>
  );
}

function Unreadable({ count }: { readonly count: number }) {
  return count > 0 ? <Notice tone="info">{strings.unreadable(count)}</Notice> : null;
}

/** Loading, a failure with Try again (saying when the rules refused), or the value. */
export function LiveState<T>({ live, children }: { readonly live: Live<T>; readonly children: (value: T) => ReactNode }) {
  if (live.status === 'loading') return <p role="status">{strings.loading}</p>;
  if (live.status === 'error') {
    const denied = (live.error as { code?: unknown }).code === 'permission-denied';
    return <FailureNotice message={denied ? strings.permissionDenied : strings.loadFailed} retryLabel={strings.retry} onRetry={live.retry} />;
  }
  return <>{children(live.value)}</>;
}
