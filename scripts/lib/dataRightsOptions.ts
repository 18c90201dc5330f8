/** The options of `npm run erase`, `npm run export` and `npm run suppression`, parsed and checked without touching anything. */
import { parseArgs } from 'node:util';
import { normalizePhone, type CountryCode } from '@interaction-history/model';

export const ERASE_USAGE = `Erase everything stored about a phone number: profile, interactions, stats,
counting markers, capture-failure records naming it, per-task bookkeeping;
audit entries about the profile keep only a keyed hash of the number.

  npm run erase -- --phone <number> [--dry-run] [--yes] [--suppress]

  --phone <number>   the customer's number (any format; PHONE_DEFAULT_REGION, default US, for national ones)
  --dry-run          count what would be removed, remove nothing
  --suppress         also stop recording this number until an admin lifts it
                     (npm run suppression -- --phone <number> --lift)
  --yes              do not ask for confirmation (for scripts); without it, the
                     command asks you to type the number, and refuses without a terminal
  --help             this text

Against the local emulators: npm run with-emulators -- npm run erase -- --phone ...
Against a real project: GOOGLE_CLOUD_PROJECT=<project-id>, Google credentials
(gcloud auth application-default login), and ERASURE_HASH_KEY set to the
functions' secret of that name.`;

export const EXPORT_USAGE = `Print everything stored about a phone number as one JSON document (and nothing else) on standard output.

  npm run export -- --phone <number> > customer.json

  --phone <number>   the customer's number
  --help             this text`;

export const SUPPRESSION_USAGE = `Show, set or lift the suppression of a number's recording.

  npm run suppression -- --phone <number> [--set | --lift]

  --phone <number>   the number
  --set              stop recording events that name this number
  --lift             record them again
  (neither)          show whether it is suppressed
  --help             this text`;

function phoneOption(raw: string | undefined, region: CountryCode): string {
  if (raw === undefined) throw new Error('--phone <number> is required.');
  const phone = normalizePhone(raw, region);
  if (!phone) throw new Error(`--phone "${raw}" is not a valid phone number.`);
  return phone;
}

const withoutSeparator = (argv: readonly string[]) => argv.filter((argument) => argument !== '--');

export interface EraseOptions {
  readonly phone: string;
  readonly dryRun: boolean;
  readonly yes: boolean;
  readonly suppress: boolean;
}

export function parseEraseOptions(argv: readonly string[], region: CountryCode): EraseOptions | 'help' {
  const { values } = parseArgs({
    args: withoutSeparator(argv),
    options: {
      phone: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      suppress: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return { phone: phoneOption(values.phone, region), dryRun: values['dry-run'], yes: values.yes, suppress: values.suppress };
}

export function parseExportOptions(argv: readonly string[], region: CountryCode): { readonly phone: string } | 'help' {
  const { values } = parseArgs({
    args: withoutSeparator(argv),
    options: { phone: { type: 'string' }, help: { type: 'boolean', default: false } },
    strict: true,
  });
  if (values.help) return 'help';
  return { phone: phoneOption(values.phone, region) };
}

export function parseSuppressionOptions(argv: readonly string[], region: CountryCode): { readonly phone: string; readonly suppressed: boolean | undefined } | 'help' {
  const { values } = parseArgs({
    args: withoutSeparator(argv),
    options: {
      phone: { type: 'string' },
      set: { type: 'boolean', default: false },
      lift: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  if (values.set && values.lift) throw new Error('Choose --set or --lift, not both.');
  return { phone: phoneOption(values.phone, region), suppressed: values.set ? true : values.lift ? false : undefined };
}

/** The erase report, one line per kind, as the command prints it. */
export function describeErasure(counts: Readonly<Record<string, number>>, dryRun: boolean): string {
  const verb = dryRun ? 'would remove' : 'removed';
  const labels: Record<string, string> = {
    profile: 'profile',
    interactions: 'interactions',
    stats: 'stats document',
    countingMarkers: 'counting markers',
    captureFailures: 'capture-failure records',
    taskCaptures: 'per-task capture records',
    otherDocuments: 'other documents keyed by the number',
    auditEntriesRedacted: 'audit entries redacted (number and values replaced by a keyed hash)',
  };
  return Object.entries(counts)
    .map(([kind, count]) => `  ${String(count).padStart(6)}  ${labels[kind] ?? kind}`)
    .join('\n')
    .replace(/^/, `${verb}:\n`);
}
