import { ShortlistPanel } from '../../../components/ShortlistPanel';
import { providerById } from '../../../data';
import { ShortlistExportImport } from '../../../components/ExportMenu';
import { ShortlistItemExtras } from '../../../components/ShortlistItemExtras';

/**
 * The Shortlist view, in the side panel and the full-page view alike (the wide layout is CSS on .app--wide).
 * Slots for features built separately:
 *  - exportImport: the export and import buttons (also shown inside storage notices);
 *  - renderItemExtras: each item's cost estimate and question checklist, in its details.
 */
export function ShortlistView() {
  return (
    <ShortlistPanel
      providerById={providerById}
      exportImport={<ShortlistExportImport />}
      renderItemExtras={(item, provider) => <ShortlistItemExtras item={item} provider={provider} />}
    />
  );
}
