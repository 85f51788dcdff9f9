import { Component, Fragment } from 'preact';
import type { NearNote } from '@/lib/browse/near-me';
import type { BrowseEntry } from '@/lib/dataset/browse-index';
import { resultFacts } from '@/lib/browse/summary';
import { CompareCheckbox } from '@/components/compare/CompareCheckbox';
import { shallowEqual } from '@/lib/shallow-equal';

interface Props {
  provider: BrowseEntry;
  compared: boolean;
  onToggleCompare: (id: string) => void;
  /** What the current sort says about this provider (a distance), when the line does not show it already. */
  sortNote?: string;
  /** What this provider means for the user's home location: distance, "In your state", "Serves CO". */
  near?: readonly NearNote[];
}

const NEAR_CLASS: Record<NearNote['tone'], string> = { ok: 'tag tag--ok', unknown: 'unknown', plain: 'result__distance' };

function Row({ provider: p, compared, onToggleCompare, sortNote, near }: Props) {
  const f = resultFacts(p);
  const closed = p.status.state === 'closed';
  return (
    <li class={`result ${closed ? 'result--closed' : ''}`}>
      <div class="result__main">
        <h3 class="result__name">
          <a href={`#/provider/${p.id}`}>{p.name}</a>
        </h3>
        <p class="result__facts">
          <span>{f.kind}</span>
          {f.status && (
            <>
              {' · '}
              <span class={`tag ${closed ? 'tag--danger' : 'tag--warn'}`}>{f.status}</span>
            </>
          )}
          {' · '}
          <span>{f.modalities}</span>
          {' · '}
          <span>{f.where}</span>
          {' · '}
          <span class={f.price.startsWith('no ') ? 'unknown' : 'result__price'}>{f.price}</span>
          {sortNote && (
            <>
              {' · '}
              <span>{sortNote}</span>
            </>
          )}
        </p>
        {near && near.length > 0 && (
          <p class="result__near">
            {near.map((n, i) => (
              <Fragment key={n.text}>
                {i > 0 && ' · '}
                <span class={NEAR_CLASS[n.tone]}>{n.text}</span>
              </Fragment>
            ))}
          </p>
        )}
        {f.isResource && <p class="result__note">Information resource — not a treatment provider.</p>}
      </div>
      {!f.isResource && <CompareCheckbox providerId={p.id} name={p.name} checked={compared} onToggle={onToggleCompare} />}
    </li>
  );
}

/**
 * One result: the name (opens the card) and one line of key facts. Memoised (shallow props, like
 * ShortlistItemRow): a keystroke re-renders only the rows that change, not every row shown.
 */
export class BrowseResult extends Component<Props> {
  override shouldComponentUpdate(next: Props): boolean {
    return !shallowEqual(this.props, next);
  }

  override render() {
    return <Row {...this.props} />;
  }
}
