import { Disclaimer } from '@/components/common/Disclaimer';
import type { Route } from '@/lib/route';
import { isWideLayout } from '@/state/layout';
import { fullPageUrl, useRoute } from '@/state/route';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { panelChangeDeps } from '@/state/changes';
import { useSiteState } from '@/state/site-state';
import { BrowseView } from '@/components/browse/BrowseView';
import { CompareView } from '@/components/compare/CompareView';
import { PrintPage } from '@/components/export-import/PrintPage';
import { ProviderView } from '@/components/provider-card/ProviderView';
import { ShortlistView } from '@/components/shortlist/ShortlistView';
import { SiteView } from '@/components/site/SiteView';

const TABS: Array<{ view: Route['view']; label: string }> = [
  { view: 'site', label: 'This site' },
  { view: 'browse', label: 'Browse' },
  { view: 'shortlist', label: 'Shortlist' },
  { view: 'compare', label: 'Compare' },
];

export function App() {
  const [route, go] = useRoute();
  const site = useSiteState();
  const isFullPage = isWideLayout();
  const current = route.view === 'provider' ? 'browse' : route.view;

  return (
    <ShortlistsProvider changes={panelChangeDeps}>
    <div class={`app ${isFullPage ? 'app--wide' : ''}`}>
      <header class="topbar">
        <h1 class="topbar__title">Clinic Scout</h1>
        <nav aria-label="Views">
          <ul class="tabs">
            {TABS.map((t) => (
              <li key={t.view}>
                <a
                  class="tabs__tab"
                  href={`#/${t.view}`}
                  aria-current={current === t.view ? 'page' : undefined}
                  onClick={(e) => {
                    e.preventDefault();
                    go(t.view === 'compare' ? { view: 'compare', ids: [] } : ({ view: t.view } as Route));
                  }}
                >
                  {t.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {!isFullPage && (
          <a class="topbar__open" href={fullPageUrl(site.loading ? null : site.tabId)} target="_blank" rel="noopener">
            Open in a tab
          </a>
        )}
      </header>
      <main class="main" id="main">
        {route.view === 'site' && <SiteView site={site} go={go} />}
        {route.view === 'provider' && <ProviderView id={route.id} go={go} />}
        {route.view === 'browse' && <BrowseView go={go} />}
        {route.view === 'shortlist' && <ShortlistView />}
        {route.view === 'compare' && <CompareView ids={route.ids} go={go} />}
        {route.view === 'print' && <PrintPage listId={route.listId} />}
      </main>
      <Disclaimer />
    </div>
    </ShortlistsProvider>
  );
}
