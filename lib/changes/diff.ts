// What changed in a provider's decision facts since the user saved it: saved snapshot vs the current
// record, field by field, worded plainly, most important first, each with the sources of the new fact.
//
// Rules (tests/unit/changes/diff.test.ts):
//  - No false alarms: equal facts give no change, whatever moved around them (source dates, a price's
//    asOf, the order of prices or locations, notes, labels of a located city).
//  - Prices are matched by identity kind + label (case and spacing ignored); locations by state + city
//    (or + label when there is no city). An unmatched one is "added" or "removed".
//  - unknown → known is new information (kind 'learned'), never a change for the worse. It is ranked
//    after real changes, except a closure or acquisition, which always comes first.
import type { Source, Tri } from '../dataset/schema';
import { formatDate } from '../format/dates';
import { formatPriceRange } from '../format/money';
import { locationSnapshot, priceSnapshot, snapshotOf, type DecisionFacts } from './snapshot';
import type { Change, DecisionSnapshot, Delivery, InsuranceAccepted, LocationSnapshot, PriceSnapshot, StatusSnapshot, TriField } from './schema';

export type { Change, ChangeKind, ChangeField, TriField } from './schema';

/** Lower comes first. */
export const PRIORITY = {
  /** Closed or acquired: the user must not book on old facts. */
  closure: 0,
  /** Any other status change (not accepting, not yet open, reopened, now unknown). */
  status: 1,
  /** Prices and locations added, removed or changed. */
  costAndPlace: 2,
  /** Insurance, Medicare/Medicaid, HSA/FSA, CareCredit, delivery. */
  payment: 3,
  /** Something unknown is now known (other than a closure or acquisition). */
  learned: 4,
} as const;

// ---- wording ----

const since = (date: string | null) => (date ? ` (since ${formatDate(date)})` : '');

const STATE_NOW: Record<StatusSnapshot['state'], string> = {
  operating: 'Now operating',
  'not-accepting': 'Now not accepting new patients',
  'not-yet-open': 'Now listed as not yet open',
  closed: 'Now closed',
  acquired: 'Acquired: now under new ownership',
  unknown: 'Current status now unknown',
};

const STATE_WAS: Record<StatusSnapshot['state'], string> = {
  operating: 'operating',
  'not-accepting': 'not accepting new patients',
  'not-yet-open': 'not yet open',
  closed: 'closed',
  acquired: 'acquired',
  unknown: 'unknown',
};

const PRICE_NOUN: Record<PriceSnapshot['kind'], string> = {
  consultation: 'Consultation price',
  session: 'Price per session',
  package: 'Package price',
  monthly: 'Monthly price',
  other: 'Other fee',
};

const INSURANCE_WORD: Record<InsuranceAccepted, string> = {
  yes: 'accepted',
  no: 'not accepted',
  some: 'accepted for some services or plans',
  unknown: 'unknown',
};

const DELIVERY_WORD: Record<Delivery, string> = {
  'in-clinic': 'in clinic',
  'at-home': 'at home',
  both: 'in clinic and at home',
  unknown: 'unknown',
};

const TRI_NAME: Record<TriField, string> = { medicare: 'Medicare', medicaid: 'Medicaid', hsaFsa: 'HSA/FSA', careCredit: 'CareCredit' };

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function amount(p: PriceSnapshot): string {
  const range = formatPriceRange(p.low, p.high);
  return p.kind === 'package' && p.sessions ? `${range} for ${p.sessions} sessions` : range;
}

const priceUnknown = (p: PriceSnapshot) => p.low === null && p.high === null;

/** "Denver, CO", or the location's own label ("Dallas / Plano area, TX"): as the card shows it. */
export function placeName(l: LocationSnapshot): string {
  return `${l.label ?? l.city ?? 'City not shown'}, ${l.state}`;
}

// ---- identity ----

const norm = (s: string | null) => (s ?? '').trim().replace(/\s+/g, ' ').toLowerCase();
const priceKey = (p: PriceSnapshot) => `${p.kind}\u0000${norm(p.label)}`;
const locationKey = (l: LocationSnapshot) => `${l.state}\u0000${norm(l.city)}\u0000${l.city ? '' : norm(l.label)}`;

/**
 * Pairs saved and current entries by key; duplicates of one key pair up in order. Returns the pairs in
 * the current order, then the removed ones in saved order.
 */
