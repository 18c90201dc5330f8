/**
 * `npm run erase -- --phone <number> [--dry-run] [--yes] [--suppress]`:
 * erases everything stored about a number, as the admin's Erase in the
 * History tab does, and reports what it removed.
 */
import { createInterface } from 'node:readline/promises';
import { eraseCustomer } from '../functions/src/use-cases/dataRights.js';
import { CLI_ACTOR, cliDataRightsContext, cliRegion } from './lib/dataRightsContext.js';
import { describeErasure, ERASE_USAGE, parseEraseOptions } from './lib/dataRightsOptions.js';

async function confirmed(phone: string): Promise<boolean> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`This erases everything stored about ${phone}, for good. Type the number to confirm: `);
    return answer.trim() === phone;
  } finally {
    prompt.close();
  }
}

async function main(): Promise<void> {
  const options = parseEraseOptions(process.argv.slice(2), cliRegion());
  if (options === 'help') {
    console.log(ERASE_USAGE);
    return;
  }
  const context = cliDataRightsContext();
  if (!options.dryRun && !options.yes) {
    if (!process.stdin.isTTY) {
      console.error('Refusing to erase without a terminal to confirm on. Run it in a terminal, or pass --yes to confirm in advance.');
      process.exitCode = 2;
      return;
    }
    const preview = await eraseCustomer(options.phone, { suppress: options.suppress, dryRun: true, actor: CLI_ACTOR }, context);
    console.error(describeErasure(preview.counts, true));
    if (!(await confirmed(options.phone))) {
      console.error('Not confirmed: nothing was erased.');
      process.exitCode = 1;
      return;
    }
  }
  const result = await eraseCustomer(options.phone, { suppress: options.suppress, dryRun: options.dryRun, actor: CLI_ACTOR }, context);
  console.log(`${result.phone}${result.dryRun ? ' (dry run: nothing removed)' : ''}`);
  console.log(describeErasure(result.counts, result.dryRun));
  if (!result.dryRun) {
    console.log(
      result.suppressed
        ? 'Recording of this number is suppressed until an admin lifts it (npm run suppression -- --phone <number> --lift).'
        : 'Calls from this number after now will be recorded again; events of earlier tasks are not.',
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
