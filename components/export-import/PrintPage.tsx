// The print route (#/print, #/print/<listId>): a print-friendly page of one list or all lists, opened in a tab
// from the export menu, with "Print or save as PDF" and the export and import tools (all hidden on paper).
import { useEffect, useState } from 'preact/hooks';
import { costLineFor } from '@/lib/export/prepare';
import { recordsOf, type Records, type SavedRecords } from '@/lib/shortlist/records';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';
import { PrintView } from './PrintView';
import { useGeneral, useItemProviders } from '@/state/dataset';
import { Loading } from '@/components/common/Loading';
import { LoadError } from '@/components/common/LoadError';
import { PROVIDER_LOAD_MESSAGE } from '@/lib/dataset/loader';
import { useShortlists } from '@/state/shortlists/context';
import './export-import.css';
import './export-import-print.css';

export function PrintPage({ listId }: { listId: string | null }) {
  const sl = useShortlists();
  const general = useGeneral();
  // When storage can't be opened normally, show what can still be read straight from the database.
  const [saved, setSaved] = useState<SavedRecords | null | 'failed' | undefined>(undefined);
  useEffect(() => {
    if (sl.status !== 'error' || saved !== undefined) return;
    sl.store.readSaved().then(setSaved, () => setSaved('failed'));
  }, [sl.status]);

  const records: Records | null =
    sl.status === 'ready' ? recordsOf(sl) : sl.status === 'error' && saved && saved !== 'failed' ? saved : null;
  const live = records ? records.shortlists.filter((l) => l.deletedAt === null) : [];
  const list = listId === null ? null : (live.find((l) => l.id === listId) ?? null);
  const shown = listId === null ? live : list ? [list] : [];
  const title = list?.name ?? 'all lists';
  // The records of the providers on the page (all lists' items: the export tools can export every list).
  const providers = useItemProviders(records?.items ?? []);
  const providerById = providers.status === 'ready' ? providers.value : () => undefined;

  useEffect(() => {
    const before = document.title;
    document.title = `Clinic Scout — ${title}`; // the default file name of "Save as PDF"
    return () => {
      document.title = before;
    };
  }, [title]);

  return (
    <div class="print-page">
      <div class="print-page__actions">
        <button type="button" class="button" onClick={() => window.print()} disabled={shown.length === 0}>
          Print or save as PDF
        </button>
        <a href="#/shortlist">Back to your shortlist</a>
        {listId !== null && <a href="#/print">Show all lists</a>}
      </div>
      {sl.status === 'loading' && (
        <p class="message" role="status">
          Opening your shortlist…
        </p>
      )}
      {sl.status === 'error' && sl.error && (
        <div class="notice notice--warn" role="alert">
          <p>{sl.error.message}</p>
          {saved === 'failed' && <p>Clinic Scout can't read your saved shortlists in this window.</p>}
          {saved && saved !== 'failed' && <p>Below is what could still be read from your saved shortlists.</p>}
        </div>
      )}
      {records && listId !== null && !list && (
        <p class="message message--warn" role="status">
          This list isn't in your shortlists any more. <a href="#/print">Show all lists</a>
        </p>
      )}
      {records && providers.status === 'loading' && <Loading />}
      {records && providers.status === 'error' && <LoadError title={PROVIDER_LOAD_MESSAGE} onRetry={providers.retry} />}
      {records && providers.status === 'ready' && (listId === null || list) && (
        <PrintView
          shortlists={shown}
          items={records.items}
          providerById={providerById}
          general={general}
          today={new Date()}
          costLine={(item) => costLineFor(item, providerById, general)}
          title={title}
        />
      )}
      <div class="print-page__tools">
        {providers.status === 'ready' && <ExportMenu
          key={list?.id ?? ''} // starts on "this list" once the list is loaded
          data={sl}
          listId={list?.id ?? null}
          providerById={providerById}
          general={general}
          showPrint={false}
          defaultScope={list ? 'list' : 'all'}
        />}
        <ImportDialog onImported={() => void sl.store.reload()} />
      </div>
    </div>
  );
}
