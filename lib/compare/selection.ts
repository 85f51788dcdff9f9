// The compare selection: provider ids, in the order chosen, at most four. Pure; the panel keeps it in
// browser.storage.session (state/compare-selection.ts).

export const MAX_COMPARE = 4;
export const MIN_COMPARE = 2;
export const COMPARE_STORAGE_KEY = 'compareSelection';

export const LIMIT_MESSAGE = `You can compare up to ${MAX_COMPARE} providers at once. Remove one from the comparison before adding another.`;

const ID = /^[a-z0-9-]{1,100}$/;

/** Whatever storage held, as a clean list: strings that look like ids, no repeats, at most four. */
export function normaliseSelection(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const out: string[] = [];
  for (const v of raw) if (typeof v === 'string' && ID.test(v) && !out.includes(v)) out.push(v);
  return out.slice(0, MAX_COMPARE);
}

export type AddResult = 'added' | 'already' | 'full';

export function addToSelection(ids: readonly string[], id: string): { ids: string[]; result: AddResult } {
  if (ids.includes(id)) return { ids: [...ids], result: 'already' };
  if (ids.length >= MAX_COMPARE) return { ids: [...ids], result: 'full' };
  return { ids: [...ids, id], result: 'added' };
}

export const removeFromSelection = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);

/** Adds several (from a `#/compare/a,b` link) in order; those that do not fit are returned as `dropped`. */
export function mergeIntoSelection(ids: readonly string[], extra: readonly string[]): { ids: string[]; dropped: string[] } {
  let next = [...ids];
  const dropped: string[] = [];
  for (const id of extra) {
    const r = addToSelection(next, id);
    next = r.ids;
    if (r.result === 'full') dropped.push(id);
  }
  return { ids: next, dropped };
}
