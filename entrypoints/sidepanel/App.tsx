import { Disclaimer } from '@/components/common/Disclaimer';
import type { Route } from '@/lib/route';
import { isWideLayout } from '@/state/layout';
import { fullPageUrl, useRoute } from '@/state/route';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { useSiteState } from '@/state/site-state';
import { LazyView } from '@/components/common/LazyView';
import { ProviderView } from '@/components/provider-card/ProviderView';
import { SiteView } from '@/components/site/SiteView';

// The panel's start-up code is the card (This site, a provider): the other views load when first shown.
const loadBrowse = () => import('@/components/browse/BrowseView').then((m) => m.BrowseView);
const loadShortlist = () => import('@/components/shortlist/ShortlistView').then((m) => m.ShortlistView);
const loadCompare = () => import('@/components/compare/CompareView').then((m) => m.CompareView);
const loadPrint = () => import('@/components/export-import/PrintPage').then((m) => m.PrintPage);

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
    <ShortlistsProvider>
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
        {route.view === 'browse' && <LazyView name="browse" load={loadBrowse} props={{ go }} />}
        {route.view === 'shortlist' && <LazyView name="shortlist" load={loadShortlist} props={{}} />}
        {route.view === 'compare' && <LazyView name="compare" load={loadCompare} props={{ ids: route.ids, go }} />}
        {route.view === 'print' && <LazyView name="print" load={loadPrint} props={{ listId: route.listId }} />}
      </main>
      <Disclaimer />
    </div>
    </ShortlistsProvider>
  );
}
