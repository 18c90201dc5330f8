/**
 * The data-rights panel of the History tab, for admins only: the tab renders
 * it only for an admin session, and the functions refuse anyone else.
 */
import { useMemo } from 'react';
import { functionUrlOf, type PluginConfig } from '../../config/pluginConfig.js';
import { createDataRightsClient, type DataRightsClient } from '../../data/dataRightsClient.js';
import type { Strings } from '../../strings/index.js';
import { DataRightsPanel } from './components/DataRightsPanel.js';
import { useDataRights, type SaveFile } from './useDataRights.js';

export interface DataRightsProps {
  readonly config: Pick<PluginConfig, 'mintTokenUrl' | 'functionsUrl'>;
  readonly idToken: () => Promise<string>;
  readonly phone: string;
  readonly strings: Strings;
}

export function DataRights({ config, idToken, phone, strings }: DataRightsProps) {
  const client = useMemo(() => createDataRightsClient((name) => functionUrlOf(config, name), idToken), [config, idToken]);
  return <DataRightsWithClient client={client} phone={phone} strings={strings} />;
}

export interface DataRightsWithClientProps {
  readonly client: DataRightsClient;
  readonly phone: string;
  readonly strings: Strings;
  /** How an export reaches the admin: a download unless told otherwise. */
  readonly save?: SaveFile;
}

/** The panel driven by a data-rights client: DataRights gives it the functions', tests a stand-in. */
export function DataRightsWithClient({ client, phone, strings, save }: DataRightsWithClientProps) {
  const state = useDataRights(client, phone, strings, save);
  return (
    <DataRightsPanel
      strings={strings}
      phone={phone}
      suppressed={state.suppressed}
      busy={state.busy}
      message={state.message}
      onExport={() => void state.exportData()}
      onErase={(suppress) => void state.erase(suppress)}
      onSetSuppression={(suppressed) => void state.setSuppression(suppressed)}
    />
  );
}
