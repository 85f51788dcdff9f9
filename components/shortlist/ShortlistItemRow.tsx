import { Component, type ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { readDate } from '@/lib/extract/saved';
import { ShortlistReadFacts } from './ShortlistReadFacts';
import { useShortlistStore } from '@/state/shortlists/context';
import type { Provider } from '@/lib/dataset/schema';
import { ITEM_STATUS_LABEL } from '@/lib/format/labels';
import { itemWebsite, safeHref, siteName } from '@/lib/format/links';
import { itemName } from '@/lib/shortlist/records';
import { notePreview, rowFacts } from '@/lib/shortlist/view';
import { useItemSave } from '@/state/shortlists/conflict';
import type { ItemStatus, ShortlistItem, StoredShortlistItem } from '@/lib/shortlist/schema';
import { ShortlistConflict } from './ShortlistConflict';
import { ShortlistNotes } from './ShortlistNotes';
import { ShortlistQuote } from './ShortlistQuote';
import { ShortlistUpdated } from './ShortlistUpdated';
import { ChangeNotice } from './ChangeNotice';
import { ChangeHistory } from './ChangeHistory';
import { hasUnseen, removalText } from '@/lib/changes/unseen';
import { shallowEqual } from '@/lib/shallow-equal';

const STATUSES = Object.keys(ITEM_STATUS_LABEL) as ItemStatus[];

export interface ShortlistItemRowProps {
  /** As stored, with the revision every save from this row is made over. */
  item: StoredShortlistItem;
  /** The dataset record; undefined for the user's own entry or a provider that left the dataset. */
  provider: Provider | undefined;
  index: number;
  count: number;
  expanded: boolean;
  onToggle: (id: string) => void;
  onMove: (item: ShortlistItem, delta: -1 | 1) => void;
  onRemove: (item: ShortlistItem) => void;
  /** After a move, the button to put focus back on. */
  focus: 'up' | 'down' | null;
  /**
   * COST ESTIMATE AND CHECKLIST SLOT: what the cost-plan and question-checklist features render for this
   * item, shown in its details between the quote and "Remove".
   */
  renderExtras?: (item: StoredShortlistItem, provider: Provider | undefined) => ComponentChildren;
  /** Rounded to the minute by the list, so rows don't re-render every render. */
  now: number;
}

function Row({ item, provider, index, count, expanded, onToggle, onMove, onRemove, focus, renderExtras, now }: ShortlistItemRowProps) {
  const store = useShortlistStore();
  const id = useId();
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const status = useItemSave<ItemStatus>(
    (value, expectedRevision, base) => store.updateItem(item.id, { status: value, expectedRevision }, base && { status: base }),
    (stored) => stored.status,
    { key: `${item.id}:status` },
  );
  const statusError = status.error;
  const name = itemName(item, provider);
  const custom = item.custom;
  const gone = item.providerId !== null && provider === undefined;
  const website = safeHref(itemWebsite(item, provider)); // dataset providers: the dataset's address only
  const facts = rowFacts(item, provider);
  const preview = notePreview(item.notes);
  const first = index === 0;
  const last = index === count - 1;

  useEffect(() => {
    if (focus === 'up') (first ? downRef : upRef).current?.focus();
    else if (focus === 'down') (last ? upRef : downRef).current?.focus();
  }, [focus, index]);

  const setStatus = (value: ItemStatus) => void status.save(value, item.revision, item.status);

  return (
    <li class={`sl-item sl-item--${item.status}`} data-item={item.id}>
      <article class="sl-item__card" aria-labelledby={`${id}-name`}>
        <div class="sl-item__head">
          <h3 class="sl-item__name" id={`${id}-name`} dir="auto">
            {name}
          </h3>
          {custom && (
            <span class="tag sl-tag--own">{custom.read ? `Your own entry, read from ${custom.read.host} on ${readDate(custom.read.at)}` : 'Your own entry'}</span>
          )}
          {gone && <span class="tag tag--warn">No longer in Clinic Scout's list</span>}
        </div>
        {/* What decides: the provider's status first (a closure leads), where, and the price or the user's quote. */}
        {(facts.status || facts.place || facts.price) && (
          <p class="sl-item__facts">
            {facts.status && <span class={`tag tag--${facts.status.tone} sl-item__state`}>{facts.status.text}</span>}
            {facts.place && <span class="sl-item__place">{facts.place}</span>}
            {facts.price && <span class={`sl-item__price ${facts.priceIsQuote ? 'sl-item__price--quote' : ''}`}>{facts.price}</span>}
          </p>
        )}
        {hasUnseen(item) && <ChangeNotice item={item} place="row" onSeen={() => store.markSeen(item)} />}
        {!expanded && preview !== '' && (
          <p class="sl-item__preview" dir="auto">
            {preview}
          </p>
        )}
        <div class="sl-item__bar">
          <span class="sl-item__status">
            <label for={`${id}-status`} class="sl-label">
              Status
            </label>
            <select id={`${id}-status`} value={item.status} onChange={(e) => setStatus(e.currentTarget.value as ItemStatus)}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {ITEM_STATUS_LABEL[s]}
                </option>
              ))}
            </select>
          </span>
          <button
            type="button"
            class="button button--secondary sl-small sl-item__toggle"
            aria-expanded={expanded}
            aria-controls={`${id}-details`}
            onClick={() => onToggle(item.id)}
          >
            <span aria-hidden="true">{expanded ? '▾ ' : '▸ '}</span>
            Notes and details
          </button>
          <span class="sl-item__move">
            <button
              type="button"
              ref={upRef}
              class="button button--secondary sl-item__move-button"
              aria-disabled={first ? true : undefined}
              onClick={() => !first && onMove(item, -1)}
            >
              Move up<span class="sl-visually-hidden"> {name}</span>
            </button>
            <button
              type="button"
              ref={downRef}
              class="button button--secondary sl-item__move-button"
              aria-disabled={last ? true : undefined}
              onClick={() => !last && onMove(item, 1)}
            >
              Move down<span class="sl-visually-hidden"> {name}</span>
            </button>
          </span>
        </div>
        {statusError && (
          <p class="sl-error" role="alert">
            <strong>Status not saved.</strong> {statusError.message}
          </p>
        )}
        {status.conflict && (
          <ShortlistConflict
            title="The status was also changed in another window."
            mine={ITEM_STATUS_LABEL[status.conflict.mine]}
            theirs={ITEM_STATUS_LABEL[status.conflict.theirs]}
            onKeepMine={() => void status.keepMine()}
            onKeepTheirs={() => void status.keepTheirs()}
            busy={status.busy}
          />
        )}
        {expanded && (
          <div class="sl-item__details" id={`${id}-details`}>
            {custom && (
              <p class="sl-item__own">
                You added this clinic yourself. Clinic Scout has not checked anything about it.
              </p>
            )}
            {custom && <ShortlistReadFacts custom={custom} />}
            {gone && (
              <p class="notice notice--warn sl-item__gone">
                {item.removed && `${removalText(item.removed)}. `}Clinic Scout no longer lists this clinic, so only what you saved is
                shown: its name and website as they were when you added it, and your notes.
              </p>
            )}
            <p class="sl-item__meta">
              <ShortlistUpdated at={item.updatedAt} now={now} />
            </p>
            <p class="sl-item__links">
              {provider && <a href={`#/provider/${provider.id}`}>Open the clinic's card</a>}
              {provider && website && ' · '}
              {website && (
                <a href={website} target="_blank" rel="noopener noreferrer">
                  {siteName(website)}
                </a>
              )}
            </p>
            <ShortlistNotes itemId={item.id} saved={item.notes} revision={item.revision} store={store} />
            <ChangeHistory item={item} />
            <ShortlistQuote itemId={item.id} quote={item.quote} revision={item.revision} store={store} />
            {/* COST ESTIMATE AND CHECKLIST SLOT (prop `renderExtras`): the per-item cost estimate and question
                checklist go here. */}
            {renderExtras && (
              <div class="sl-item__extras" data-slot="cost-and-checklist">
                {renderExtras(item, provider)}
              </div>
            )}
            <button type="button" class="button button--secondary sl-item__remove" onClick={() => onRemove(item)}>
              Remove from shortlist
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

/**
 * One clinic on a shortlist. Memoised (shallow props), so a change to one item re-renders only that row.
 */
export class ShortlistItemRow extends Component<ShortlistItemRowProps> {
  override shouldComponentUpdate(next: ShortlistItemRowProps): boolean {
    return !shallowEqual(this.props, next);
  }

  override render() {
    return <Row {...this.props} />;
  }
}
