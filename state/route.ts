// Where the panel is: the hash route (parsed by lib/route.ts) and the URLs of the panel's own pages.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseRoute, routeHash, type Route } from '@/lib/route';

export function useRoute(): [Route, (r: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const go = useCallback((r: Route) => {
    location.hash = routeHash(r);
  }, []);
  return [route, go];
}

/** "Open in a tab": this view as a full page, bound to the tab the panel shows (when known). */
export function fullPageUrl(tabId: number | null): string {
  const base = browser.runtime.getURL('/sidepanel.html');
  return `${base}${tabId !== null ? `?tabId=${tabId}` : ''}${location.hash}`;
}

/** The print page for a list (or all lists), as a URL to open in a new tab. */
export function printPageUrl(listId: string | null): string {
  const hash = listId === null ? '#/print' : `#/print/${encodeURIComponent(listId)}`;
  return `${browser.runtime.getURL('/sidepanel.html')}?full${hash}`;
}
