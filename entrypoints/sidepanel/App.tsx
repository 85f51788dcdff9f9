import { useLayoutEffect } from 'preact/hooks';
import { Disclaimer } from '@/components/common/Disclaimer';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import type { Route } from '@/lib/route';
import { isWideLayout } from '@/state/layout';
import { fullPageUrl, useRoute } from '@/state/route';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { panelChangeDeps } from '@/state/changes';
import { afterFirstScreen, useFirstScreen } from '@/state/first-screen';
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

/**
 * The top bar's and footer's heights as CSS variables (--topbar-h, --footer-h): what sticks below the top bar
 * (the compare bar) and the scroll padding follow them as the tabs wrap at narrow widths.
 */
function useShellHeights() {
  useLayoutEffect(() => {
    const root = document.documentElement;
    const header = document.querySelector<HTMLElement>('.topbar');
    const footer = document.querySelector<HTMLElement>('.disclaimer');
    const update = () => {
      if (header) root.style.setProperty('--topbar-h', `${header.offsetHeight}px`);
      if (footer) root.style.setProperty('--footer-h', `${footer.offsetHeight}px`);
    };
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(update);
    for (const el of [header, footer]) if (el) observer.observe(el);
    return () => observer.disconnect();
  }, []);
}

const VIEW_NAME: Record<Route['view'], string> = {
  site: 'This site',
  provider: 'clinic card',
  browse: 'Browse',
  shortlist: 'Shortlist',
  compare: 'Compare',
  print: 'Print',
};

// The shortlists open after the first screen (a card does not wait for IndexedDB and zod).
const shortlistsStart = afterFirstScreen();

export function App() {
  useShellHeights();
  const [route, go] = useRoute();
  // The card and "This site" mark their own first screen once their content shows; other views at once.
  useFirstScreen(route.view !== 'site' && route.view !== 'provider');
  const site = useSiteState();
  const isFullPage = isWideLayout();
  const current = route.view === 'provider' ? 'browse' : route.view;

  return (
    <ShortlistsProvider changes={panelChangeDeps} startAfter={shortlistsStart}>
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
        {/* One boundary per view, keyed by it: a view that fails shows a message; the others still work. */}
        <ErrorBoundary key={route.view} view={VIEW_NAME[route.view]}>
          {route.view === 'site' && <SiteView site={site} go={go} />}
          {route.view === 'provider' && <ProviderView id={route.id} go={go} />}
          {route.view === 'browse' && <LazyView name="browse" load={loadBrowse} props={{ go }} />}
          {route.view === 'shortlist' && <LazyView name="shortlist" load={loadShortlist} props={{}} />}
          {route.view === 'compare' && <LazyView name="compare" load={loadCompare} props={{ ids: route.ids, go }} />}
          {route.view === 'print' && <LazyView name="print" load={loadPrint} props={{ listId: route.listId }} />}
        </ErrorBoundary>
      </main>
      <Disclaimer />
    </div>
    </ShortlistsProvider>
  );
}
