import type { Provider } from '@/lib/dataset/schema';
import type { CompareRow } from '@/lib/compare/rows';
import { CompareCell } from './CompareCell';
import { CompareProviderLabel } from './CompareProviderLabel';
import { CompareRowMarks } from './CompareRowMarks';

/** The narrow (side panel) comparison: one block per attribute, each provider's value under it. */
export function CompareStacked({ providers, rows }: { providers: readonly Provider[]; rows: readonly CompareRow[] }) {
  return (
    <div class="cmp-stack">
      {rows.map((r) => (
        <section key={r.id} class={`cmp-stack__row ${r.differs ? 'cmp-row--differs' : ''}`} aria-labelledby={`cmp-${r.id}`} data-row={r.id}>
          <h3 class="cmp-stack__label" id={`cmp-${r.id}`}>
            {r.label}
            <CompareRowMarks row={r} />
          </h3>
          <dl class="cmp-stack__values">
            {r.cells.map((c, i) => (
              <div class="cmp-stack__value" key={providers[i]!.id}>
                <dt>
                  <CompareProviderLabel provider={providers[i]!} short />
                </dt>
                <dd>
                  <CompareCell cell={c} />
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
