/**
 * The admins' reason-code editor: the global list and per-queue lists, each
 * ordered, each code active or retired, and per queue whether a code is
 * required. Writes go straight to Firestore; the rules let only admins write,
 * and agents' forms follow every change live.
 */
import { useState } from 'react';
import type { Firestore } from 'firebase/firestore';
import { GLOBAL_REASON_CODE_LIST_ID, queueSidSchema, tryDecode, type ReasonCode, type ReasonCodeList } from '@interaction-history/model';
import { useLive, useSession } from '../../data/live.js';
import { saveReasonCodeList, subscribeToReasonCodeLists, type StoredReasonCodeList } from '../../data/reasonCodeLists.js';
import type { Decoded } from '../../data/readAll.js';
import { viewsEn as strings } from '../../strings/views.en.js';
import { FailureNotice } from '../../ui/FailureNotice.js';
import { Notice } from '../../ui/Notice.js';
import { styles } from '../../ui/theme.js';
import { useUniqueId } from '../../ui/useUniqueId.js';
import type { StaffViewProps } from '../staff-views/staffViews.js';
import { LiveState } from '../supervisor-dashboard/SupervisorView.js';
import { ReasonCodeListEditor } from './components/ReasonCodeListEditor.js';

export function ReasonCodesView({ session, retrySignIn }: StaffViewProps) {
  const state = useSession(session);
  return (
    <div style={{ ...styles.panel, maxWidth: '60rem' }}>
      <h2 style={{ ...styles.heading, fontSize: '1.5rem' }}>{strings.reasonCodesHeading}</h2>
      <p style={styles.subtle}>{strings.reasonCodesIntro}</p>
      {state.status === 'signingIn' && <p role="status">{strings.connecting}</p>}
      {state.status === 'failed' && (
        <FailureNotice message={strings.signInFailed} retryLabel={strings.retry} onRetry={retrySignIn}>
          <p style={styles.subtle}>{state.message}</p>
        </FailureNotice>
      )}
      {state.status === 'ready' && <Editor db={state.db} uid={state.uid} sessionEpoch={state.epoch} />}
    </div>
  );
}

interface QueueChoice {
  readonly sid: string;
  readonly name: string;
}

function Editor({ db, uid, sessionEpoch }: { readonly db: Firestore; readonly uid: string; readonly sessionEpoch: number }) {
  const id = useUniqueId('reason-code-lists');
  const lists = useLive<Decoded<StoredReasonCodeList>>((onData, onError) => subscribeToReasonCodeLists(db, onData, onError), 'lists', { sessionEpoch });
  const [selected, setSelected] = useState(GLOBAL_REASON_CODE_LIST_ID);
  const [addedQueues, setAddedQueues] = useState<QueueChoice[]>([]);
  return (
    <LiveState live={lists}>
      {({ items, unreadable }) => {
        const stored = new Map(items.map((item) => [item.id, item.list]));
        const queues: QueueChoice[] = [
          ...items.filter((item) => item.list.scope === 'queue').map((item) => ({ sid: item.id, name: item.list.queueName ?? item.id })),
          ...addedQueues.filter((queue) => !stored.has(queue.sid)),
        ];
        const list = stored.get(selected) ?? null;
        const queue = queues.find((candidate) => candidate.sid === selected);
        const save = (write: Partial<Pick<ReasonCodeList, 'reasonCodeRequired'>> & { codes: readonly ReasonCode[] | null }) =>
          saveReasonCodeList(
            db,
            selected,
            uid,
            queue
              ? { scope: 'queue', queueName: queue.name, reasonCodeRequired: write.reasonCodeRequired ?? list?.reasonCodeRequired ?? true, codes: write.codes }
              : { scope: 'global', codes: write.codes },
          );
        return (
          <>
            {unreadable.length > 0 && <Notice tone="info">{strings.unreadable(unreadable.length)}</Notice>}
            <div style={styles.field}>
              <label htmlFor={`${id}-list`} style={styles.label}>
                {strings.listPicker}
              </label>
              <select id={`${id}-list`} value={selected} onChange={(event) => setSelected(event.target.value)} style={{ ...styles.input, width: '20rem' }}>
                <option value={GLOBAL_REASON_CODE_LIST_ID}>{strings.globalList}</option>
                {queues.map((choice) => (
                  <option key={choice.sid} value={choice.sid}>
                    {strings.queueListName(choice.name)}
                  </option>
                ))}
              </select>
            </div>
            {queue && <QueueSettings list={list} onSave={save} globalCodes={stored.get(GLOBAL_REASON_CODE_LIST_ID)?.codes ?? null} />}
            {(!queue || list?.codes) && (
              <ReasonCodeListEditor key={selected} strings={strings} codes={list?.codes ?? null} onSave={(codes) => save({ codes, reasonCodeRequired: list?.reasonCodeRequired })} />
            )}
            <AddQueue
              onAdd={(choice) => {
                setAddedQueues((previous) => [...previous.filter((queue) => queue.sid !== choice.sid), choice]);
                setSelected(choice.sid);
              }}
            />
          </>
        );
      }}
    </LiveState>
  );
}

