import { CompareToggle } from '@/components/compare/CompareToggle';
import { ShortlistAdd } from '@/components/shortlist/ShortlistAdd';
import type { Provider } from '@/lib/dataset/schema';
import { datasetWebsite } from '@/lib/format/links';
import type { Route } from '@/lib/route';

/** Shortlist and compare controls on a provider card. */
export function ProviderActions({ provider, incognito, go }: { provider: Provider; incognito: boolean; go: (r: Route) => void }) {
  return (
    <div class="provider-actions">
      <ShortlistAdd
        provider={{ id: provider.id, name: provider.name, website: datasetWebsite(provider) }}
        incognito={incognito}
        onOpenList={() => go({ view: 'shortlist' })}
      />
      <CompareToggle providerId={provider.id} name={provider.name} />
    </div>
  );
}
