import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { PURGE_AFTER_MS } from '@/state/shortlists/store';
import { useShortlists } from '@/state/shortlists/context';
import type { Provider } from '@/lib/dataset/schema';
import { StorageError, toStorageError } from '@/lib/shortlist';
import type { Shortlist, ShortlistItem, StoredShortlistItem } from '@/lib/shortlist/schema';
import { CustomClinicForm } from './CustomClinicForm';
import { ShortlistDeleted } from './ShortlistDeleted';
import { itemName } from '@/lib/shortlist/records';
import { EMPTY_STEPS, EMPTY_TEXT, EMPTY_TITLE, PAGE_SIZE } from '@/lib/shortlist/view';
import { ShortlistItemRow } from './ShortlistItemRow';
import { ShortlistPicker } from './ShortlistPicker';
import { ShortlistUnreadable } from './ShortlistUnreadable';
import { StorageNotice } from './StorageNotice';

export interface ShortlistPanelProps {
  /** Lookup over the records the view loaded (state/dataset.ts); undefined means the provider left the dataset. */
  providerById: (id: string) => Provider | undefined;
  /**
   * EXPORT / IMPORT SLOT: the export and import buttons (built separately). Shown in the menu below the
   * clinics and inside every storage notice.
   */
  exportImport?: ComponentChildren;
  /** COST ESTIMATE AND CHECKLIST SLOT: rendered in each item's details (see ShortlistItemRow). */
  renderItemExtras?: (item: StoredShortlistItem, provider: Provider | undefined) => ComponentChildren;
}

interface Undo {
  message: string;
  run: () => Promise<unknown>;
  done: string;
}

