import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging';
import { isTabId, tabStateKey, type TabState } from '@/lib/tabs/tab-state';

export type SiteState = { loading: true } | { loading: false; tabId: number | null; state: TabState | null };

/** `?tabId=N` binds the view to tab N (tests, "open in a tab"); otherwise it follows its window's active tab. */
export function boundTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return isTabId(n) ? n : null;
}

export function useSiteState(): SiteState {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [state, setState] = useState<TabState | null | undefined>(undefined);

  // Which tab: fixed, or the active tab of this panel's own window (each window's panel follows its own).
  useEffect(() => {
    const fixed = boundTabId(location.search);
    if (fixed !== null) {
      setTabId(fixed);
      return;
    }
    let windowId: number | undefined;
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    void (async () => {
      const win = await browser.windows.getCurrent();
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      setTabId(tab?.id ?? null);
    })();
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  // What is on it: asked of the background, then kept fresh from storage.session.
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState(null);
      return;
    }
    let live = true;
    const load = () =>
      sendMessage('bgGetTabState', { tabId })
        .then((s) => live && setState(s))
        .catch(() => live && setState(null));
    const key = tabStateKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = changes[key]?.newValue as TabState | undefined;
      if (next) setState(next);
      else void load();
    };
    setState(undefined);
    browser.storage.onChanged.addListener(onChanged);
    void load();
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);

  if (tabId === undefined || (tabId !== null && state === undefined)) return { loading: true };
  return { loading: false, tabId, state: state ?? null };
}
