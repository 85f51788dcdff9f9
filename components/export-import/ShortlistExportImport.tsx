import { useGeneral, type ProviderLookup } from '@/state/dataset';
import { useShortlists } from '@/state/shortlists/context';
import { ExportMenu } from './ExportMenu';
import { ImportDialog } from './ImportDialog';

/**
 * The export menu and the import dialog for the Shortlist view's `exportImport` slot: reads the panel's
 * shortlists (useShortlists) and the records of their providers, which the view has loaded.
 */
export function ShortlistExportImport({ providerById }: { providerById: ProviderLookup }) {
  const sl = useShortlists();
  const general = useGeneral();
  return (
    <>
      <ExportMenu data={sl} listId={sl.selectedListId} providerById={providerById} general={general} />
      <ImportDialog onImported={() => void sl.store.reload()} />
    </>
  );
}
