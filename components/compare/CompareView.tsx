import { useEffect, useMemo, useState } from 'preact/hooks';
import { CompareNotes } from './CompareNotes';
import { CompareProviderLabel } from './CompareProviderLabel';
import { CompareStacked } from './CompareStacked';
import { CompareTable } from './CompareTable';
import { Loading } from '@/components/common/Loading';
import { LoadError } from '@/components/common/LoadError';
import { useGeneral, useProviderLookup } from '@/state/dataset';
import { PROVIDER_LOAD_MESSAGE } from '@/lib/dataset/loader';
import { useWideLayout } from '@/state/layout';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { compareNotes } from '@/lib/compare/notes';
import { compareRows } from '@/lib/compare/rows';
import { MAX_COMPARE, MIN_COMPARE } from '@/lib/compare/selection';
import type { Route } from '@/lib/route';
import { useCompareSelection } from '@/state/compare-selection';

interface Props {
  /** Ids from `#/compare/a,b`: added to the selection. */
  ids: readonly string[];
  go: (r: Route) => void;
  /** Injected by tests; the panel uses the bundled dataset. */
  lookup?: (id: string) => Provider | undefined;
  general?: Pick<General, 'spravato' | 'questions'>;
  layout?: 'wide' | 'compact';
  today?: Date;
}

export function CompareView(props: Props) {
  if (props.lookup) return <CompareLoaded {...props} lookup={props.lookup} />;
  return <CompareLoading {...props} />;
}

/** Loads just the records compared: the selection's and the link's (absent ones are "not in the list"). */
function CompareLoading(props: Props) {
  const selection = useCompareSelection();
  const records = useProviderLookup(selection.loaded ? [...selection.ids, ...props.ids] : []);
  if (!selection.loaded || records.status === 'loading') return <Loading what="the comparison" />;
  if (records.status === 'error') return <LoadError title={PROVIDER_LOAD_MESSAGE} onRetry={records.retry} />;
  return <CompareLoaded {...props} lookup={records.value} />;
}

function CompareLoaded({ ids: routeIds, go, lookup, general: givenGeneral, layout, today = new Date() }: Props & { lookup: NonNullable<Props['lookup']> }) {
  const bundledGeneral = useGeneral();
  const general = givenGeneral ?? bundledGeneral;
  const selection = useCompareSelection();
  const autoWide = useWideLayout();
  const wide = layout ? layout === 'wide' : autoWide;
  const [notice, setNotice] = useState('');
  const [onlyDiffers, setOnlyDiffers] = useState(false);
  const routeKey = routeIds.join(',');

  // A link's providers join the selection (a card's "Compare" button links with its one id).
  useEffect(() => {
    if (!selection.loaded) return;
    const known = routeIds.filter((id) => lookup(id));
    const missing = routeIds.length - known.length;
    void (async () => {
      const stale = selection.ids.filter((id) => !lookup(id));
      if (stale.length) await selection.replace(selection.ids.filter((id) => lookup(id)));
      const dropped = known.length ? await selection.merge(known) : [];
      const parts: string[] = [];
      if (missing > 0) parts.push(`${missing === 1 ? 'One provider' : `${missing} providers`} in this link ${missing === 1 ? 'is' : 'are'} not in Clinic Scout’s list.`);
      if (dropped.length) {
        parts.push(
          `Not added: ${dropped.map((id) => lookup(id)!.name).join(', ')}. You can compare up to ${MAX_COMPARE} providers at once; remove one first.`,
        );
      }
      setNotice(parts.join(' '));
    })();
  }, [selection.loaded, routeKey]);

  const chosen = selection.ids.map(lookup).filter((p): p is Provider => p !== undefined);
  const chosenKey = chosen.map((p) => p.id).join(',');

  // The address shows what is compared, so the full-page view can be reloaded or linked.
  useEffect(() => {
    if (!selection.loaded) return;
    const hash = `#/compare/${chosenKey}`;
    if (location.hash !== hash) history.replaceState(history.state, '', hash);
  }, [selection.loaded, chosenKey, routeKey]);

  const rows = useMemo(() => compareRows(chosen), [chosenKey]);
  const notes = useMemo(() => compareNotes(chosen, general), [chosenKey, general]);
  const shownRows = onlyDiffers ? rows.filter((r) => r.differs || !r.comparable) : rows;

  if (!selection.loaded) return <p class="message" role="status">Loading the comparison…</p>;

  return (
    <div class="compare">
      <h2 class="compare__title">Compare providers</h2>
      <p class="compare__notice" role="status">
        {notice}
      </p>
      {chosen.length > 0 && (
        <div class="compare__chosen">
          <p class="compare__chosen-label">
            Comparing {chosen.length} of {MAX_COMPARE}:
          </p>
          <ul class="compare__chips">
            {chosen.map((p) => (
              <li key={p.id} class="compare__chip">
                <CompareProviderLabel provider={p} />{' '}
                <button
                  type="button"
                  class="button button--small button--secondary"
                  onClick={() => void selection.remove(p.id)}
                  aria-label={`Remove ${p.name} from the comparison`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <button type="button" class="link" onClick={() => void selection.clear()}>
            Clear comparison
          </button>
        </div>
      )}

      {chosen.length < MIN_COMPARE ? (
        <div class="message">
          <p>
            {chosen.length === 0
              ? `Choose ${MIN_COMPARE} to ${MAX_COMPARE} providers to see them side by side: tick “Compare” in Browse or on a provider’s card.`
              : 'Choose at least one more provider to compare with.'}
          </p>
          <button type="button" class="button" onClick={() => go({ view: 'browse' })}>
            Browse providers
          </button>
        </div>
      ) : (
        <>
          <p class="compare__legend">
            Rows marked <span class="differs">Differs</span> have different known values. “Unknown” means the
            sources reviewed do not say; ask the clinic.
          </p>
          <label class="check">
            <input type="checkbox" checked={onlyDiffers} onChange={(e) => setOnlyDiffers(e.currentTarget.checked)} />
            Show only rows that differ
          </label>
          {wide ? <CompareTable providers={chosen} rows={shownRows} /> : <CompareStacked providers={chosen} rows={shownRows} />}
          <CompareNotes notes={notes} today={today} />
        </>
      )}
    </div>
  );
}
