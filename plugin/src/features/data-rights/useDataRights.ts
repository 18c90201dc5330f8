/**
 * The admin's data-rights actions on the shown number: whether its recording
 * is suppressed (asked once when shown), export, erase (with or without
 * suppression) and resume. Only this hook calls the endpoints; the panel
 * reads its state.
 */
import { useEffect, useRef, useState } from 'react';
import type { CustomerExport, ErasureCounts } from '@interaction-history/model';
import type { DataRightsClient } from '../../data/dataRightsClient.js';
import type { Strings } from '../../strings/index.js';

export type DataRightsAction = 'export' | 'erase' | 'suppression';

export interface DataRightsMessage {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

export interface DataRightsState {
  /** Null until known (or when it could not be asked). */
  readonly suppressed: boolean | null;
  readonly busy: DataRightsAction | null;
  readonly message: DataRightsMessage | null;
  readonly exportData: () => Promise<void>;
  readonly erase: (suppress: boolean) => Promise<void>;
  readonly setSuppression: (suppressed: boolean) => Promise<void>;
}

/** Hands the export to the admin as a file; the browser's download, replaceable in tests. */
export type SaveFile = (fileName: string, json: string) => void;

export function downloadFile(fileName: string, json: string): void {
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  URL.revokeObjectURL(url);
}

const totalOf = (counts: ErasureCounts) => counts.profile + counts.interactions + counts.stats + counts.countingMarkers + counts.captureFailures + counts.taskCaptures + counts.otherDocuments;

const recordsIn = (exported: CustomerExport) =>
  (exported.profile ? 1 : 0) +
  (exported.stats ? 1 : 0) +
  exported.interactions.length +
  exported.countingMarkers.length +
  exported.captureFailures.length +
  exported.taskCaptures.length +
  exported.otherDocuments.length +
  exported.auditEntries.length;

export function useDataRights(client: DataRightsClient, phone: string, strings: Strings, save: SaveFile = downloadFile): DataRightsState {
  const [suppressed, setSuppressed] = useState<boolean | null>(null);
  const [busy, setBusy] = useState<DataRightsAction | null>(null);
  const [message, setMessage] = useState<DataRightsMessage | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  useEffect(() => {
    let current = true;
    client.suppression({ phone }).then(
      (answer) => {
        if (current) setSuppressed(answer.suppressed);
      },
      (error: unknown) => {
        // The panel still works without it; the cause belongs in the console.
        console.warn(`[interaction-history] could not ask whether ${phone} is suppressed`, error);
      },
    );
    return () => {
      current = false;
    };
  }, [client, phone]);

  const run = async (action: DataRightsAction, work: () => Promise<string>) => {
    setBusy(action);
    setMessage(null);
    try {
      const done = await work();
      if (mounted.current) setMessage({ tone: 'success', text: done });
    } catch (error) {
      if (mounted.current) setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    } finally {
      if (mounted.current) setBusy(null);
    }
  };

  return {
    suppressed,
    busy,
    message,
    exportData: () =>
      run('export', async () => {
        const exported = await client.exportData({ phone });
        save(`customer-${phone.replace(/^\+/, '')}.json`, JSON.stringify(exported, null, 2));
        return strings.dataRights.exported(recordsIn(exported));
      }),
    erase: (suppress) =>
      run('erase', async () => {
        const erased = await client.erase({ phone, suppress });
        if (mounted.current) setSuppressed(erased.suppressed);
        return strings.dataRights.erased(totalOf(erased.counts), erased.suppressed);
      }),
    setSuppression: (next) =>
      run('suppression', async () => {
        const answer = await client.suppression({ phone, suppressed: next });
        if (mounted.current) setSuppressed(answer.suppressed);
        return answer.suppressed ? strings.dataRights.suppressionSet : strings.dataRights.suppressionLifted;
      }),
  };
}
