/** `npm run export -- --phone <number>`: everything stored about a number, as one JSON document on standard output (and nothing else there). */
import { exportCustomer } from '../functions/src/use-cases/dataRights.js';
import { CLI_ACTOR, cliDataRightsContext, cliRegion } from './lib/dataRightsContext.js';
import { EXPORT_USAGE, parseExportOptions } from './lib/dataRightsOptions.js';

async function main(): Promise<void> {
  const options = parseExportOptions(process.argv.slice(2), cliRegion());
  if (options === 'help') {
    console.error(EXPORT_USAGE);
    return;
  }
  const exported = await exportCustomer(options.phone, CLI_ACTOR, cliDataRightsContext());
  process.stdout.write(`${JSON.stringify(exported, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
