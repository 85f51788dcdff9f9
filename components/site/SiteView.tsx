import { SiteMessage } from './SiteMessage';
import { useProviderList, useProviderLookup } from '@/state/dataset';
import type { Route } from '@/lib/route';
import type { SiteState } from '@/state/site-state';
import { ProviderActions } from '@/components/provider-card/ProviderActions';
import { ProviderDetails } from '@/components/provider-card/ProviderDetails';

export function SiteView({ site, go }: { site: SiteState; go: (r: Route) => void }) {
  const providerById = useProviderLookup();
  const providerCount = useProviderList().length;
  if (site.loading) return <p class="message" role="status">Checking this site…</p>;
  const { state } = site;
  const result = state?.result;
  const provider = result?.kind === 'provider' ? providerById(result.providerId) : undefined;
  if (!provider) {
    return (
      <SiteMessage
        state={state}
        providerById={providerById}
        providerCount={providerCount}
        onOpen={(id) => go({ view: 'provider', id })}
        onBrowse={() => go({ view: 'browse' })}
      />
    );
  }
  return (
    <ProviderDetails
      key={provider.id}
      provider={provider}
      go={go}
      actions={<ProviderActions provider={provider} incognito={state?.incognito ?? false} go={go} />}
    />
  );
}