const plural = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'clinic' : 'clinics'}`;

/** Whether the list menu was open, kept while the panel is open (coming back from a card finds it as it was). */
let menuOpen = false;

/** The Shortlist view's content: the same component in the side panel and the full-page view. */
export function ShortlistPanel({ providerById, exportImport, renderItemExtras }: ShortlistPanelProps) {
  const sl = useShortlists();
  const { store } = sl;
  const current: Shortlist | null = sl.lists.find((l) => l.id === sl.selectedListId) ?? sl.lists[0] ?? null;
  const items = (current && sl.items.get(current.id)) || [];
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(sl.focusItemId ? [sl.focusItemId] : []));
  const [moved, setMoved] = useState<{ id: string; dir: 'up' | 'down' } | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [announce, setAnnounce] = useState('');
  const [actionError, setActionError] = useState<StorageError | null>(null);
  const [adding, setAdding] = useState(() => store.customClinicDraft !== null);
  const [shown, setShown] = useState(PAGE_SIZE);
  const showAtLeast = (count: number) => setShown((s) => (s >= count ? s : Math.ceil(count / PAGE_SIZE) * PAGE_SIZE));
  const undoButton = useRef<HTMLButtonElement>(null);
  const listRef = useRef(current);
  listRef.current = current;
  const now = Math.floor(Date.now() / 60_000) * 60_000;

  // Arriving from "On your shortlist: …" on a card: open that item and bring it into view.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    const target = sl.focusItemId;
    if (!target || focused.current === target) return;
    const at = items.findIndex((i) => i.id === target);
    if (at === -1) return; // not loaded yet
    focused.current = target;
    sl.selectList(sl.selectedListId, null); // handled: coming back to the view later doesn't jump again
    setExpanded((s) => new Set([...s, target]));
    showAtLeast(at + 1);
    requestAnimationFrame(() => {
      const row = Array.from(document.querySelectorAll<HTMLElement>('[data-item]')).find((el) => el.dataset.item === target);
      row?.scrollIntoView({ block: 'start' });
    });
  }, [sl.focusItemId, items]);

  // Focus moved back to the moved item's button (see ShortlistItemRow); clear the request once applied.
  useEffect(() => {
    if (moved) setMoved(null);
  }, [moved]);

  useEffect(() => {
    if (undo) undoButton.current?.focus();
  }, [undo]);

  const fail = (err: unknown) => setActionError(err instanceof StorageError ? err : toStorageError(err));

  const onToggle = useCallback((id: string) => {
    setExpanded((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  // Moves run one after another, each from the order the previous one left (quick repeated presses add up).
  const moves = useRef<Promise<void>>(Promise.resolve());
  const onMove = useCallback(
    (item: ShortlistItem, delta: -1 | 1) => {
      moves.current = moves.current.then(async () => {
        const list = store.snapshot.items.get(item.shortlistId) ?? [];
        const from = list.findIndex((i) => i.id === item.id);
        const to = from + delta;
        if (from === -1 || to < 0 || to >= list.length) return;
        try {
          await store.moveItem(item.id, to);
          showAtLeast(to + 1); // a row moved past the last shown one stays in view
          setActionError(null);
          setMoved({ id: item.id, dir: delta < 0 ? 'up' : 'down' });
          setAnnounce(`Moved ${itemName(item, item.providerId ? providerById(item.providerId) : undefined)} to position ${to + 1} of ${list.length}.`);
        } catch (err) {
          fail(err);
        }
      });
    },
    [store, providerById],
  );

  const onRemove = useCallback(
    async (item: ShortlistItem) => {
      const name = itemName(item, item.providerId ? providerById(item.providerId) : undefined);
      try {
        const removed = await store.removeItem(item.id);
        setActionError(null);
        if (!removed) return;
        const listName = listRef.current?.name ?? 'your shortlist';
        setAnnounce(`Removed ${name} from ${listName}.`);
        setUndo({ message: `Removed ${name} from ${listName}.`, run: () => store.restoreItem(removed), done: `${name} is back on ${listName}.` });
      } catch (err) {
        fail(err);
      }
    },
    [store, providerById],
  );

  const runUndo = async () => {
    if (!undo) return;
    try {
      await undo.run();
      setActionError(null);
      setAnnounce(undo.done);
      setUndo(null);
    } catch (err) {
      fail(err);
    }
  };

  const storageError = sl.error ?? sl.writeError;

  const pickerProps = {
    lists: sl.lists,
    current,
    store,
    onSelect: (id: string) => sl.selectList(id),
    onAnnounce: setAnnounce,
    onDeleted: (list: Shortlist) => {
      sl.selectList(null);
      setAnnounce(`Deleted the list “${list.name}”.`);
      setUndo({ message: `Deleted the list “${list.name}”.`, run: () => store.restoreList(list.id), done: `Restored the list “${list.name}”.` });
    },
  };

  return (
    <section class="sl" aria-labelledby="shortlist-title">
      <div class="sl__head">
        <h2 class="sl__title" id="shortlist-title">
          {current?.name ?? 'Your shortlist'}
        </h2>
        {current && <p class="sl__count">{plural(items.length)}</p>}
      </div>
      {storageError && (
        <StorageNotice error={storageError} exportImport={exportImport} onRetry={sl.status === 'error' ? () => void store.retry() : undefined} />
      )}
      <ShortlistUnreadable records={sl.unreadable} />
      <p class="sl-visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {undo && (
        <div class="sl-undo">
          <p class="sl-undo__text">{undo.message}</p>
          <button type="button" class="button sl-small" ref={undoButton} onClick={() => void runUndo()}>
            Undo
          </button>
          <button type="button" class="link sl-undo__dismiss" onClick={() => setUndo(null)}>
            Dismiss
          </button>
        </div>
      )}
      {actionError && !storageError && (
        <p class="sl-error" role="alert">
          {actionError.message}
        </p>
      )}
      {sl.status === 'loading' && sl.lists.length === 0 ? (
        <p class="message" role="status">
          Opening your shortlist…
        </p>
      ) : (
        <>
          {(sl.lists.length > 0 || sl.status === 'ready') && (
            <ShortlistPicker part="choose" {...pickerProps} />
          )}
          {items.length === 0 ? (
            sl.status !== 'error' && (
              <div class="sl-empty">
                <h3 class="sl-empty__title">{EMPTY_TITLE}</h3>
                <p>{EMPTY_TEXT}</p>
                <ol class="sl-empty__steps">
                  {EMPTY_STEPS.map((step) => (
                    <li key={step}>{step}</li>
                  ))}
                </ol>
                <a class="button" href="#/browse">
                  Browse providers
                </a>
              </div>
            )
          ) : (
            <>
            <ol class="sl-items" aria-label={`Clinics on ${current?.name ?? 'your shortlist'}`}>
              {(items.length > shown ? items.slice(0, shown) : items).map((item, index) => {
                const provider = item.providerId ? providerById(item.providerId) : undefined;
                return (
                  <ShortlistItemRow
                    key={item.id}
                    item={item}
                    provider={provider}
                    index={index}
                    count={items.length}
                    expanded={expanded.has(item.id)}
                    onToggle={onToggle}
                    onMove={onMove}
                    onRemove={onRemove}
                    focus={moved?.id === item.id ? moved.dir : null}
                    renderExtras={renderItemExtras}
                    now={now}
                  />
                );
              })}
            </ol>
            {items.length > shown && (
              <p class="sl-more">
                Showing {shown} of {plural(items.length)}.{' '}
                <button type="button" class="button button--secondary sl-small" onClick={() => setShown(shown + PAGE_SIZE)}>
                  Show {Math.min(PAGE_SIZE, items.length - shown)} more
                </button>{' '}
                <button type="button" class="link" onClick={() => setShown(items.length)}>
                  Show all
                </button>
              </p>
            )}
            </>
          )}
        </>
      )}
      {adding ? (
        <CustomClinicForm
          drafts={store}
          exportImport={exportImport}
          onSubmit={(input) => store.addCustom(input, current?.id)}
          onDone={(item) => {
            setAdding(false);
            if (item) {
              sl.selectList(item.shortlistId);
              showAtLeast((store.snapshot.items.get(item.shortlistId)?.length ?? 0) + 1);
              setAnnounce(`Added ${item.snapshot.name} to your shortlist as your own entry.`);
            }
          }}
        />
      ) : (
        <p class="sl__add-own">
          <button type="button" class="button button--secondary" onClick={() => setAdding(true)}>
            Add a clinic yourself
          </button>{' '}
          <span class="sl-hint">For a clinic that isn't in Clinic Scout's list.</span>
        </p>
      )}
      {/* The list's menu, below the clinics: new, rename and delete list; EXPORT / IMPORT SLOT (prop `exportImport`). */}
      {sl.status !== 'loading' && (
        <details
          class="sl-menu"
          open={menuOpen}
          onToggle={(e) => {
            menuOpen = (e.currentTarget as HTMLDetailsElement).open;
          }}
        >
          <summary class="sl-menu__summary">List options, export and import</summary>
          <div class="sl-menu__body">
            {sl.status === 'ready' && <ShortlistPicker part="manage" {...pickerProps} />}
            {exportImport && (
              <div class="sl__export" data-slot="export-import">
                {exportImport}
              </div>
            )}
          </div>
        </details>
      )}
      <ShortlistDeleted
        deleted={sl.deleted}
        items={sl.items}
        store={store}
        keepDays={Math.round(PURGE_AFTER_MS / (24 * 3600_000))}
        now={now}
        onRestored={(list) => {
          sl.selectList(list.id);
          setAnnounce(`Restored the list “${list.name}”.`);
          if (undo) setUndo(null);
        }}
      />
    </section>
  );
}
