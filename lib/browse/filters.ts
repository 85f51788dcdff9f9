import type { BrowseEntry } from '../dataset/browse-index';
import type { Condition, Modality, StatusState, UsState } from '../dataset/schema';
import { CONDITION_LABEL, MODALITY_LABEL, STATUS_LABEL } from '../format/labels';
import { matchesQuery } from './search';
import { STATE_NAME } from './states';

/** Results shown at first and added by each "Show more": a long list renders in steps, so typing stays quick. */
export const RESULTS_PAGE = 100;

export type DeliveryFilter = 'any' | 'in-clinic' | 'at-home';

export interface BrowseFilters {
  /** Name, other name or city. */
  query: string;
  /** A clinic in the state, or a telehealth programme that lists the state among those it serves. */
  state: UsState | null;
  /** With a state: also show telehealth programmes that do not publish which states they serve. */
  includeUnknownStates: boolean;
  modality: Modality | null;
  condition: Condition | null;
  /** "both" counts for in clinic and for at home. */
  delivery: DeliveryFilter;
  /** Insurance accepted for all ("yes") or some ("some") services or plans. */
  insurance: boolean;
  /** HSA / FSA: "yes" only. */
  hsaFsa: boolean;
  /** Statuses shown; closed is left out by default. */
  statuses: readonly StatusState[];
  /** Information resources (kind "resource", e.g. a professional society) are not treatment providers. */
  includeResources: boolean;
}

export const STATUS_ORDER: readonly StatusState[] = ['operating', 'not-accepting', 'not-yet-open', 'acquired', 'unknown', 'closed'];
export const DEFAULT_STATUSES: readonly StatusState[] = ['operating', 'not-accepting', 'not-yet-open', 'acquired', 'unknown'];

export const DEFAULT_FILTERS: BrowseFilters = {
  query: '',
  state: null,
  includeUnknownStates: false,
  modality: null,
  condition: null,
  delivery: 'any',
  insurance: false,
  hsaFsa: false,
  statuses: DEFAULT_STATUSES,
  includeResources: false,
};

/** The parts of the filters a user can remove one at a time. */
export type FilterKey = 'query' | 'state' | 'modality' | 'condition' | 'delivery' | 'insurance' | 'hsaFsa' | 'statuses' | 'resources';

/** States served by a provider: where its clinics are, plus those its telehealth lists. `unknownTelehealth`: lists none. */
export function statesOf(p: BrowseEntry): { states: Set<UsState>; unknownTelehealth: boolean } {
  const states = new Set<UsState>(p.locations.map((l) => l.state));
  for (const s of p.statesServed?.value ?? []) states.add(s);
  return { states, unknownTelehealth: p.statesServed !== undefined && p.statesServed.value === null };
}

const sameStatuses = (a: readonly StatusState[], b: readonly StatusState[]) =>
  a.length === b.length && a.every((s) => b.includes(s));

const TESTS: Record<FilterKey, (p: BrowseEntry, f: BrowseFilters) => boolean> = {
  query: (p, f) => matchesQuery(p, f.query),
  state: (p, f) => {
    if (f.state === null) return true;
    const { states, unknownTelehealth } = statesOf(p);
    return states.has(f.state) || (f.includeUnknownStates && unknownTelehealth);
  },
  modality: (p, f) => f.modality === null || p.modalities.value.includes(f.modality),
  condition: (p, f) => f.condition === null || p.conditions.value.includes(f.condition),
  delivery: (p, f) => f.delivery === 'any' || p.delivery.value === f.delivery || p.delivery.value === 'both',
  insurance: (p, f) => !f.insurance || p.insurance.accepted === 'yes' || p.insurance.accepted === 'some',
  hsaFsa: (p, f) => !f.hsaFsa || p.financing.hsaFsa === 'yes',
  statuses: (p, f) => f.statuses.includes(p.status.state),
  resources: (p, f) => f.includeResources || p.kind !== 'resource',
};
const KEYS = Object.keys(TESTS) as FilterKey[];

export function matchesFilters(p: BrowseEntry, f: BrowseFilters, skip?: FilterKey): boolean {
  return KEYS.every((k) => k === skip || TESTS[k](p, f));
}

export function filterProviders<P extends BrowseEntry>(list: readonly P[], f: BrowseFilters): P[] {
  return list.filter((p) => matchesFilters(p, f));
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
      const relaxed = withoutFilter(f, key);
      return { key, count: list.filter((p) => matchesFilters(p, relaxed)).length };
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
  const closed = f.statuses.includes('closed')
    ? 0
    : list.filter((p) => p.status.state === 'closed' && matchesFilters(p, f, 'statuses')).length;
  const resources = f.includeResources
    ? 0
    : list.filter((p) => p.kind === 'resource' && matchesFilters(p, f, 'resources')).length;
  const unknownStates =
    f.state === null || f.includeUnknownStates
      ? []
      : list.filter((p) => statesOf(p).unknownTelehealth && matchesFilters(p, f, 'state'));
  return { closed, resources, unknownStates };
}

/** States that appear in the data (clinic locations and telehealth lists), for the state filter, by name. */
export function statesInData(list: readonly BrowseEntry[]): UsState[] {
  const all = new Set<UsState>();
  for (const p of list) for (const s of statesOf(p).states) all.add(s);
  return [...all].sort((a, b) => STATE_NAME[a].localeCompare(STATE_NAME[b]));
}
