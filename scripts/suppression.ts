/** `npm run suppression -- --phone <number> [--set | --lift]`: shows, sets or lifts the suppression of a number's recording. */
import { setRecordingSuppression } from '../functions/src/use-cases/dataRights.js';
import { CLI_ACTOR, cliDataRightsContext, cliRegion } from './lib/dataRightsContext.js';
import { parseSuppressionOptions, SUPPRESSION_USAGE } from './lib/dataRightsOptions.js';

async function main(): Promise<void> {
  const options = parseSuppressionOptions(process.argv.slice(2), cliRegion());
  if (options === 'help') {
    console.log(SUPPRESSION_USAGE);
    return;
  }
  const result = await setRecordingSuppression(options.phone, options.suppressed, CLI_ACTOR, cliDataRightsContext());
  const state = result.suppressed ? 'suppressed: events naming it are not recorded' : 'recorded normally';
  console.log(`${result.phone}: ${state}${options.suppressed === undefined ? '' : result.changed ? ' (changed)' : ' (already so)'}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
