// Browser wiring: tab events -> matcher -> per-tab state (storage.session) -> badge.
import { browser } from 'wxt/browser';
import type { MatchResult } from '../../lib/match';
import { badgeFor, type BadgeProvider } from '../../lib/tabs/badge';
import { withChanges } from '../../lib/changes/badge';
import { tabStateKey, type TabState } from '../../lib/tabs/tab-state';

interface Matcher {
  match(url: string): MatchResult;
}

type ActionApi = Pick<typeof browser.action, 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same calls. */
export const actionApi = (): ActionApi =>
  (browser.action ?? (browser as unknown as { browserAction: ActionApi }).browserAction);

const sameResult = (a: TabState | undefined, b: TabState) =>
  !!a && a.host === b.host && a.incognito === b.incognito && JSON.stringify(a.result) === JSON.stringify(b.result);

/**
 * `unseenChanges` is the number of shortlisted providers with unseen changes (entrypoints/background/changes.ts):
 * a tab with a provider badge keeps it and names the count in its title; any other tab shows the count
 * (precedence: lib/changes/badge.ts).
 */
export function createTracker(matcher: Matcher, lookup: (id: string) => BadgeProvider | undefined, unseenChanges: () => number = () => 0) {
  async function setBadge(tabId: number, result: MatchResult) {
    const look = withChanges(badgeFor(result, lookup), unseenChanges());
    const action = actionApi();
    await Promise.all([
      action.setBadgeText({ tabId, text: look.text }),
      look.text ? action.setBadgeBackgroundColor({ tabId, color: look.color }) : undefined,
      action.setTitle({ tabId, title: look.title }),
    ]);
  }

  async function readState(tabId: number): Promise<TabState | undefined> {
    const key = tabStateKey(tabId);
    const stored = await browser.storage.session.get(key);
    return stored[key] as TabState | undefined;
  }

  /** Match a tab's URL, set its badge first (what the user sees), then record the state. */
  async function update(tabId: number, url: string | undefined, incognito: boolean): Promise<TabState> {
    const result = matcher.match(url ?? '');
    const state: TabState = { tabId, host: result.host, result, incognito, updatedAt: Date.now() };
    const badge = setBadge(tabId, result).catch(() => undefined); // the tab may have closed meanwhile
    const previous = await readState(tabId);
    // Writing only on change keeps open panels from re-rendering on every reload.
    if (!sameResult(previous, state)) await browser.storage.session.set({ [tabStateKey(tabId)]: state });
    await badge;
    return sameResult(previous, state) ? previous! : state;
  }

  async function updateTab(tabId: number): Promise<TabState | null> {
    try {
      const tab = await browser.tabs.get(tabId);
      return await update(tabId, tab.url, tab.incognito);
    } catch {
      return null; // no such tab
    }
  }

  async function updateAllTabs() {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id === undefined ? null : update(t.id, t.url, t.incognito))));
  }

  async function forget(tabId: number) {
    await browser.storage.session.remove(tabStateKey(tabId));
  }

  /** The panel asks; an answer is computed when the worker has not seen the tab yet. */
  async function getTabState(tabId: number): Promise<TabState | null> {
    return (await readState(tabId)) ?? (await updateTab(tabId));
  }

  function listen() {
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      // `url` covers navigations and history.pushState; `complete` re-applies the badge in case the
      // browser reset tab-specific action state when the navigation finished.
      if (change.url !== undefined || change.status === 'complete') void update(tabId, tab.url, tab.incognito);
    });
    browser.tabs.onActivated.addListener(({ tabId }) => void updateTab(tabId));
    browser.tabs.onRemoved.addListener((tabId) => void forget(tabId));
    browser.windows.onFocusChanged.addListener(async (windowId) => {
      if (windowId === browser.windows.WINDOW_ID_NONE) return;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      if (tab?.id !== undefined) await update(tab.id, tab.url, tab.incognito);
    });
    browser.runtime.onInstalled.addListener(() => void updateAllTabs());
    browser.runtime.onStartup.addListener(() => void updateAllTabs());
  }

  return { update, updateTab, updateAllTabs, getTabState, listen };
}
