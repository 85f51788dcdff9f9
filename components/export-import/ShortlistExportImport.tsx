import { useGeneral, useProviderLookup } from '@/state/dataset';
import { useShortlists } from '@/state/shortlists/context';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';

/**
 * The export menu and the import dialog for the Shortlist view's `exportImport` slot: reads the panel's
 * shortlists (useShortlists) and the bundled dataset.
 */
export function ShortlistExportImport() {
  const sl = useShortlists();
  const providerById = useProviderLookup();
  const general = useGeneral();
  return (
    <>
      <ExportMenu data={sl} listId={sl.selectedListId} providerById={providerById} general={general} />
      <ImportDialog onImported={() => void sl.store.reload()} />
    </>
  );
}
