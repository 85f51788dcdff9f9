/**
 * "Export CSV", "Export JSON", "Export Markdown" and "Print" for one list or all lists. The files are built by
 * lib/export (the UI's part: lib/export/prepare.ts) and saved through a blob URL (lib/download.ts) with a dated
 * name (exportFileName).
 *
 * When the shortlist storage could not be opened (`data.status === 'error'`), the buttons still work: the store
 * reads what is saved straight from IndexedDB (ShortlistStore.readSaved) and whatever is valid is exported.
 */
import { useContext, useId, useState } from 'preact/hooks';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { MEDIA_TYPES, downloadText } from '@/lib/download';
import { exportFileName, selectForExport, toCsv, toJson, toMarkdown, type ExportExtension } from '@/lib/export';
import { CANNOT_READ, exportFailed, NOTHING_SAVED, skippedNote } from '@/lib/export/messages';
import { exportInputFor } from '@/lib/export/prepare';
import { toStorageError } from '@/lib/shortlist';
import { recordsOf, type Records, type ShortlistData } from '@/lib/shortlist/records';
import { printPageUrl } from '@/state/route';
import { ShortlistStoreContext } from '@/state/shortlists/context';
import type { ShortlistStore } from '@/state/shortlists/store';
import './export-import.css';
import './export-import-print.css';

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
  /** The store whose fallback reader is used when storage could not be opened (default: the provided one). */
  store?: Pick<ShortlistStore, 'readSaved'>;
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
  store: given,
  now = () => new Date(),
  printUrl = printPageUrl,
}: ExportMenuProps) {
  const provided = useContext(ShortlistStoreContext);
  const store = given ?? provided;
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
        if (!store) throw new Error('no shortlist store');
        const saved = await store.readSaved();
        if (!saved || saved.shortlists.length === 0) {
          setError(NOTHING_SAVED);
          return;
        }
        records = saved;
        note = skippedNote(saved.skipped);
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
      setError(exportFailed(format));
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
