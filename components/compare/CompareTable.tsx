import type { Provider } from '@/lib/dataset/schema';
import type { CompareRow } from '@/lib/compare/rows';
import { CompareCell } from './CompareCell';
import { CompareProviderLabel } from './CompareProviderLabel';
import { CompareRowMarks } from './CompareRowMarks';

/** The wide (full-page) comparison: one column per provider, a real table with row and column headers. */
export function CompareTable({ providers, rows }: { providers: readonly Provider[]; rows: readonly CompareRow[] }) {
  return (
    <div class="cmp-table-wrap" role="region" aria-label="Comparison table" tabIndex={0}>
      <table class="cmp-table">
        <caption class="visually-hidden">Side-by-side comparison of {providers.map((p) => p.name).join(', ')}</caption>
        <thead>
          <tr>
            <th scope="col" class="cmp-table__corner">
              Compared
            </th>
            {providers.map((p) => (
              <th scope="col" key={p.id}>
                <CompareProviderLabel provider={p} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} class={r.differs ? 'cmp-row--differs' : undefined} data-row={r.id}>
              <th scope="row">
                {r.label}
                <CompareRowMarks row={r} />
              </th>
              {r.cells.map((c, i) => (
                <td key={providers[i]!.id}>
                  <CompareCell cell={c} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
