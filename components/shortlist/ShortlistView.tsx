import { ShortlistPanel } from './ShortlistPanel';
import { Loading } from '@/components/common/Loading';
import { LoadError } from '@/components/common/LoadError';
import { PROVIDER_LOAD_MESSAGE } from '@/lib/dataset/loader';
import { useItemProviders } from '@/state/dataset';
import { useShortlists } from '@/state/shortlists/context';
import { ShortlistExportImport } from '@/components/export-import/ShortlistExportImport';
import { ShortlistItemExtras } from './ShortlistItemExtras';

/**
 * The Shortlist view, in the side panel and the full-page view alike (the wide layout is CSS on .app--wide).
 * Loads the records of the providers on the lists (only those). Slots for features built separately:
 *  - exportImport: the export and import buttons (also shown inside storage notices);
 *  - renderItemExtras: each item's cost estimate and question checklist, in its details.
 */
export function ShortlistView() {
  const sl = useShortlists();
  const providers = useItemProviders([...sl.items.values()].flat());
  if (providers.status === 'loading') return <Loading what="your shortlist" />;
  if (providers.status === 'error') return <LoadError title={PROVIDER_LOAD_MESSAGE} onRetry={providers.retry} />;
  return (
    <ShortlistPanel
      providerById={providers.value}
      exportImport={<ShortlistExportImport providerById={providers.value} />}
      renderItemExtras={(item, provider) => <ShortlistItemExtras item={item} provider={provider} />}
    />
  );
}