function pairUp<T>(saved: readonly T[], current: readonly T[], key: (t: T) => string): { old: T | null; new: T | null; index: number }[] {
  const pool = new Map<string, number[]>();
  saved.forEach((s, i) => {
    const k = key(s);
    const list = pool.get(k);
    if (list) list.push(i);
    else pool.set(k, [i]);
  });
  const matched = new Set<number>();
  const out: { old: T | null; new: T | null; index: number }[] = current.map((c, index) => {
    const i = pool.get(key(c))?.shift();
    if (i === undefined) return { old: null, new: c, index };
    matched.add(i);
    return { old: saved[i]!, new: c, index };
  });
  saved.forEach((s, i) => {
    if (!matched.has(i)) out.push({ old: s, new: null, index: -1 });
  });
  return out;
}

// ---- the diff ----

function statusChange(old: StatusSnapshot, now: StatusSnapshot, sources: Source[]): Change | null {
  const urgent = now.state === 'closed' || now.state === 'acquired';
  if (old.state !== now.state) {
    const learned = old.state === 'unknown';
    let text: string;
    if (learned && !urgent) text = `Status: was unknown, now ${STATE_WAS[now.state]}${since(now.since)}`;
    else if (now.state === 'operating' && old.state === 'closed') text = `Operating again${since(now.since)}`;
    else if (now.state === 'operating' || now.state === 'unknown') text = `${STATE_NOW[now.state]} (was ${STATE_WAS[old.state]})`;
    else text = `${STATE_NOW[now.state]}${since(now.since)}`;
    const priority = urgent ? PRIORITY.closure : learned ? PRIORITY.learned : PRIORITY.status;
    return { field: 'status', kind: learned ? 'learned' : 'changed', old, new: now, text, priority, sources };
  }
  // Same state: only the date can differ. "Since" of an operating or unknown business says nothing
  // about booking; a date dropped or made coarser is not news either.
  if (now.state === 'operating' || now.state === 'unknown') return null;
  if (old.since === now.since || now.since === null || (old.since !== null && old.since.startsWith(now.since))) return null;
  const label = `${STATE_WAS[now.state].charAt(0).toUpperCase()}${STATE_WAS[now.state].slice(1)}`;
  if (old.since === null || now.since.startsWith(old.since)) {
    return { field: 'status', kind: 'learned', old, new: now, text: `${label} since ${formatDate(now.since)} (date now known)`, priority: PRIORITY.learned, sources };
  }
  return {
    field: 'status',
    kind: 'changed',
    old,
    new: now,
    text: `${label} since ${formatDate(now.since)} (was given as ${formatDate(old.since)})`,
    priority: PRIORITY.status,
    sources,
  };
}

function priceChanges(saved: readonly PriceSnapshot[], current: DecisionFacts): Change[] {
  const now = current.prices.map((p) => ({ snap: priceSnapshot(p), sources: p.sources }));
  const count = (list: readonly PriceSnapshot[], kind: PriceSnapshot['kind']) => list.filter((p) => p.kind === kind).length;
  const ambiguous = (kind: PriceSnapshot['kind']) =>
    kind === 'other' || count(saved, kind) > 1 || count(now.map((n) => n.snap), kind) > 1;
  const noun = (p: PriceSnapshot, withLabel: boolean) => (withLabel ? `${PRICE_NOUN[p.kind]} (${p.label})` : PRICE_NOUN[p.kind]);

  const out: Change[] = [];
  for (const pair of pairUp(saved, now.map((n) => n.snap), priceKey)) {
    const sources = pair.index >= 0 ? now[pair.index]!.sources : current.sources;
    const base = { field: 'price' as const, old: pair.old, new: pair.new, sources };
    if (pair.old && pair.new) {
      const { old: o, new: n } = pair;
      if (o.low === n.low && o.high === n.high && o.sessions === n.sessions) continue; // asOf, label case: not news
      const what = noun(n, ambiguous(n.kind));
      if (priceUnknown(o)) {
        out.push({ ...base, kind: 'learned', text: `${what} now published: ${amount(n)}`, priority: PRIORITY.learned });
      } else if (priceUnknown(n)) {
        out.push({ ...base, kind: 'changed', text: `${what} no longer published (was ${amount(o)})`, priority: PRIORITY.costAndPlace });
      } else {
        out.push({ ...base, kind: 'changed', text: `${what} was ${amount(o)}, now ${amount(n)}`, priority: PRIORITY.costAndPlace });
      }
    } else if (pair.new) {
      const text = `New price listed: ${lowerFirst(noun(pair.new, true))}, ${amount(pair.new)}`;
      out.push({ ...base, kind: 'added', text, priority: PRIORITY.costAndPlace });
    } else if (pair.old) {
      const text = `No longer listed: ${lowerFirst(noun(pair.old, true))}, ${amount(pair.old)}`;
      out.push({ ...base, kind: 'removed', text, priority: PRIORITY.costAndPlace });
    }
  }
  return out;
}

