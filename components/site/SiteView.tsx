import { LazyView } from '@/components/common/LazyView';
import { Loading } from '@/components/common/Loading';
import { useProvider, useProviderCount } from '@/state/dataset';
import { useFirstScreen } from '@/state/first-screen';
import type { Route } from '@/lib/route';
import type { SiteState } from '@/state/site-state';
import { LoadedProvider } from '@/components/provider-card/LoadedProvider';

// "Save this site" (the page reader, its parser with zod, the custom-clinic form) is only offered on a site that is
// not recognised: its code loads then, not with the card.
const loadSaveSite = () => import('./SaveSite').then((m) => m.SaveSite);
// The message for a site that is not a provider's (not recognised, a look-alike, not a provider) is not the card
// either: it loads when shown.
const loadSiteMessage = () => import('./SiteMessage').then((m) => m.SiteMessage);

export function SiteView({ site, go }: { site: SiteState; go: (r: Route) => void }) {
  const providerCount = useProviderCount();
  const state = site.loading ? null : site.state;
  const result = state?.result;
  // The site's provider (or, on a look-alike, the provider it is not): that one record only.
  const id = result && (result.kind === 'provider' || result.kind === 'lookalike') ? result.providerId : null;
  const loaded = useProvider(id);
  useFirstScreen(!site.loading && !(id !== null && loaded.status === 'loading'));
  if (site.loading) return <Loading what="this site" />;
  if (result?.kind === 'provider') return <LoadedProvider loaded={loaded} incognito={state?.incognito ?? false} go={go} />;
  // A look-alike's message names the provider it is not: wait for that record.
  if (id !== null && loaded.status === 'loading') return <Loading />;
  const other = loaded.status === 'ready' ? loaded.value : undefined;
  return (
    <LazyView
      name="site-message"
      load={loadSiteMessage}
      props={{
        state,
        providerById: (pid: string) => (other?.id === pid ? other : undefined),
        providerCount,
        onOpen: (pid: string) => go({ view: 'provider', id: pid }),
        onBrowse: () => go({ view: 'browse' }),
        save:
          site.tabId !== null && state?.host ? (
            <LazyView
              key={`${site.tabId}:${state.host}`}
              name="save-site"
              load={loadSaveSite}
              props={{ tabId: site.tabId, host: state.host, version: state.updatedAt }}
            />
          ) : undefined,
      }}
    />
  );
}
