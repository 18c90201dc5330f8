/**
 * The one way anything from outside (a stored document, a request body, a
 * TaskRouter event) becomes a typed value: through its schema. What does not
 * decode is reported with where it came from (a document path, a payload's
 * name) and every problem, never silently defaulted.
 */
import * as z from 'zod/mini';

/** Any schema of this package: its output type is what the caller gets. */
export type Schema<T> = z.ZodMiniType<T>;

export type DecodeResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

export class DecodeError extends Error {
  constructor(
    /** A document path (`customers/+1415…/interactions/WT…`) or a payload's name (`mint request`). */
    readonly where: string,
    readonly problems: readonly string[],
  ) {
    super(`${where} does not match its schema: ${problems.join('; ')}`);
    this.name = 'DecodeError';
  }
}

/** `field.sub: message` for each issue, `(document)` for the whole value. */
export function describeIssues(issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[]): string[] {
  return issues.map((issue) => `${issue.path.map(String).join('.') || '(whole value)'}: ${issue.message}`);
}

export function tryDecode<T>(schema: Schema<T>, value: unknown): DecodeResult<T> {
  const result = z.safeParse(schema, value);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: describeIssues(result.error.issues) };
}

/** The decoded value, or a DecodeError naming `where`. */
export function decode<T>(schema: Schema<T>, value: unknown, where: string): T {
  const result = tryDecode(schema, value);
  if (!result.ok) throw new DecodeError(where, result.problems);
  return result.value;
}
