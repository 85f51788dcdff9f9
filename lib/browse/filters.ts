import type { BrowseEntry } from '../dataset/browse-index';
import { DEFAULT_FILTERS, DEFAULT_STATUSES, type BrowseFilters } from './defaults';
import type { Condition, Modality, StatusState, UsState } from '../dataset/schema';
import { CONDITION_LABEL, MODALITY_LABEL, STATUS_LABEL } from '../format/labels';
import { queryMatcher } from './search';
import { STATE_NAME } from './states';

export { DEFAULT_FILTERS, DEFAULT_STATUSES, RESULTS_PAGE, STATUS_ORDER, type BrowseFilters, type DeliveryFilter } from './defaults';

/** The parts of the filters a user can remove one at a time. */
export type FilterKey = 'query' | 'state' | 'modality' | 'condition' | 'delivery' | 'insurance' | 'hsaFsa' | 'statuses' | 'resources';

/** States served by a provider: where its clinics are, plus those its telehealth lists. `unknownTelehealth`: lists none. */
export function statesOf(p: BrowseEntry): { states: ReadonlySet<UsState>; unknownTelehealth: boolean } {
  let s = served.get(p);
  if (s === undefined) {
    const states = new Set<UsState>(p.locations.map((l) => l.state));
    for (const st of p.statesServed?.value ?? []) states.add(st);
    s = { states, unknownTelehealth: p.statesServed !== undefined && p.statesServed.value === null };
    served.set(p, s);
  }
  return s;
}
/** Per entry, once: a filter change over thousands of providers allocates nothing per provider. */
const served = new WeakMap<BrowseEntry, { states: ReadonlySet<UsState>; unknownTelehealth: boolean }>();

