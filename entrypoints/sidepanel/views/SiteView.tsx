import { SiteMessage } from '../../../components/SiteMessage';
import { providerById, providers } from '../../../data';
import type { Route } from '../../../lib/route';
import type { SiteState } from '../use-site-state';
import { ProviderActions } from './ProviderActions';
import { ProviderDetails } from './ProviderView';

export function SiteView({ site, go }: { site: SiteState; go: (r: Route) => void }) {
  if (site.loading) return <p class="message" role="status">Checking this site…</p>;
  const { state } = site;
  const result = state?.result;
  const provider = result?.kind === 'provider' ? providerById(result.providerId) : undefined;
  if (!provider) {
    return (
      <SiteMessage
        state={state}
        providerById={providerById}
        providerCount={providers.length}
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
