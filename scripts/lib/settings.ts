/** Reads settings for the command-line tools from the environment, naming any missing or invalid key. */
export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`Settings to fix:\n${problems.map((problem) => `  - ${problem}`).join('\n')}\nSee .env.example for what each means.`);
    this.name = 'SettingsError';
  }
}

export interface SettingSpec {
  readonly pattern?: RegExp;
  readonly hint: string;
  readonly optional?: boolean;
}

export function readSettings<K extends string>(env: NodeJS.ProcessEnv, specs: Record<K, SettingSpec>): Record<K, string> {
  const problems: string[] = [];
  const values = {} as Record<K, string>;
  for (const [key, spec] of Object.entries(specs) as [K, SettingSpec][]) {
    const value = env[key]?.trim() ?? '';
    if (value === '') {
      if (!spec.optional) problems.push(`${key} is not set (${spec.hint}).`);
    } else if (spec.pattern && !spec.pattern.test(value)) {
      problems.push(`${key} is "${value}", which is not ${spec.hint}.`);
    }
    values[key] = value;
  }
  if (problems.length > 0) throw new SettingsError(problems);
  return values;
}

export const TWILIO_SETTINGS = {
  TWILIO_ACCOUNT_SID: { pattern: /^AC[0-9a-f]{32}$/, hint: 'the account SID, AC followed by 32 hex digits' },
  TWILIO_AUTH_TOKEN: { pattern: /^\S{16,}$/, hint: "the account's auth token" },
} satisfies Record<string, SettingSpec>;
