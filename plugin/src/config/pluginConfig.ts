/**
 * The plugin's settings. Admins set them in Flex's UI attributes under
 * `interactionHistory` (Flex Configuration API), so reason codes, page size
 * and endpoints change without a code change. Missing or invalid keys are
 * reported by name.
 */
import * as z from 'zod/mini';
import {
  DEFAULT_PHONE_REGION,
  DEFAULT_REASON_CODES,
  HISTORY_PAGE_SIZE_MAX,
  isPhoneRegion,
  isTimeZone,
  REASON_CODE_MAX_LENGTH,
  type CountryCode,
} from '@interaction-history/model';

export const CONFIG_KEY = 'interactionHistory';

const url = z.string().check(z.refine((value) => /^https?:\/\/\S+$/.test(value), 'must be an http(s) URL'));

export const pluginConfigSchema = z.object({
  /** The mintFirebaseToken function's URL. */
  mintTokenUrl: url,
  /**
   * Where the admin functions (eraseCustomer, exportCustomer,
   * setRecordingSuppression, fileCaptureFailure) are, e.g. https://us-central1-<project>.cloudfunctions.net.
   * Default: beside mintTokenUrl.
   */
  functionsUrl: z.optional(url),
  /** The Firebase web app configuration (Project settings → Your apps). */
  firebase: z.object({
    apiKey: z.string().check(z.minLength(1)),
    projectId: z.string().check(z.minLength(1)),
    authDomain: z.optional(z.string()),
    appId: z.optional(z.string()),
  }),
  reasonCodes: z._default(
    z.array(z.string().check(z.minLength(1), z.maxLength(REASON_CODE_MAX_LENGTH))).check(z.minLength(1)),
    [...DEFAULT_REASON_CODES],
  ),
  pageSize: z._default(z.int().check(z.minimum(1), z.maximum(HISTORY_PAGE_SIZE_MAX)), 10),
  phoneRegion: z._default(
    z.custom<CountryCode>((value) => typeof value === 'string' && isPhoneRegion(value), 'must be a two-letter region such as US'),
    DEFAULT_PHONE_REGION,
  ),
  /** The contact centre's IANA time zone, in which the dashboard's days are counted (the functions' CENTRE_TIME_ZONE); by default the viewer's. */
  centreTimeZone: z.optional(z.string().check(z.refine(isTimeZone, 'must be an IANA time zone such as Europe/London'))),
  /** Where the supervisor and admin views' bundle is; by default beside the plugin's own bundle. */
  viewsBundleUrl: z.optional(url),
  /** Local development only: connect to the Firebase emulators. */
  emulators: z.optional(
    z.object({
      authUrl: url,
      firestoreHost: z.string(),
      firestorePort: z.int(),
    }),
  ),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export class PluginConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Interaction history plugin configuration: ${problems.join('; ')}`);
    this.name = 'PluginConfigError';
  }
}

export function parsePluginConfig(raw: unknown): PluginConfig {
  const result = z.safeParse(pluginConfigSchema, raw ?? {});
  if (result.success) return result.data;
  throw new PluginConfigError(
    result.error.issues.map((issue) => `${[CONFIG_KEY, ...issue.path.map(String)].join('.')}: ${issue.message}`),
  );
}

/** The URL of one of the product's functions: under `functionsUrl`, or beside the minting function. */
export function functionUrlOf(config: Pick<PluginConfig, 'mintTokenUrl' | 'functionsUrl'>, name: string): string {
  if (config.functionsUrl) return `${config.functionsUrl.replace(/\/+$/, '')}/${name}`;
  return new URL(name, config.mintTokenUrl).toString();
}

/** What the reason code, comment and guard need, read on their own so that they work whatever else is wrong. */
export interface OutcomeSettings {
  readonly reasonCodes: readonly string[];
  readonly phoneRegion: CountryCode;
}

/** The configured reason codes and region when valid, the defaults otherwise: never a reason to fail open. */
export function readOutcomeSettings(raw: unknown): OutcomeSettings {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const reasonCodes = z.safeParse(pluginConfigSchema.shape.reasonCodes, record['reasonCodes']);
  const phoneRegion = z.safeParse(pluginConfigSchema.shape.phoneRegion, record['phoneRegion']);
  return {
    reasonCodes: reasonCodes.success ? reasonCodes.data : [...DEFAULT_REASON_CODES],
    phoneRegion: phoneRegion.success ? phoneRegion.data : DEFAULT_PHONE_REGION,
  };
}
