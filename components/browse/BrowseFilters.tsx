import type { Condition, Modality, StatusState, UsState } from '@/lib/dataset/schema';
import { STATUS_ORDER, type BrowseFilters as Filters, type DeliveryFilter } from '@/lib/browse/filters';
import type { SortOption } from '@/lib/browse/sort';
import { STATE_NAME } from '@/lib/browse/states';
import { CONDITION_LABEL, MODALITY_LABEL, STATUS_LABEL } from '@/lib/format/labels';

interface Props {
  filters: Filters;
  onChange: (next: Filters) => void;
  sortId: string;
  sortOptions: readonly SortOption[];
  onSort: (id: string) => void;
  /** States present in the data, for the state list. */
  states: readonly UsState[];
  /** Number of filters in use (not counting the search). */
  activeCount: number;
  onClear: () => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

const STATUS_HINT: Partial<Record<StatusState, string>> = {
  closed: ' (no longer treating anyone)',
};

const DELIVERY: Array<{ value: DeliveryFilter; label: string }> = [
  { value: 'any', label: 'Any' },
  { value: 'in-clinic', label: 'In clinic' },
  { value: 'at-home', label: 'At home' },
];

/** Search, sort and filters: native controls, each labelled, grouped in fieldsets. */
export function BrowseFilters({ filters: f, onChange, sortId, sortOptions, onSort, states, activeCount, onClear, open, onOpenChange }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...f, ...patch });
  const toggleStatus = (s: StatusState, on: boolean) =>
    set({ statuses: STATUS_ORDER.filter((x) => (x === s ? on : f.statuses.includes(x))) });

  return (
    <form class="browse-form" role="search" aria-label="Search and filter providers" onSubmit={(e) => e.preventDefault()}>
      <div class="browse-form__row">
        <div class="field field--grow">
          <label for="browse-query">Search</label>
          <p class="field__hint" id="browse-query-hint">
            Name, city, state, treatment or condition, e.g. Spravato, PTSD, Colorado
          </p>
          <input
            id="browse-query"
            type="search"
            aria-describedby="browse-query-hint"
            value={f.query}
            autocomplete="off"
            onInput={(e) => set({ query: e.currentTarget.value })}
          />
        </div>
        <div class="field">
          <label for="browse-sort">Sort by</label>
          <select id="browse-sort" value={sortId} onChange={(e) => onSort(e.currentTarget.value)}>
            {sortOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>

      <details class="filters" open={open} onToggle={(e) => onOpenChange((e.currentTarget as HTMLDetailsElement).open)}>
        <summary class="filters__summary">
          Filters{activeCount > 0 ? ` (${activeCount} in use)` : ''}
        </summary>
        <div class="filters__body">
          <fieldset class="filters__group">
            <legend>Location</legend>
            <div class="field">
              <label for="browse-state">State</label>
              <select
                id="browse-state"
                value={f.state ?? ''}
                onChange={(e) => {
                  const v = e.currentTarget.value as UsState | '';
                  set({ state: v || null, includeUnknownStates: v ? f.includeUnknownStates : false });
                }}
              >
                <option value="">Any state</option>
                {states.map((s) => (
                  <option key={s} value={s}>
                    {STATE_NAME[s]}
                  </option>
                ))}
              </select>
            </div>
            <p class="field__hint">Clinics in the state, and telehealth programmes that list it among the states they serve.</p>
            {f.state && (
              <label class="check">
                <input
                  type="checkbox"
                  checked={f.includeUnknownStates}
                  onChange={(e) => set({ includeUnknownStates: e.currentTarget.checked })}
                />
                Also show telehealth programmes that do not publish which states they serve
              </label>
            )}
          </fieldset>

          <fieldset class="filters__group">
            <legend>Treatment</legend>
            <div class="field">
              <label for="browse-modality">Form of ketamine</label>
              <select
                id="browse-modality"
                value={f.modality ?? ''}
                onChange={(e) => set({ modality: (e.currentTarget.value as Modality) || null })}
              >
                <option value="">Any form</option>
                {(Object.keys(MODALITY_LABEL) as Modality[]).map((m) => (
                  <option key={m} value={m}>
                    {MODALITY_LABEL[m]}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="browse-condition">Condition treated</label>
              <select
                id="browse-condition"
                value={f.condition ?? ''}
                onChange={(e) => set({ condition: (e.currentTarget.value as Condition) || null })}
              >
                <option value="">Any condition</option>
                {(Object.keys(CONDITION_LABEL) as Condition[]).map((c) => (
                  <option key={c} value={c}>
                    {CONDITION_LABEL[c]}
                  </option>
                ))}
              </select>
            </div>
          </fieldset>

          <fieldset class="filters__group">
            <legend>Where treatment happens</legend>
            {DELIVERY.map((d) => (
              <label class="check" key={d.value}>
                <input
                  type="radio"
                  name="browse-delivery"
                  value={d.value}
                  checked={f.delivery === d.value}
                  onChange={() => set({ delivery: d.value })}
                />
                {d.label}
              </label>
            ))}
            <p class="field__hint">Providers offering both count for each.</p>
          </fieldset>

          <fieldset class="filters__group">
            <legend>Paying</legend>
            <label class="check">
              <input type="checkbox" checked={f.insurance} onChange={(e) => set({ insurance: e.currentTarget.checked })} />
              Accepts insurance (for some or all services)
            </label>
            <label class="check">
              <input type="checkbox" checked={f.hsaFsa} onChange={(e) => set({ hsaFsa: e.currentTarget.checked })} />
              HSA / FSA accepted
            </label>
            <p class="field__hint">Only providers whose sources say so; “unknown” does not count.</p>
          </fieldset>

          <fieldset class="filters__group">
            <legend>Status</legend>
            {STATUS_ORDER.map((s) => (
              <label class="check" key={s}>
                <input type="checkbox" checked={f.statuses.includes(s)} onChange={(e) => toggleStatus(s, e.currentTarget.checked)} />
                {STATUS_LABEL[s]}
                {STATUS_HINT[s] ?? ''}
              </label>
            ))}
          </fieldset>

          <fieldset class="filters__group">
            <legend>Other listings</legend>
            <label class="check">
              <input
                type="checkbox"
                checked={f.includeResources}
                onChange={(e) => set({ includeResources: e.currentTarget.checked })}
              />
              Include information resources (not treatment providers)
            </label>
          </fieldset>

          <button type="button" class="button button--secondary" onClick={onClear}>
            Clear filters
          </button>
        </div>
      </details>
    </form>
  );
}
