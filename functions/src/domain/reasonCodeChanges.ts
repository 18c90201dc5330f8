/**
 * Pure: what changed between two versions of a reason-code list, in the
 * audit trail's terms (one change per field, values as text).
 */
import type { AuditEntry, ReasonCode, ReasonCodeList } from '@interaction-history/model';

type AuditChange = NonNullable<AuditEntry['changes']>[number];

const describeCode = (code: ReasonCode) => JSON.stringify({ label: code.label, active: code.active });

export function reasonCodeListChanges(before: ReasonCodeList | null, after: ReasonCodeList | null): AuditChange[] {
  const changes: AuditChange[] = [];
  const beforeCodes = new Map((before?.codes ?? []).map((code) => [code.id, code]));
  const afterCodes = new Map((after?.codes ?? []).map((code) => [code.id, code]));
  for (const [id, code] of afterCodes) {
    const previous = beforeCodes.get(id);
    if (!previous) changes.push({ field: `codes.${id}`, before: null, after: describeCode(code) });
    else if (previous.label !== code.label || previous.active !== code.active) {
      changes.push({ field: `codes.${id}`, before: describeCode(previous), after: describeCode(code) });
    }
  }
  for (const [id, code] of beforeCodes) {
    if (!afterCodes.has(id)) changes.push({ field: `codes.${id}`, before: describeCode(code), after: null });
  }
  const order = (list: ReasonCodeList | null) => (list?.codes ? JSON.stringify(list.codes.map((code) => code.id)) : null);
  if (order(before) !== order(after)) changes.push({ field: 'order', before: order(before), after: order(after) });
  const required = (list: ReasonCodeList | null) => (list?.reasonCodeRequired === undefined ? null : String(list.reasonCodeRequired));
  if (required(before) !== required(after)) changes.push({ field: 'reasonCodeRequired', before: required(before), after: required(after) });
  return changes;
}