function locationChanges(saved: readonly LocationSnapshot[], current: DecisionFacts): Change[] {
  const now = current.locations.map((l) => ({ snap: locationSnapshot(l), sources: l.sources }));
  const out: Change[] = [];
  for (const pair of pairUp(saved, now.map((n) => n.snap), locationKey)) {
    const sources = pair.index >= 0 ? now[pair.index]!.sources : current.sources;
    const base = { field: 'location' as const, old: pair.old, new: pair.new, sources };
    if (pair.old && pair.new) {
      if (pair.old.confirmed === pair.new.confirmed) continue;
      out.push(
        pair.new.confirmed
          ? { ...base, kind: 'learned', text: `Location confirmed: ${placeName(pair.new)}`, priority: PRIORITY.learned }
          : { ...base, kind: 'changed', text: `Location no longer confirmed: ${placeName(pair.new)}`, priority: PRIORITY.costAndPlace },
      );
    } else if (pair.new) {
      const text = `New location: ${placeName(pair.new)}${pair.new.confirmed ? '' : ' (not confirmed)'}`;
      out.push({ ...base, kind: 'added', text, priority: PRIORITY.costAndPlace });
    } else if (pair.old) {
      out.push({ ...base, kind: 'removed', text: `No longer listed: location in ${placeName(pair.old)}`, priority: PRIORITY.costAndPlace });
    }
  }
  return out;
}

/** Old unknown → learned (new information); anything else that differs → changed. */
function valueChange<F extends 'insurance' | TriField | 'delivery', V extends string>(
  field: F,
  old: V,
  now: V,
  name: string,
  word: (v: V) => string,
  sources: Source[],
): Change | null {
  if (old === now) return null;
  const learned = old === 'unknown';
  return {
    field,
    old,
    new: now,
    kind: learned ? 'learned' : 'changed',
    text: `${name}: was ${word(old)}, now ${word(now)}`,
    priority: learned ? PRIORITY.learned : PRIORITY.payment,
    sources,
  } as Change;
}

/** Most important first (by priority; within one priority, in field order: status, prices, locations, payment, delivery). */
export function sortChanges(changes: readonly Change[]): Change[] {
  return changes
    .map((c, i) => ({ c, i }))
    .sort((a, b) => a.c.priority - b.c.priority || a.i - b.i)
    .map(({ c }) => c);
}

/**
 * The changes between what the user saved (`saved`) and the current record. Empty when nothing that
 * matters for a decision changed.
 */
export function diffSnapshots(saved: DecisionSnapshot, current: DecisionFacts): Change[] {
  const now = snapshotOf(current);
  const tri = (v: Tri) => v;
  const changes = [
    statusChange(saved.status, now.status, current.status.sources),
    ...priceChanges(saved.prices, current),
    ...locationChanges(saved.locations, current),
    valueChange('insurance', saved.insurance.accepted, now.insurance.accepted, 'Insurance', (v) => INSURANCE_WORD[v], current.insurance.sources),
    valueChange('medicare', saved.insurance.medicare, now.insurance.medicare, TRI_NAME.medicare, tri, current.insurance.sources),
    valueChange('medicaid', saved.insurance.medicaid, now.insurance.medicaid, TRI_NAME.medicaid, tri, current.insurance.sources),
    valueChange('hsaFsa', saved.hsaFsa, now.hsaFsa, TRI_NAME.hsaFsa, tri, current.financing.sources),
    valueChange('careCredit', saved.careCredit, now.careCredit, TRI_NAME.careCredit, tri, current.financing.sources),
    valueChange('delivery', saved.delivery, now.delivery, 'Where treatment is given', (v) => DELIVERY_WORD[v], current.delivery.sources),
  ].filter((c): c is Change => c !== null);
  return sortChanges(changes);
}
