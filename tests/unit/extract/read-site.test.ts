// The "Save this site" flow with the browser calls replaced by fakes: every outcome, and the
// permission is always dropped again.
import { describe, expect, it, vi } from 'vitest';
import { failureMessage, readSite, siteOf, type ReadSiteDeps } from '../../../lib/extract/read-site';
import { fixture, read, READ_AT } from './read-page';

const URL_ = 'https://aspenridge-ketamine.example/pricing';
const PATTERN = 'https://aspenridge-ketamine.example/*';

function deps(over: Partial<ReadSiteDeps> = {}) {
  const log: string[] = [];
  const d: ReadSiteDeps = {
    request: vi.fn(async (p: string) => {
      log.push(`request ${p}`);
      return true;
    }),
    remove: vi.fn(async (p: string) => {
      log.push(`remove ${p}`);
      return true;
    }),
    tabUrl: vi.fn(async () => URL_),
    execute: vi.fn(async (tabId: number) => {
      log.push(`execute ${tabId}`);
      return read(fixture('jsonld-clinic.html'), URL_);
    }),
    now: () => READ_AT,
    timeoutMs: 50,
    ...over,
  };
  return { d, log };
}

describe('siteOf', () => {
  it.each([
    ['https://clinic.example/a?b#c', 'https://clinic.example/*'],
    ['http://clinic.example:8080/', 'http://clinic.example/*'],
    ['https://sub.clinic.example/', 'https://sub.clinic.example/*'],
  ])('%s → one origin pattern %s', (url, pattern) => {
    const s = siteOf(url);
    expect(s.ok && s.site.pattern).toBe(pattern);
  });

  it.each(['chrome://extensions/', 'about:addons', 'file:///home/x.html', 'chrome-extension://abc/sidepanel.html', 'moz-extension://x/y', 'view-source:https://a.example/', '', null])(
    '%j is not a web page',
    (url) => {
      expect(siteOf(url)).toEqual({ ok: false, failure: { kind: 'not-web', host: null } });
    },
  );

  it.each(['https://chromewebstore.google.com/detail/x', 'https://chrome.google.com/webstore/detail/x', 'https://addons.mozilla.org/en-US/firefox/', 'https://support.mozilla.org/'])(
    '%s is restricted by the browser',
    (url) => {
      const s = siteOf(url);
      expect(!s.ok && s.failure.kind).toBe('restricted');
    },
  );
});

