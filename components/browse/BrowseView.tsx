import { useEffect, useMemo, useState } from 'preact/hooks';
import { BrowseEmpty } from './BrowseEmpty';
import { BrowseFilters } from './BrowseFilters';
import { BrowseResult } from './BrowseResult';
import { CompareBar } from '@/components/compare/CompareBar';
import { HomeLocation } from '@/components/near-me/HomeLocation';
import { nearNotes } from '@/lib/browse/near-me';
import type { Provider } from '@/lib/dataset/schema';
import {
  activeFilters,
  clearFilters,
  DEFAULT_FILTERS,
  filterProviders,
  hiddenCounts,
  relaxations,
  statesInData,
  withoutFilter,
  type BrowseFilters as Filters,
} from '@/lib/browse/filters';
import { DEFAULT_SORT, SORT_OPTIONS, sortProviders, type SortContext, type SortOption } from '@/lib/browse/sort';
import { LIMIT_MESSAGE, MAX_COMPARE } from '@/lib/compare/selection';
import type { Route } from '@/lib/route';
import { useCompareSelection } from '@/state/compare-selection';
import { placedLocations, useProviderList, useProviderLookup } from '@/state/dataset';
import { rememberSearch, rememberedSearch } from '@/state/browse-search';
import { useHomeLocation, type ZipLookup } from '@/state/home-location';

const NO_CONTEXT: SortContext = {};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function countText(n: number, total: number, filtered: boolean): string {
  if (n === 0) return 'No providers match.';
  return filtered ? `${plural(n, 'provider matches', 'providers match')} (of ${total}).` : `${plural(n, 'provider', 'providers')}.`;
}

