// state/site-state.ts: the panel's view of what its tab shows. The start-up read happens before the view
// subscribes to storage changes; what the background records in between must not be missed (a panel opened
// beside a page that is still loading showed "not in the list" for good once).
import { renderHook, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TabState } from '@/lib/tabs/tab-state';

const TAB = 7;
const state = (host: string, updatedAt: number): TabState => ({ tabId: TAB, host, result: { kind: 'none', host }, incognito: false, updatedAt });

afterEach(() => {
  vi.resetModules();
  window.history.replaceState(null, '', '/');
});

describe('useSiteState', () => {
  it('shows what the background recorded between the start-up read and the subscription', async () => {
    window.history.replaceState(null, '', `/?tabId=${TAB}`);
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: state('loading.example', 1) });
    const m = await import('@/state/site-state');
    m.startSiteState();
    await m.siteStateReady();
    // The page finished loading before the view subscribed: no change event reaches it.
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: state('clinic.example', 2) });
    const { result } = renderHook(() => m.useSiteState());
    await waitFor(() => expect(result.current).toMatchObject({ loading: false, state: { host: 'clinic.example' } }));
  });

  it('an older state never replaces a newer one', async () => {
    window.history.replaceState(null, '', `/?tabId=${TAB}`);
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: state('first.example', 1) });
    const m = await import('@/state/site-state');
    const { result } = renderHook(() => m.useSiteState());
    await waitFor(() => expect(result.current).toMatchObject({ loading: false, state: { host: 'first.example' } }));
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: state('newer.example', 3) });
    await waitFor(() => expect(result.current).toMatchObject({ state: { host: 'newer.example' } }));
    await fakeBrowser.storage.session.set({ [`tab:${TAB}`]: state('older.example', 2) });
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current).toMatchObject({ state: { host: 'newer.example' } });
  });
});
