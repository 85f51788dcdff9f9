/**
 * "Export CSV", "Export JSON", "Export Markdown" and "Print" for one list or all lists. The files are built by
 * lib/export and saved through a blob URL (lib/download.ts) with a dated name (exportFileName).
 *
 * When the shortlist storage could not be opened (`data.status === 'error'`), the buttons still work: the
 * saved records are read straight from IndexedDB (dumpShortlistDb) and whatever is valid is exported.
 *
 * Mount: `<ShortlistExportImport />` (bottom of this file) is the export menu plus the import dialog, wired to
 * the panel's shortlists; pass it as the Shortlist view's `exportImport` slot.
 */
import { useId, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { general as datasetGeneral, providerById as datasetProviderById } from '@/data';
import { useShortlists } from '@/state/shortlists/context';
import { MAX_COMPARE } from '@/lib/compare/selection';
import { compareToTable } from '@/lib/compare/markdown';
import { estimatePlan } from '@/lib/cost/plan';
import { costSummaryLine } from '@/lib/cost/summary';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { MEDIA_TYPES, downloadText } from '@/lib/download';
import {
  exportFileName,
  selectForExport,
  toCsv,
  toJson,
  toMarkdown,
  type ComparisonTable,
  type ExportExtension,
  type ExportInput,
} from '@/lib/export';
import { dumpShortlistDb, toStorageError, type DbDump } from '@/lib/shortlist';
import { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';
import { ImportDialog } from './ImportDialog';

/** What the menu reads; the Shortlist view's `useShortlists()` value fits as is. */
export interface ShortlistData {
  status: 'loading' | 'ready' | 'error';
  /** Lists not in the trash, in display order. */
  lists: readonly Shortlist[];
  /** Lists in the trash (included in an "all lists" JSON backup, so a restore is exact). */
  deleted: readonly Shortlist[];
  /** Items by list id, in display order. */
  items: ReadonlyMap<string, readonly ShortlistItem[]>;
}

export interface Records {
  shortlists: Shortlist[];
  items: ShortlistItem[];
}

/** Every list (trash included) and item in `data`. */
export function recordsOf(data: ShortlistData): Records {
  const shortlists = [...data.lists, ...data.deleted];
  return { shortlists, items: shortlists.flatMap((l) => [...(data.items.get(l.id) ?? [])]) };
}

/** Records read straight from the database, and how many stored records were not valid and left out. */
export interface SavedRecords extends Records {
  skipped: number;
}

/**
 * The fallback reader: what is saved, read without the shortlist repository (which may refuse to open, e.g.
 * after a failed upgrade). Invalid records and items whose list is missing are left out and counted.
 * Null when nothing was ever saved. Rejects (StorageError) when the browser refuses IndexedDB altogether.
 */
export async function readSavedRecords(dump: () => Promise<DbDump | null> = () => dumpShortlistDb()): Promise<SavedRecords | null> {
  const db = await dump();
  if (!db) return null;
  let skipped = 0;
  const shortlists: Shortlist[] = [];
  for (const raw of db.stores.shortlists?.records ?? []) {
    const r = Shortlist.safeParse(raw);
    if (r.success) shortlists.push(r.data);
    else skipped++;
  }
  shortlists.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const listIds = new Set(shortlists.map((s) => s.id));
  const items: ShortlistItem[] = [];
  for (const raw of db.stores.items?.records ?? []) {
    const r = ShortlistItem.safeParse(raw);
    if (r.success && listIds.has(r.data.shortlistId)) items.push(r.data);
    else skipped++;
  }
  return { shortlists, items, skipped };
}

/** The one-line cost estimate for an item (the plan the user set, or the defaults); undefined if it can't be made. */
export function costLineFor(item: ShortlistItem, providerById: (id: string) => Provider | undefined, general: General): string | undefined {
  const provider = item.providerId === null ? null : (providerById(item.providerId) ?? null);
  try {
    return costSummaryLine(estimatePlan(provider, general, item.plan, item.quote));
  } catch {
    return undefined;
  }
}

/** The comparison table for a list of 2 to 4 dataset clinics (Markdown only), as the Compare view shows it. */
function comparisonFor(items: readonly ShortlistItem[], providerById: (id: string) => Provider | undefined): ComparisonTable | undefined {
  const providers = new Map<string, Provider>();
  for (const item of items) {
    const p = item.providerId === null ? undefined : providerById(item.providerId);
    if (p) providers.set(p.id, p);
  }
  if (providers.size < 2 || providers.size > MAX_COMPARE) return undefined;
  return compareToTable([...providers.values()]);
}

/** The CSV/Markdown input for these records, with the cost line per item and the question texts. */
export function exportInputFor(
  records: Records,
  options: { providerById: (id: string) => Provider | undefined; general: General; exportedAt: Date; comparison?: boolean },
): ExportInput {
  const { providerById, general } = options;
  const costs = new Map<string, string | undefined>();
  return {
    shortlists: records.shortlists,
    items: records.items,
    provider: providerById,
    general,
    exportedAt: options.exportedAt,
    itemExtras: (item) => {
      if (!costs.has(item.id)) costs.set(item.id, costLineFor(item, providerById, general));
      const costEstimate = costs.get(item.id);
      return costEstimate ? { costEstimate } : undefined;
    },
    comparison: options.comparison
      ? (list) => comparisonFor(records.items.filter((i) => i.shortlistId === list.id), providerById)
      : undefined,
  };
}

/** The print page for a list (or all lists), as a URL to open in a new tab. */
export function printPageUrl(listId: string | null): string {
  const hash = listId === null ? '#/print' : `#/print/${encodeURIComponent(listId)}`;
  return `${browser.runtime.getURL('/sidepanel.html')}?full${hash}`;
}

const FORMAT_LABEL: Record<ExportExtension, string> = { csv: 'CSV', json: 'JSON', md: 'Markdown' };

export const NOTHING_SAVED = 'There are no saved shortlists yet, so there is nothing to export.';
export const CANNOT_READ =
  "Clinic Scout can't read your saved shortlists in this window, so nothing could be exported. Nothing saved was changed.";

export interface ExportMenuProps {
  data: ShortlistData;
  /** The list on screen; null: the first list (as the Shortlist view shows it). */
  listId: string | null;
  providerById: (id: string) => Provider | undefined;
  general: General;
  /** Show the "Print" link (default true); the print page itself hides it. */
  showPrint?: boolean;
  /** Default: the scope the menu starts with. */
  defaultScope?: 'list' | 'all';
  /** Fallback reader when storage could not be opened (default: dumpShortlistDb). */
  readFallback?: () => Promise<DbDump | null>;
  /** Clock for the file name and the Markdown date (tests). */
  now?: () => Date;
  /** Makes the print page's URL (default printPageUrl). */
  printUrl?: (listId: string | null) => string;
}

export function ExportMenu({
  data,
  listId,
  providerById,
  general,
  showPrint = true,
  defaultScope = 'list',
  readFallback,
  now = () => new Date(),
  printUrl = printPageUrl,
}: ExportMenuProps) {
  const id = useId();
  const [scope, setScope] = useState<'list' | 'all'>(defaultScope);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const [error, setError] = useState<string | null>(null);

  const fallback = data.status === 'error';
  const current = fallback ? null : (data.lists.find((l) => l.id === listId) ?? data.lists[0] ?? null);
  const effectiveScope = current ? scope : 'all';
  const empty = data.status === 'ready' && data.lists.length === 0 && data.deleted.length === 0;
  const disabled = busy || data.status === 'loading' || empty;

  const run = async (format: ExportExtension) => {
    setError(null);
    setDone('');
    let records: Records;
    let note = '';
    if (fallback) {
      setBusy(true);
      try {
        const saved = await readSavedRecords(readFallback);
        if (!saved || saved.shortlists.length === 0) {
          setError(NOTHING_SAVED);
          return;
        }
        records = saved;
        if (saved.skipped > 0) {
          note = ` ${saved.skipped} saved ${saved.skipped === 1 ? 'record' : 'records'} couldn't be read and ${saved.skipped === 1 ? 'was' : 'were'} left out.`;
        }
      } catch (err) {
        const reason = toStorageError(err, 'open');
        console.warn('Clinic Scout: fallback read for export failed', reason.detail);
        setError(CANNOT_READ);
        return;
      } finally {
        setBusy(false);
      }
    } else {
      records = recordsOf(data);
    }

    const exportedAt = now();
    const list = effectiveScope === 'list' ? current : null;
    try {
      const selected = selectForExport(records, { listId: list?.id ?? null, includeDeleted: format === 'json' && list === null });
      const text =
        format === 'json'
          ? toJson(selected, exportedAt)
          : (format === 'csv' ? toCsv : toMarkdown)(exportInputFor(selected, { providerById, general, exportedAt, comparison: format === 'md' }));
      const name = exportFileName(format, exportedAt, list?.name ?? null);
      downloadText(text, name, MEDIA_TYPES[format]);
      setDone(`Your download has started: ${name}.${note}`);
    } catch (err) {
      console.warn('Clinic Scout: export failed', err);
      setError(
        `The ${FORMAT_LABEL[format]} file couldn't be made, so nothing was downloaded. Your shortlists are unchanged. ` +
          'Please try again, or try another format.',
      );
    }
  };

  const allCount = data.lists.length;
  return (
    <section class="export-menu" aria-labelledby={`${id}-title`}>
      <h3 class="export-menu__title" id={`${id}-title`}>
        Export or print
      </h3>
      {fallback && (
        <p class="export-menu__fallback">
          Your shortlists can't be opened right now, but Clinic Scout can still try to export a copy of everything that is saved.
        </p>
      )}
      {current && (
        <fieldset class="export-menu__scope">
          <legend class="sl-label">What to export</legend>
          <label class="export-menu__choice">
            <input type="radio" name={`${id}-scope`} value="list" checked={scope === 'list'} onChange={() => setScope('list')} />
            This list ({current.name})
          </label>
          <label class="export-menu__choice">
            <input type="radio" name={`${id}-scope`} value="all" checked={scope === 'all'} onChange={() => setScope('all')} />
            All lists ({allCount})
          </label>
        </fieldset>
      )}
      <div class="export-menu__buttons">
        <button type="button" class="button button--secondary" disabled={disabled} onClick={() => void run('csv')}>
          Export CSV
        </button>
        <button type="button" class="button button--secondary" disabled={disabled} onClick={() => void run('json')}>
          Export JSON
        </button>
        <button type="button" class="button button--secondary" disabled={disabled} onClick={() => void run('md')}>
          Export Markdown
        </button>
        {showPrint && !empty && data.status !== 'loading' && (
          <a class="button button--secondary export-menu__print" href={printUrl(effectiveScope === 'list' && current ? current.id : null)} target="_blank" rel="noopener">
            Print<span class="visually-hidden"> (opens in a new tab)</span>
          </a>
        )}
      </div>
      <p class="sl-hint export-menu__hint">
        {empty
          ? 'Nothing to export yet.'
          : 'CSV opens in a spreadsheet; Markdown pastes into a message. Only the JSON backup can be imported again.'}
      </p>
      <p class="export-menu__done" role="status" aria-live="polite">
        {done}
      </p>
      {error && (
        <p class="sl-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

/**
 * The export menu and the import dialog for the Shortlist view's `exportImport` slot: reads the panel's
 * shortlists (useShortlists) and the bundled dataset.
 */
export function ShortlistExportImport() {
  const sl = useShortlists();
  return (
    <>
      <ExportMenu data={sl} listId={sl.selectedListId} providerById={datasetProviderById} general={datasetGeneral} />
      <ImportDialog onImported={() => void sl.store.reload()} />
    </>
  );
}
