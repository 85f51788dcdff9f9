import { useEffect, useMemo, useState } from 'preact/hooks';
import { BrowseEmpty } from './BrowseEmpty';
import { BrowseFilters } from './BrowseFilters';
import { BrowseResult } from './BrowseResult';
import { CompareBar } from '@/components/compare/CompareBar';
import { HomeLocation } from '@/components/near-me/HomeLocation';
import { nearNotes } from '@/lib/browse/near-me';
import { placesFrom, type BrowseEntry } from '@/lib/dataset/browse-index';
import { BROWSE_LOAD_MESSAGE } from '@/lib/dataset/loader';
import { Loading } from '@/components/common/Loading';
import { LoadError } from '@/components/common/LoadError';
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
import { RESULTS_PAGE } from '@/lib/browse/filters';
import { SORT_BY_DISTANCE, SORT_OPTIONS, sortProviders, type SortContext, type SortOption } from '@/lib/browse/sort';
import { LIMIT_MESSAGE, MAX_COMPARE } from '@/lib/compare/selection';
import type { Route } from '@/lib/route';
import { useCompareSelection } from '@/state/compare-selection';
import { useBrowseIndex } from '@/state/dataset';
import { rememberSearch, rememberedSearch, useBrowseSort } from '@/state/browse-search';
import { useHomeLocation, type ZipLookup } from '@/state/home-location';

const NO_CONTEXT: SortContext = {};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function countText(n: number, total: number, filtered: boolean): string {
  if (n === 0) return 'No providers match.';
  return filtered ? `${plural(n, 'provider matches', 'providers match')} (of ${total}).` : `${plural(n, 'provider', 'providers')}.`;
}

/** A sort's own text for a result (a distance); unknown keys read as the sort's unknown label. */
function sortNoteFor(sort: SortOption, p: BrowseEntry, ctx: SortContext): string | undefined {
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
  /** Injected by tests (records or index entries); the panel loads the Browse index when Browse first opens. */
  providers?: readonly BrowseEntry[];
  sortOptions?: readonly SortOption[];
  /** Merged over the panel's own: confirmed locations (`placesOf`) and the home location from storage. */
  sortContext?: SortContext;
  /** Injected by tests; the panel loads the ZIP table chunk (data/geo) once a ZIP is set. */
  loadZipLookup?: () => Promise<ZipLookup>;
}

export function BrowseView(props: Props) {
  if (props.providers) return <BrowsePanel {...props} providers={props.providers} />;
  return <BrowseLoaded {...props} />;
}

function BrowseLoaded(props: Props) {
  const index = useBrowseIndex();
  const placesOf = useMemo(() => (index.status === 'ready' ? placesFrom(index.value) : undefined), [index]);
  if (index.status === 'loading') return <Loading />;
  if (index.status === 'error') return <LoadError title={BROWSE_LOAD_MESSAGE} onRetry={index.retry} />;
  return <BrowsePanel {...props} providers={index.value.entries} placesOf={placesOf} />;
}

function BrowsePanel({
  go,
  providers,
  placesOf,
  sortOptions = SORT_OPTIONS,
  sortContext = NO_CONTEXT,
  loadZipLookup,
}: Props & { providers: readonly BrowseEntry[]; placesOf?: SortContext['placesOf'] }) {
  const [filters, setFiltersState] = useState<Filters>(() => rememberedSearch().filters);
  const [sortId, setSort] = useBrowseSort();
  const [open, setOpenState] = useState(() => rememberedSearch().open ?? innerWidth > 700);
  const [shown, setShown] = useState(RESULTS_PAGE);
  const [lastChange, setLastChange] = useState<{ result: 'added' | 'removed' | 'full' | 'cleared'; name: string } | null>(null);
  const selection = useCompareSelection();
  const home = useHomeLocation(loadZipLookup ? { loadZipLookup } : {});
  const ctx = useMemo<SortContext>(
    () => ({
      placesOf,
      ...sortContext,
      origin: home.origin ?? sortContext.origin ?? null,
      homeState: home.home.state ?? sortContext.homeState ?? null,
    }),
    [placesOf, sortContext, home.origin, home.home.state],
  );
  const hasHome = Boolean(ctx.origin || ctx.homeState);

  const setFilters = (f: Filters) => {
    rememberSearch({ filters: f });
    setFiltersState(f);
    setShown(RESULTS_PAGE);
  };
  const setOpen = (o: boolean) => {
    rememberSearch({ open: o });
    setOpenState(o);
  };
  /** Setting a ZIP code sorts nearest first (the user can sort otherwise after). */
  const setZip = async (input: string) => {
    const saved = await home.setZip(input);
    if (saved && sortOptions.some((o) => o.id === SORT_BY_DISTANCE.id)) setSort(SORT_BY_DISTANCE.id);
    return saved;
  };

  const usableSorts = sortOptions.filter((o) => o.available?.(ctx) ?? true);
  const sort = usableSorts.find((o) => o.id === sortId) ?? usableSorts[0]!;
  // Sorted once per sort (the order is total: key, then name, then id), then filtered in that order, so a
  // keystroke or a filter change costs a filter pass, not a sort of thousands of names.
  const sorted = useMemo(() => sortProviders(providers, sort, ctx, usableSorts), [providers, sort, ctx]);
  const results = useMemo(() => filterProviders(sorted, filters), [sorted, filters]);
  const states = useMemo(() => statesInData(providers), [providers]);
  const active = activeFilters(filters);
  const hidden = useMemo(() => hiddenCounts(providers, filters), [providers, filters]);
  const announced = useDebounced(countText(results.length, providers.length, active.length > 0), 350);

  const byId = (id: string) => providers.find((p) => p.id === id);
  const chosen = selection.ids.map(byId).filter((p): p is BrowseEntry => p !== undefined);

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
            onSetZip={setZip}
            onSetState={(s) => void home.setState(s)}
            onClear={() => {
              void home.clear();
              // Nothing about the location stays behind: "nearest first" goes with it.
              if (sortId === SORT_BY_DISTANCE.id) setSort(null);
            }}
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
              {results.slice(0, shown).map((p) => (
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
          {results.length > shown && (
            <p class="browse__more">
              Showing {shown} of {results.length}.{' '}
              <button type="button" class="button button--secondary" onClick={() => setShown(shown + RESULTS_PAGE)}>
                Show {Math.min(RESULTS_PAGE, results.length - shown)} more
              </button>{' '}
              <button type="button" class="button button--secondary" onClick={() => setShown(results.length)}>
                Show all
              </button>
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