const sameStatuses = (a: readonly StatusState[], b: readonly StatusState[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

type Test = (p: BrowseEntry) => boolean;

/** Each filter as a test made once per filters (null: lets everything through), so a pass is cheap per provider. */
const COMPILE: Record<FilterKey, (f: BrowseFilters) => Test | null> = {
  query: (f) => (f.query.trim() === '' ? null : queryMatcher(f.query)),
  state: (f) => {
    const state = f.state;
    if (state === null) return null;
    return (p) => {
      const { states, unknownTelehealth } = statesOf(p);
      return states.has(state) || (f.includeUnknownStates && unknownTelehealth);
    };
  },
  modality: (f) => (f.modality === null ? null : (p) => p.modalities.value.includes(f.modality!)),
  condition: (f) => (f.condition === null ? null : (p) => p.conditions.value.includes(f.condition!)),
  delivery: (f) => (f.delivery === 'any' ? null : (p) => p.delivery.value === f.delivery || p.delivery.value === 'both'),
  insurance: (f) => (!f.insurance ? null : (p) => p.insurance.accepted === 'yes' || p.insurance.accepted === 'some'),
  hsaFsa: (f) => (!f.hsaFsa ? null : (p) => p.financing.hsaFsa === 'yes'),
  statuses: (f) => {
    const shown = new Set(f.statuses);
    return (p) => shown.has(p.status.state);
  },
  resources: (f) => (f.includeResources ? null : (p) => p.kind !== 'resource'),
};
const KEYS = Object.keys(COMPILE) as FilterKey[];

/** The filters (all but `skip`) as one test. */
export function filterTest(f: BrowseFilters, skip?: FilterKey): Test {
  const tests = KEYS.flatMap((k) => (k === skip ? [] : (COMPILE[k](f) ?? [])));
  return (p) => {
    for (const t of tests) if (!t(p)) return false;
    return true;
  };
}

export function matchesFilters(p: BrowseEntry, f: BrowseFilters, skip?: FilterKey): boolean {
  return filterTest(f, skip)(p);
}

export function filterProviders<P extends BrowseEntry>(list: readonly P[], f: BrowseFilters): P[] {
  return list.filter(filterTest(f));
}

/** Which filters differ from the defaults (the search counts as one). */
export function activeFilters(f: BrowseFilters): FilterKey[] {
  const d = DEFAULT_FILTERS;
  const active: FilterKey[] = [];
  if (f.query.trim()) active.push('query');
  if (f.state !== null) active.push('state');
  if (f.modality !== null) active.push('modality');
  if (f.condition !== null) active.push('condition');
  if (f.delivery !== d.delivery) active.push('delivery');
  if (f.insurance) active.push('insurance');
  if (f.hsaFsa) active.push('hsaFsa');
  if (!sameStatuses(f.statuses, d.statuses)) active.push('statuses');
  if (f.includeResources) active.push('resources');
  return active;
}

/** The filters with one part put back to its default. */
export function withoutFilter(f: BrowseFilters, key: FilterKey): BrowseFilters {
  switch (key) {
    case 'query':
      return { ...f, query: '' };
    case 'state':
      return { ...f, state: null, includeUnknownStates: false };
    case 'statuses':
      return { ...f, statuses: DEFAULT_STATUSES };
    case 'resources':
      return { ...f, includeResources: false };
    default:
      return { ...f, [key]: DEFAULT_FILTERS[key] };
  }
}

/** Everything back to the defaults. */
export const clearFilters = (): BrowseFilters => ({ ...DEFAULT_FILTERS });

/** How a filter reads in "Try removing …": "the state filter (Texas)". */
export function describeFilter(f: BrowseFilters, key: FilterKey): string {
  switch (key) {
    case 'query':
      return `the search “${f.query.trim()}”`;
    case 'state':
      return `the state filter (${f.state ? STATE_NAME[f.state] : ''})`;
    case 'modality':
      return `the form of ketamine filter (${f.modality ? MODALITY_LABEL[f.modality] : ''})`;
    case 'condition':
      return `the condition filter (${f.condition ? CONDITION_LABEL[f.condition] : ''})`;
    case 'delivery':
      return `the “${f.delivery === 'at-home' ? 'at home' : 'in clinic'}” filter`;
    case 'insurance':
      return 'the insurance filter';
    case 'hsaFsa':
      return 'the HSA / FSA filter';
    case 'statuses':
      return `the status filter (${f.statuses.map((s) => STATUS_LABEL[s]).join(', ') || 'none chosen'})`;
    case 'resources':
      return 'the information resources option';
  }
}

export interface Relaxation {
  key: FilterKey;
  /** How many providers would match with this filter removed. */
  count: number;
}

/**
 * For a search with no (or few) results: removing which single filter would show results, most first.
 * Only filters that would help are listed.
 */
export function relaxations(list: readonly BrowseEntry[], f: BrowseFilters): Relaxation[] {
  return activeFilters(f)
    .filter((k) => k !== 'resources')
    .map((key) => {
      const test = filterTest(withoutFilter(f, key));
      let count = 0;
      for (const p of list) if (test(p)) count++;
      return { key, count };
    })
    .filter((r) => r.count > 0)
    .sort((a, b) => b.count - a.count);
}

export interface HiddenCounts<P extends BrowseEntry = BrowseEntry> {
  /** Closed providers that match everything else but are hidden because "closed" is not ticked. */
  closed: number;
  /** Information resources that match everything else but are hidden by default. */
  resources: number;
  /** With a state chosen: telehealth programmes that do not publish their states (and match everything else). */
  unknownStates: P[];
}

export function hiddenCounts<P extends BrowseEntry>(list: readonly P[], f: BrowseFilters): HiddenCounts<P> {
  let closed = 0;
  if (!f.statuses.includes('closed')) {
    const rest = filterTest(f, 'statuses');
    for (const p of list) if (p.status.state === 'closed' && rest(p)) closed++;
  }
  let resources = 0;
  if (!f.includeResources) {
    const rest = filterTest(f, 'resources');
    for (const p of list) if (p.kind === 'resource' && rest(p)) resources++;
  }
  let unknownStates: P[] = [];
  if (f.state !== null && !f.includeUnknownStates) {
    const rest = filterTest(f, 'state');
    unknownStates = list.filter((p) => statesOf(p).unknownTelehealth && rest(p));
  }
  return { closed, resources, unknownStates };
}

/** States that appear in the data (clinic locations and telehealth lists), for the state filter, by name. */
export function statesInData(list: readonly BrowseEntry[]): UsState[] {
  const all = new Set<UsState>();
  for (const p of list) for (const s of statesOf(p).states) all.add(s);
  return [...all].sort((a, b) => STATE_NAME[a].localeCompare(STATE_NAME[b]));
}