describe('readSite', () => {
  it('asks for the one origin, synchronously (inside the click), reads the tab once, then drops the permission', async () => {
    const { d, log } = deps();
    const pending = readSite({ tabId: 7, url: URL_ }, d);
    // Before any await: Firefox only honours permissions.request while handling user input.
    expect(d.request).toHaveBeenCalledWith(PATTERN);
    const r = await pending;
    expect(r.ok && r.extraction.clinic.name?.value).toBe('Aspen Ridge Ketamine Clinic');
    expect(r.ok && r.extraction.readAt).toBe(READ_AT);
    expect(log).toEqual([`request ${PATTERN}`, 'execute 7', `remove ${PATTERN}`]);
    expect(d.execute).toHaveBeenCalledTimes(1);
  });

  it('denied: nothing is read', async () => {
    const { d } = deps({ request: vi.fn(async () => false) });
    expect(await readSite({ tabId: 7, url: URL_ }, d)).toEqual({ ok: false, failure: { kind: 'denied', host: 'aspenridge-ketamine.example' } });
    expect(d.execute).not.toHaveBeenCalled();
  });

  it('a request that throws (no user gesture, bad pattern) counts as denied', async () => {
    const { d } = deps({
      request: vi.fn(() => {
        throw new Error('This function must be called during a user gesture');
      }),
    });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure.kind).toBe('denied');
    expect(d.execute).not.toHaveBeenCalled();
  });

  it('restricted and non-web pages: no permission is even asked for', async () => {
    for (const url of ['chrome://settings/', 'https://chromewebstore.google.com/']) {
      const { d } = deps();
      const r = await readSite({ tabId: 7, url }, d);
      expect(r.ok).toBe(false);
      expect(d.request).not.toHaveBeenCalled();
    }
  });

  it('the tab was closed while the browser asked', async () => {
    const { d } = deps({ tabUrl: vi.fn(async () => null) });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure.kind).toBe('tab-closed');
    expect(d.execute).not.toHaveBeenCalled();
    expect(d.remove).toHaveBeenCalledWith(PATTERN);
  });

  it('the tab went to another site before reading', async () => {
    const { d } = deps({ tabUrl: vi.fn(async () => 'https://elsewhere.example/') });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure).toEqual({ kind: 'navigated', host: 'aspenridge-ketamine.example', to: 'elsewhere.example' });
    expect(d.execute).not.toHaveBeenCalled();
    expect(d.remove).toHaveBeenCalledWith(PATTERN);
  });

  it('the page navigated away while being read (executeScript fails, the tab is elsewhere)', async () => {
    let url = URL_;
    const { d } = deps({
      tabUrl: vi.fn(async () => url),
      execute: vi.fn(async () => {
        url = 'https://other.example/';
        throw new Error('Frame with ID 0 was removed.');
      }),
    });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure.kind).toBe('navigated');
    expect(d.remove).toHaveBeenCalledWith(PATTERN);
  });

  it('what was read belongs to another origin (a redirect landed elsewhere): discarded', async () => {
    const { d } = deps({ execute: vi.fn(async () => read(fixture('jsonld-clinic.html'), 'https://redirected.example/')) });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure.kind).toBe('navigated');
  });

  it('a page that never finishes loading times out; the permission is still dropped', async () => {
    const { d } = deps({ execute: vi.fn(() => new Promise<unknown>(() => undefined)) });
    const r = await readSite({ tabId: 7, url: URL_ }, { ...d, timeoutMs: 30 });
    expect(!r.ok && r.failure.kind).toBe('timeout');
    expect(d.remove).toHaveBeenCalledWith(PATTERN);
  });

  it('the tab closed during reading', async () => {
    let open = true;
    const { d } = deps({
      tabUrl: vi.fn(async () => (open ? URL_ : null)),
      execute: vi.fn(async () => {
        open = false;
        throw new Error('No tab with id: 7.');
      }),
    });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure.kind).toBe('tab-closed');
  });

  it('the browser refuses the page (error page, PDF viewer, blocked by policy)', async () => {
    const { d } = deps({ execute: vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page.'))) });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(!r.ok && r.failure).toEqual({ kind: 'unreadable', host: 'aspenridge-ketamine.example', detail: 'Cannot access contents of the page.' });
  });

  it('garbage from the page is refused', async () => {
    for (const bad of [undefined, { version: 1, href: URL_ }, 'a string', { ...read('<p>x</p>', URL_), jsonLd: [1] }]) {
      const { d } = deps({ execute: vi.fn(async () => bad) });
      const r = await readSite({ tabId: 7, url: URL_ }, d);
      expect(!r.ok && r.failure.kind).toBe('invalid');
      expect(d.remove).toHaveBeenCalledWith(PATTERN);
    }
  });

  it('a failing permissions.remove does not hide the result', async () => {
    const { d } = deps({ remove: vi.fn(async () => Promise.reject(new Error('nope'))) });
    const r = await readSite({ tabId: 7, url: URL_ }, d);
    expect(r.ok).toBe(true);
  });

  it('every failure has a title and a sentence for the user', () => {
    const kinds = [
      { kind: 'not-web', host: null },
      { kind: 'restricted', host: 'a.example' },
      { kind: 'denied', host: 'a.example' },
      { kind: 'tab-closed', host: 'a.example' },
      { kind: 'navigated', host: 'a.example', to: 'b.example' },
      { kind: 'timeout', host: 'a.example', seconds: 10 },
      { kind: 'unreadable', host: 'a.example', detail: 'x' },
      { kind: 'invalid', host: 'a.example' },
    ] as const;
    for (const k of kinds) {
      const m = failureMessage(k);
      expect(m.title.length).toBeGreaterThan(5);
      expect(m.text.length).toBeGreaterThan(20);
    }
    expect(failureMessage({ kind: 'denied', host: 'a.example' }).text).toContain('a.example');
  });
});
