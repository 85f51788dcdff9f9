import { SaveSite } from './SaveSite';
import { SiteMessage } from './SiteMessage';
import { Loading } from '@/components/common/Loading';
import { useProvider, useProviderCount } from '@/state/dataset';
import type { Route } from '@/lib/route';
import type { SiteState } from '@/state/site-state';
import { ProviderActions } from '@/components/provider-card/ProviderActions';
import { ProviderDetails } from '@/components/provider-card/ProviderDetails';
import { ProviderLoadFailed } from '@/components/provider-card/ProviderLoadFailed';

export function SiteView({ site, go }: { site: SiteState; go: (r: Route) => void }) {
  const providerCount = useProviderCount();
  const state = site.loading ? null : site.state;
  const result = state?.result;
  // The site's provider (or, on a look-alike, the provider it is not): that one record only.
  const id = result && (result.kind === 'provider' || result.kind === 'lookalike') ? result.providerId : null;
  const loaded = useProvider(id);
  if (site.loading) return <Loading what="this site" />;
  if (id !== null && loaded.status === 'loading') return <Loading />;
  if (result?.kind === 'provider') {
    if (loaded.status === 'error') return <ProviderLoadFailed error={loaded.error} onRetry={loaded.retry} />;
    if (loaded.status === 'ready') {
      const provider = loaded.value;
      return (
        <ProviderDetails
          key={provider.id}
          provider={provider}
          go={go}
          actions={<ProviderActions provider={provider} incognito={state?.incognito ?? false} go={go} />}
        />
      );
    }
  }
  const other = loaded.status === 'ready' ? loaded.value : undefined;
  return (
    <SiteMessage
      state={state}
      providerById={(pid) => (other?.id === pid ? other : undefined)}
      providerCount={providerCount}
      onOpen={(pid) => go({ view: 'provider', id: pid })}
      onBrowse={() => go({ view: 'browse' })}
      save={
        site.tabId !== null && state?.host ? <SaveSite key={`${site.tabId}:${state.host}`} tabId={site.tabId} host={state.host} version={state.updatedAt} /> : undefined
      }
    />
  );
}
