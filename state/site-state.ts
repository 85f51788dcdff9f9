import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isTabId, tabStateKey, type TabState } from '@/lib/tabs/tab-state';
import { prefetchProvider } from './dataset';

export type SiteState = { loading: true } | { loading: false; tabId: number | null; state: TabState | null };

/** `?tabId=N` binds the view to tab N (tests, "open in a tab"); otherwise it follows its window's active tab. */
export function boundTabId(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  const n = raw === null ? NaN : Number(raw);
  return isTabId(n) ? n : null;
}

const isTabState = (v: unknown, tabId: number): v is TabState =>
  typeof v === 'object' && v !== null && (v as TabState).tabId === tabId && typeof (v as TabState).result === 'object' && (v as TabState).result !== null;

/**
 * What tab N shows. The background keeps it in storage.session (`tab:N`) and answers bgGetTabState from
 * there, so the page reads it first, without waking the worker; only a tab the background has not recorded
 * yet is asked of it (which then works it out). The messaging code loads only then. As soon as the state
 * is known, the provider's record starts loading (before the view renders, so the card waits on no
 * render in between).
 */
async function readTabState(tabId: number): Promise<TabState | null> {
  let state: TabState | null = null;
  try {
    const key = tabStateKey(tabId);
    const stored = (await browser.storage.session.get(key))[key];
    if (isTabState(stored, tabId)) state = stored;
  } catch {
    // storage.session unavailable here: ask the background
  }
  if (!state) {
    const { sendMessage } = await import('@/lib/messaging');
    state = await sendMessage('bgGetTabState', { tabId });
  }
  const r = state?.result;
  if (r && (r.kind === 'provider' || r.kind === 'lookalike')) prefetchProvider(r.providerId);
  return state;
}

// The panel's own tab (or ?tabId) is looked up as the page's script starts, not after its first render.
interface Early {
  tabId: Promise<number | null>;
  /** The start-up read of what the tab shows, for the hook's first load. */
  state: Map<number, Promise<TabState | null>>;
  /** What that read found, once it has: the view's first render can show it without a loading state. */
  known: { tabId: number | null; state: TabState | null } | null;
  /** The tab id and state are known and the provider's record has loaded (or failed). */
  ready: Promise<void>;
}
let early: Early | null = null;

async function currentTabId(): Promise<number | null> {
  const win = await browser.windows.getCurrent();
  const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
  return tab?.id ?? null;
}

/** Starts finding the panel's tab and what it shows; useSiteState picks up the answers. Call once, at start-up. */
export function startSiteState(): void {
  if (early || typeof location === 'undefined') return;
  const fixed = boundTabId(location.search);
  const tabId = fixed !== null ? Promise.resolve(fixed) : currentTabId().catch(() => null);
  const state = new Map<number, Promise<TabState | null>>();
  const e: Early = { tabId, state, known: null, ready: Promise.resolve() };
  e.ready = tabId.then(async (id) => {
    if (id === null) {
      e.known = { tabId: null, state: null };
      return;
    }
    const read = readTabState(id).catch(() => null);
    state.set(id, read);
    const s = await read;
    e.known = { tabId: id, state: s };
    const r = s?.result;
    if (r && (r.kind === 'provider' || r.kind === 'lookalike')) await prefetchProvider(r.providerId);
  });
  early = e;
}

/**
 * Resolves once the start-up lookup has found the tab, what it shows and that provider's record (or failed),
 * so the first render can be the card itself; never rejects.
 */
export function siteStateReady(): Promise<void> {
  return early?.ready.catch(() => undefined) ?? Promise.resolve();
}

export function useSiteState(): SiteState {
  const [tabId, setTabId] = useState<number | null | undefined>(() => boundTabId(location.search) ?? early?.known?.tabId ?? undefined);
  // What the start-up lookup found, when it is for this tab (the effect below still subscribes to changes).
  const [state, setState] = useState<TabState | null | undefined>(() =>
    early?.known && early.known.tabId === tabId && tabId !== null ? early.known.state : undefined,
  );

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
    // Asked again once listening (the start-up answer may be stale: the user may have switched tabs since).
    void (async () => {
      const win = await browser.windows.getCurrent();
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      setTabId(tab?.id ?? null);
    })();
    return () => browser.tabs.onActivated.removeListener(onActivated);
  }, []);

  // What is on it: read (see readTabState), then kept fresh from storage.session.
  useEffect(() => {
    if (tabId === undefined) return;
    if (tabId === null) {
      setState(null);
      return;
    }
    let live = true;
    // Reads and change events can arrive out of order: an older state never replaces a newer one.
    const show = (s: TabState | null) => {
      if (live) setState((current) => (s && current && current.tabId === s.tabId && current.updatedAt > s.updatedAt ? current : s));
    };
    const load = (first = false) => {
      const pending = first ? early?.state.get(tabId) : undefined;
      if (pending) early?.state.delete(tabId); // the start-up read serves the first load only
      (pending ?? readTabState(tabId)).then(show, () => show(null));
    };
    const key = tabStateKey(tabId);
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(key in changes)) return;
      const next = changes[key]?.newValue;
      if (isTabState(next, tabId)) show(next);
      else load();
    };
    // Keep what the first render already shows for this tab; anything else is loading until read.
    setState((current) => (current && current.tabId === tabId ? current : undefined));
    browser.storage.onChanged.addListener(onChanged);
    load(true);
    // The start-up read ran before this listener existed: what the background recorded in between (a page
    // that finished loading while the panel started) is read once more now, from storage only.
    browser.storage.session.get(key).then(
      (r) => {
        const stored = r[key];
        if (isTabState(stored, tabId)) show(stored);
      },
      () => undefined,
    );
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [tabId]);

  if (tabId === undefined || (tabId !== null && state === undefined)) return { loading: true };
  return { loading: false, tabId, state: state ?? null };
}
