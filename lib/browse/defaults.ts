// The Browse filters' shape and defaults, with no code behind them: the card sets a state filter ("Browse
// providers in Texas") without loading Browse's search and filter code (./filters.ts re-exports these).
import type { Condition, Modality, StatusState, UsState } from '../dataset/schema';

/**
 * Results shown at first and added by each "Show more": a long list renders in steps, so typing and filtering
 * stay quick at thousands of providers (what a screen shows, twice over).
 */
export const RESULTS_PAGE = 50;

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
