import { CompareToggle } from '@/components/compare/CompareToggle';
import { ShortlistAdd } from '@/components/shortlist/ShortlistAdd';
import type { Provider } from '@/lib/dataset/schema';
import type { Route } from '@/lib/route';

/** The provider's own website for the shortlist snapshot: its first matched domain, else its first own source. */
export function providerWebsite(p: Provider): string | null {
  const host = p.match.domains[0] ?? p.match.hosts[0];
  if (host) return `https://${host}/`;
  const own = p.sources.find((s) => !s.thirdParty)?.url;
  if (!own) return null;
  try {
    return new URL(own).origin + '/';
  } catch {
    return null;
  }
}

/** Shortlist and compare controls on a provider card. */
export function ProviderActions({ provider, incognito, go }: { provider: Provider; incognito: boolean; go: (r: Route) => void }) {
  return (
    <div class="provider-actions">
      <ShortlistAdd
        provider={{ id: provider.id, name: provider.name, website: providerWebsite(provider) }}
        incognito={incognito}
        onOpenList={() => go({ view: 'shortlist' })}
      />
      <CompareToggle providerId={provider.id} name={provider.name} />
    </div>
  );
}