/** A sort's own text for a result (a distance); unknown keys read as the sort's unknown label. */
function sortNoteFor(sort: SortOption, p: Provider, ctx: SortContext): string | undefined {
  if (!sort.describe) return undefined;
  return sort.key(p, ctx) === null ? sort.unknownLabel : sort.describe(p, ctx);
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

interface Props {
  go: (r: Route) => void;
  /** Injected by tests; the panel uses the bundled dataset. */
  providers?: readonly Provider[];
  sortOptions?: readonly SortOption[];
  /** Merged over the panel's own: confirmed locations (`placesOf`) and the home location from storage. */
  sortContext?: SortContext;
  /** Injected by tests; the panel loads the ZIP table chunk (data/geo) once a ZIP is set. */
  loadZipLookup?: () => Promise<ZipLookup>;
}

export function BrowseView({ go, providers: given, sortOptions = SORT_OPTIONS, sortContext = NO_CONTEXT, loadZipLookup }: Props) {
  const bundled = useProviderList();
  const providerById = useProviderLookup();
  const providers = given ?? bundled;
  const [filters, setFiltersState] = useState<Filters>(() => rememberedSearch().filters);
  const [sortId, setSortState] = useState(() => rememberedSearch().sortId);
  const [open, setOpenState] = useState(() => rememberedSearch().open ?? innerWidth > 700);
  const [lastChange, setLastChange] = useState<{ result: 'added' | 'removed' | 'full' | 'cleared'; name: string } | null>(null);
  const selection = useCompareSelection();
  const home = useHomeLocation(loadZipLookup ? { loadZipLookup } : {});
  const ctx = useMemo<SortContext>(
    () => ({
      placesOf: placedLocations,
      ...sortContext,
      origin: home.origin ?? sortContext.origin ?? null,
      homeState: home.home.state ?? sortContext.homeState ?? null,
    }),
    [sortContext, home.origin, home.home.state],
  );
  const hasHome = Boolean(ctx.origin || ctx.homeState);

  const setFilters = (f: Filters) => {
    rememberSearch({ filters: f });
    setFiltersState(f);
  };
  const setOpen = (o: boolean) => {
    rememberSearch({ open: o });
    setOpenState(o);
  };
  const setSort = (id: string) => {
    rememberSearch({ sortId: id });
    setSortState(id);
  };

  const usableSorts = sortOptions.filter((o) => o.available?.(ctx) ?? true);
  const sort = usableSorts.find((o) => o.id === sortId) ?? usableSorts[0]!;
  const results = useMemo(
    () => sortProviders(filterProviders(providers, filters), sort, ctx, usableSorts),
    [providers, filters, sort, ctx],
  );
  const states = useMemo(() => statesInData(providers), [providers]);
  const active = activeFilters(filters);
  const hidden = hiddenCounts(providers, filters);
  const announced = useDebounced(countText(results.length, providers.length, active.length > 0), 350);

  const byId = (id: string) => providers.find((p) => p.id === id) ?? providerById(id);
  const chosen = selection.ids.map(byId).filter((p): p is Provider => p !== undefined);

  const toggleCompare = async (id: string) => {
    const r = await selection.toggle(id);
    setLastChange(r === 'already' ? null : { result: r, name: byId(id)?.name ?? 'This provider' });
  };
  const compareMessage =
    !lastChange ? ''
    : lastChange.result === 'full' ? LIMIT_MESSAGE
    : lastChange.result === 'added' ? `Added ${lastChange.name} to the comparison (${selection.ids.length} of ${MAX_COMPARE}).`
    : lastChange.result === 'removed' ? `Removed ${lastChange.name} from the comparison.`
    : 'Comparison cleared.';

  return (
    <div class="browse">
      <h2 class="browse__title">Browse providers</h2>
      <div class="browse__layout">
        <div class="browse__side">
          <HomeLocation
            home={home.home}
            loaded={home.loaded}
            zipStatus={home.zipStatus}
            error={home.error}
            onSetZip={home.setZip}
            onSetState={(s) => void home.setState(s)}
            onClear={() => void home.clear()}
            onFilterState={
              home.home.state && filters.state !== home.home.state
                ? () => setFilters({ ...filters, state: home.home.state })
                : undefined
            }
          />
          <BrowseFilters
            filters={filters}
            onChange={setFilters}
            sortId={sort.id}
            sortOptions={usableSorts}
            onSort={setSort}
            states={states}
            activeCount={active.filter((k) => k !== 'query').length}
            onClear={() => setFilters({ ...clearFilters(), query: filters.query })}
            open={open}
            onOpenChange={setOpen}
          />
        </div>
        <div class="browse__results">
          <p class="browse__count" role="status" aria-live="polite">
            {announced}
          </p>
          {(hidden.closed > 0 || hidden.resources > 0 || hidden.unknownStates.length > 0) && (
            <ul class="browse__hidden">
              {hidden.closed > 0 && (
                <li>
                  {plural(hidden.closed, 'closed provider is', 'closed providers are')} hidden.{' '}
                  <button type="button" class="link" onClick={() => setFilters({ ...filters, statuses: [...filters.statuses, 'closed'] })}>
                    Show closed providers
                  </button>
                </li>
              )}
              {hidden.resources > 0 && (
                <li>
                  {plural(hidden.resources, 'information resource (not a treatment provider) is', 'information resources (not treatment providers) are')}{' '}
                  hidden.{' '}
                  <button type="button" class="link" onClick={() => setFilters({ ...filters, includeResources: true })}>
                    Show information resources
                  </button>
                </li>
              )}
              {hidden.unknownStates.length > 0 && (
                <li>
                  Not included: {plural(hidden.unknownStates.length, 'telehealth programme', 'telehealth programmes')} that{' '}
                  {hidden.unknownStates.length === 1 ? 'does' : 'do'} not publish which states {hidden.unknownStates.length === 1 ? 'it serves' : 'they serve'}{' '}
                  ({hidden.unknownStates.map((p) => p.name).join(', ')}).{' '}
                  <button type="button" class="link" onClick={() => setFilters({ ...filters, includeUnknownStates: true })}>
                    Show them too
                  </button>
                </li>
              )}
            </ul>
          )}
          <CompareBar
            chosen={chosen}
            message={compareMessage}
            onCompare={() => go({ view: 'compare', ids: selection.ids })}
            onClear={() => {
              void selection.clear();
              setLastChange({ result: 'cleared', name: '' });
            }}
          />
          {results.length === 0 ? (
            <BrowseEmpty
              filters={filters}
              relaxations={relaxations(providers, filters)}
              onRemove={(r) => setFilters(withoutFilter(filters, r.key))}
              onClear={() => setFilters(clearFilters())}
            />
          ) : (
            <ul class="results" aria-label="Providers">
              {results.map((p) => (
                <BrowseResult
                  key={p.id}
                  provider={p}
                  compared={selection.has(p.id)}
                  onToggleCompare={toggleCompare}
                  sortNote={sortNoteFor(sort, p, ctx)}
                  near={hasHome ? nearNotes(p, ctx) : undefined}
                />
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
