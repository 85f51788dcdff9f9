import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTracker } from '../../entrypoints/background/tracker';
import { createMatcher } from '../../lib/match';
import { badgeFor, WARNING_COLOR } from '../../lib/tabs/badge';
import { tabStateKey, isTabId } from '../../lib/tabs/tab-state';
import { closedProvider, makeProvider } from '../fixtures/providers';

const open = makeProvider({
  lookalikes: [{ host: 'example-clinic-spa.com', name: 'Another spa', reason: 'Unrelated business.', sources: [{ url: 'https://example-clinic-spa.com', date: null }] }],
});
const closed = closedProvider();
const matcher = createMatcher([open, closed]);
const lookup = (id: string) => [open, closed].map((p) => ({ id: p.id, name: p.name, state: p.status.state })).find((p) => p.id === id);

function setup() {
  const action = {
    setBadgeText: vi.fn(async () => undefined),
    setBadgeBackgroundColor: vi.fn(async () => undefined),
    setTitle: vi.fn(async () => undefined),
  };
  // fakeBrowser has no action API: stub what the tracker calls.
  (fakeBrowser as unknown as { action: typeof action }).action = action;
  return { tracker: createTracker(matcher, lookup), action };
}

describe('badgeFor', () => {
  it('gives each outcome its own look, and none a dark badge', () => {
    expect(badgeFor({ kind: 'provider', providerId: open.id, host: 'example-clinic.com', rule: { kind: 'domain', value: 'example-clinic.com' } }, lookup).text).toBe('●');
    expect(badgeFor({ kind: 'provider', providerId: closed.id, host: 'example-closed.com', rule: { kind: 'domain', value: 'example-closed.com' } }, lookup)).toMatchObject({ text: '✕', title: expect.stringMatching(/has closed/) });
    expect(badgeFor({ kind: 'lookalike', providerId: open.id, host: 'example-clinic-spa.com', lookalikeHost: 'example-clinic-spa.com' }, lookup)).toMatchObject({ text: '!', color: WARNING_COLOR, title: expect.stringMatching(/careful, this site is not Example Ketamine Clinic/) });
    expect(badgeFor({ kind: 'none', host: 'example.org' }, lookup).text).toBe('');
    const acquired = () => ({ name: 'Example Co', state: 'acquired' as const });
    expect(badgeFor({ kind: 'provider', providerId: 'x', host: 'x.com', rule: { kind: 'domain', value: 'x.com' } }, acquired).title).toMatch(/acquired/);
  });
});

describe('tracker', () => {
  it('sets the badge and records the state in storage.session, without the full URL', async () => {
    const { tracker, action } = setup();
    const state = await tracker.update(7, 'https://www.example-clinic.com/private/path?q=secret', false);
    expect(state.result).toMatchObject({ kind: 'provider', providerId: open.id });
    expect(action.setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '●' });
    const stored = (await fakeBrowser.storage.session.get(tabStateKey(7)))[tabStateKey(7)];
    expect(stored).toMatchObject({ tabId: 7, host: 'www.example-clinic.com', incognito: false });
    expect(JSON.stringify(stored)).not.toMatch(/secret|private/);
  });

  it('marks incognito tabs and keeps their state only in memory (storage.session)', async () => {
    const { tracker } = setup();
    await tracker.update(3, 'https://example-closed.com/', true);
    expect((await fakeBrowser.storage.session.get(tabStateKey(3)))[tabStateKey(3)]).toMatchObject({ incognito: true });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('does not rewrite unchanged state (open panels would re-render on every reload)', async () => {
    const { tracker } = setup();
    await tracker.update(1, 'https://example-clinic.com/a', false);
    const spy = vi.spyOn(fakeBrowser.storage.session, 'set');
    await tracker.update(1, 'https://example-clinic.com/b', false);
    expect(spy).not.toHaveBeenCalled();
    await tracker.update(1, 'https://example.org/', false);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('answers for a tab it has not seen yet by reading the tab', async () => {
    const { tracker } = setup();
    const tab = await fakeBrowser.tabs.create({ url: 'https://example-clinic-spa.com/' });
    const state = await tracker.getTabState(tab.id!);
    expect(state?.result).toMatchObject({ kind: 'lookalike', providerId: open.id });
  });

  it('answers null for a tab that does not exist', async () => {
    const { tracker } = setup();
    expect(await tracker.getTabState(999_999)).toBeNull();
  });
});

describe('isTabId', () => {
  it('accepts only small non-negative integers from other contexts', () => {
    expect(isTabId(5)).toBe(true);
    for (const bad of [-1, 1.5, NaN, '5', null, undefined, {}, Number.MAX_VALUE]) expect(isTabId(bad)).toBe(false);
  });
});