function QueueSettings({
  list,
  globalCodes,
  onSave,
}: {
  readonly list: ReasonCodeList | null;
  readonly globalCodes: readonly ReasonCode[] | null;
  readonly onSave: (write: { codes: readonly ReasonCode[] | null; reasonCodeRequired?: boolean }) => Promise<void>;
}) {
  const id = useUniqueId('queue-settings');
  const [problem, setProblem] = useState<string | null>(null);
  const required = list?.reasonCodeRequired ?? true;
  const ownList = (list?.codes ?? null) !== null;
  const run = (write: Promise<void>) =>
    write.then(
      () => setProblem(null),
      (error: unknown) => setProblem(strings.saveFailed(error instanceof Error ? error.message : String(error))),
    );
  return (
    <div style={styles.field}>
      <div>
        <input
          id={`${id}-required`}
          type="checkbox"
          checked={required}
          onChange={(event) => void run(onSave({ codes: list?.codes ?? null, reasonCodeRequired: event.target.checked }))}
        />{' '}
        <label htmlFor={`${id}-required`}>{strings.required}</label>
      </div>
      <div>
        <input
          id={`${id}-own`}
          type="checkbox"
          checked={ownList}
          // Starting an own list copies the global one (or starts empty); going back keeps the codes out of use, not deleted from history.
          onChange={(event) => void run(onSave({ codes: event.target.checked ? [...(globalCodes ?? [])] : null, reasonCodeRequired: required }))}
        />{' '}
        <label htmlFor={`${id}-own`}>{strings.ownList}</label>
      </div>
      {!ownList && <p style={styles.subtle}>{strings.usesGlobal}</p>}
      {problem && <Notice tone="error">{problem}</Notice>}
    </div>
  );
}

function AddQueue({ onAdd }: { readonly onAdd: (queue: QueueChoice) => void }) {
  const id = useUniqueId('add-queue');
  const [sid, setSid] = useState('');
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <form
      aria-labelledby={`${id}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        const checked = tryDecode(queueSidSchema, sid.trim());
        setInvalid(!checked.ok);
        if (!checked.ok) return;
        onAdd({ sid: checked.value, name: name.trim() || checked.value });
        setSid('');
        setName('');
      }}
      style={{ ...styles.section, borderBottom: 'none', marginTop: '1.5rem' }}
    >
      <h3 id={`${id}-heading`} style={styles.heading}>
        {strings.addQueueHeading}
      </h3>
      <div style={styles.row}>
        <div style={styles.field}>
          <label htmlFor={`${id}-sid`} style={styles.label}>
            {strings.queueSid}
          </label>
          <input
            id={`${id}-sid`}
            value={sid}
            onChange={(event) => setSid(event.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-error` : undefined}
            style={{ ...styles.input, width: '22rem' }}
          />
          {invalid && (
            <div id={`${id}-error`} style={styles.fieldError}>
              {strings.invalidQueueSid}
            </div>
          )}
        </div>
        <div style={styles.field}>
          <label htmlFor={`${id}-name`} style={styles.label}>
            {strings.queueName}
          </label>
          <input id={`${id}-name`} value={name} onChange={(event) => setName(event.target.value)} style={styles.input} />
        </div>
        <div style={styles.field}>
          <button type="submit" style={styles.secondaryButton}>
            {strings.addQueue}
          </button>
        </div>
      </div>
    </form>
  );
}
