// A three-way merge of one saved object's fields (a quote, a cost plan), for when another window saved
// the same item first: fields only one side changed are combined; only a field both sides changed to
// different values is a real conflict the user must see. Nothing is ever decided for the user.
import { deepEqual } from '../deep-equal';
import type { PlanOptions, Quote } from './schema';

type Fields = Record<string, unknown>;

/**
 * `base` is the value both windows started from; `mine` what this window saved; `theirs` what the other
 * window stored. Returns the combined value, or undefined when a field was changed differently on both
 * sides (or one side emptied the whole value while the other edited it).
 */
export function mergeFields<T extends Fields | null>(base: T, mine: T, theirs: T): T | undefined {
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(base, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  if (base === null || mine === null || theirs === null) return undefined;
  const out: Fields = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const b = base[k];
    const m = mine[k];
    const t = theirs[k];
    if (deepEqual(m, b)) out[k] = t;
    else if (deepEqual(t, b) || deepEqual(m, t)) out[k] = m;
    else return undefined;
  }
  return out as T;
}

const EMPTY_QUOTE: Quote = { consultation: null, perSession: null, note: '' };

/** Two quotes merged field by field (no quote = all fields empty); a quote left empty is no quote. */
export function mergeQuotes(base: Quote | null, mine: Quote | null, theirs: Quote | null): Quote | null | undefined {
  const merged = mergeFields<Quote>(base ?? EMPTY_QUOTE, mine ?? EMPTY_QUOTE, theirs ?? EMPTY_QUOTE);
  if (merged === undefined) return undefined;
  return merged.consultation === null && merged.perSession === null && merged.note.trim() === '' ? null : merged;
}

const NO_PLAN: PlanOptions = { initialSessions: null, maintenancePerMonth: null, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false };

/** Two cost plans merged choice by choice (no plan = every choice left empty). */
export function mergePlans(base: PlanOptions | null, mine: PlanOptions | null, theirs: PlanOptions | null): PlanOptions | null | undefined {
  if (deepEqual(base, theirs)) return mine;
  return mergeFields<PlanOptions>(base ?? NO_PLAN, mine ?? NO_PLAN, theirs ?? NO_PLAN);
}
