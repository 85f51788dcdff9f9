import { ShortlistPanel } from './ShortlistPanel';
import { useProviderLookup } from '@/state/dataset';
import { ShortlistExportImport } from '@/components/export-import/ShortlistExportImport';
import { ShortlistItemExtras } from './ShortlistItemExtras';

/**
 * The Shortlist view, in the side panel and the full-page view alike (the wide layout is CSS on .app--wide).
 * Slots for features built separately:
 *  - exportImport: the export and import buttons (also shown inside storage notices);
 *  - renderItemExtras: each item's cost estimate and question checklist, in its details.
 */
export function ShortlistView() {
  return (
    <ShortlistPanel
      providerById={useProviderLookup()}
      exportImport={<ShortlistExportImport />}
      renderItemExtras={(item, provider) => <ShortlistItemExtras item={item} provider={provider} />}
    />
  );
}
