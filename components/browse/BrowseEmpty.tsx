import { describeFilter, type BrowseFilters, type Relaxation } from '@/lib/browse/filters';

interface Props {
  filters: BrowseFilters;
  /** Filters that, removed one at a time, would show results (most results first). */
  relaxations: readonly Relaxation[];
  onRemove: (r: Relaxation) => void;
  onClear: () => void;
}

/** No results: say what to change, with buttons that change it. */
export function BrowseEmpty({ filters, relaxations, onRemove, onClear }: Props) {
  const best = relaxations.slice(0, 2);
  const first = best[0];
  return (
    <div class="message browse-empty">
      <h3>No providers match</h3>
      {first ? (
        <p>
          Try removing {describeFilter(filters, first.key)}: {first.count} {first.count === 1 ? 'provider matches' : 'providers match'}{' '}
          without it.
        </p>
      ) : (
        <p>Try clearing the search and filters.</p>
      )}
      <div class="browse-empty__actions">
        {best.map((r) => (
          <button key={r.key} type="button" class="button button--secondary" onClick={() => onRemove(r)}>
            Remove {describeFilter(filters, r.key)}
          </button>
        ))}
        <button type="button" class="button" onClick={onClear}>
          Clear search and filters
        </button>
      </div>
    </div>
  );
}
