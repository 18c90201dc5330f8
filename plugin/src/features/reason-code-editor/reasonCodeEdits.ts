/**
 * The editor's changes to one list, as pure functions: each returns the new
 * codes or a problem in words, never a list the schema would refuse.
 */
import { REASON_CODE_LIST_MAX_CODES, REASON_CODE_MAX_LENGTH, type ReasonCode } from '@interaction-history/model';
import type { ViewStrings } from '../../strings/views.en.js';

export type Edit = { readonly ok: true; readonly codes: ReasonCode[] } | { readonly ok: false; readonly problem: string };

const clean = (label: string) => label.trim().replace(/\s+/g, ' ');

function checkLabel(codes: readonly ReasonCode[], label: string, strings: ViewStrings, exceptId?: string): string | null {
  if (label === '') return strings.emptyLabel;
  // The schema's limit, counted as it counts (UTF-16 code units).
  if (label.length > REASON_CODE_MAX_LENGTH) return strings.tooLong(REASON_CODE_MAX_LENGTH);
  // Retired codes count too: the same words must not mean two codes in history.
  if (codes.some((code) => code.id !== exceptId && code.label.toLocaleLowerCase() === label.toLocaleLowerCase())) return strings.duplicate(label);
  return null;
}

/** A new id: stable across renames, unique within the list. */
export function newCodeId(codes: readonly ReasonCode[], random: () => number = Math.random): string {
  for (;;) {
    const id = `c${Math.floor(random() * 36 ** 8).toString(36)}`;
    if (!codes.some((code) => code.id === id)) return id;
  }
}

export function addCode(codes: readonly ReasonCode[], typed: string, strings: ViewStrings, id = newCodeId(codes)): Edit {
  const label = clean(typed);
  if (codes.length >= REASON_CODE_LIST_MAX_CODES) return { ok: false, problem: strings.tooMany(REASON_CODE_LIST_MAX_CODES) };
  const problem = checkLabel(codes, label, strings);
  return problem ? { ok: false, problem } : { ok: true, codes: [...codes, { id, label, active: true }] };
}

export function renameCode(codes: readonly ReasonCode[], id: string, typed: string, strings: ViewStrings): Edit {
  const label = clean(typed);
  const problem = checkLabel(codes, label, strings, id);
  return problem ? { ok: false, problem } : { ok: true, codes: codes.map((code) => (code.id === id ? { ...code, label } : code)) };
}

export function moveCode(codes: readonly ReasonCode[], id: string, by: -1 | 1): Edit {
  const from = codes.findIndex((code) => code.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= codes.length) return { ok: true, codes: [...codes] };
  const next = [...codes];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return { ok: true, codes: next };
}

export function setActive(codes: readonly ReasonCode[], id: string, active: boolean): Edit {
  return { ok: true, codes: codes.map((code) => (code.id === id ? { ...code, active } : code)) };
}
