// "Save this site": ask for access to one origin, read the page once, drop the access again.
// The browser calls are injected (the panel passes thin wrappers over permissions.* and
// scripting.executeScript), so every outcome — denied, closed tab, navigation, a page that never
// finishes loading, a restricted page — is unit-tested without a browser.
import { parseReaderOutput, type Extraction } from './parse';

/** Pages no extension may read, whatever it asks for (Chrome Web Store; Firefox's restricted domains). */
const RESTRICTED_HOSTS = new Set([
  'chromewebstore.google.com',
  'chrome.google.com', // /webstore
  'microsoftedge.microsoft.com',
  'addons.mozilla.org',
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'addons.cdn.mozilla.net',
  'api.accounts.firefox.com',
  'content.cdn.mozilla.net',
  'discovery.addons.mozilla.org',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
]);

export interface Site {
  /** "https://clinic.example" */
  origin: string;
  host: string;
  /** The one match pattern asked for: "https://clinic.example/*" (any port, this scheme and host only). */
  pattern: string;
}

export type ReadFailure =
  | { kind: 'not-web'; host: null }
  | { kind: 'restricted'; host: string }
  | { kind: 'denied'; host: string }
  | { kind: 'tab-closed'; host: string }
  | { kind: 'navigated'; host: string; to: string | null }
  | { kind: 'timeout'; host: string; seconds: number }
  | { kind: 'unreadable'; host: string; detail: string }
  | { kind: 'invalid'; host: string };

export type ReadSiteResult = { ok: true; extraction: Extraction } | { ok: false; failure: ReadFailure };

/** The site a tab shows, if an extension may ask to read it. */
export function siteOf(url: string | null | undefined): { ok: true; site: Site } | { ok: false; failure: ReadFailure } {
  let u: URL;
  try {
    u = new URL(url ?? '');
  } catch {
    return { ok: false, failure: { kind: 'not-web', host: null } };
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.hostname === '') return { ok: false, failure: { kind: 'not-web', host: null } };
  const host = u.hostname;
  if (RESTRICTED_HOSTS.has(host)) return { ok: false, failure: { kind: 'restricted', host } };
  return { ok: true, site: { origin: u.origin, host, pattern: `${u.protocol}//${host}/*` } };
}

const originOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).origin : null;
  } catch {
    return null;
  }
};

const hostOf = (url: string | null): string | null => {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
};

export interface ReadSiteDeps {
  /** permissions.request({ origins: [pattern] }). Called first, synchronously, inside the user's click. */
  request(pattern: string): Promise<boolean>;
  /** permissions.remove({ origins: [pattern] }). */
  remove(pattern: string): Promise<unknown>;
  /** The URL the tab shows now; null when the tab no longer exists. */
  tabUrl(tabId: number): Promise<string | null>;
  /** scripting.executeScript({ target: { tabId }, func: readPage }): the top frame's result. */
  execute(tabId: number): Promise<unknown>;
  now(): number;
  /** How long to wait for the page to be readable (it may never finish loading). Default 10 s. */
  timeoutMs?: number;
}

export const READ_TIMEOUT_MS = 10_000;

class Timeout extends Error {}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Reads the page of `tabId`, which showed `url` when the user clicked. Must be called directly from
 * the click handler, before any await: Firefox grants permissions.request only while handling user
 * input, so the request is made synchronously here, before anything else.
 * The permission is removed again whatever happens (also on errors and timeouts).
 */
export function readSite(target: { tabId: number; url: string }, deps: ReadSiteDeps): Promise<ReadSiteResult> {
  const s = siteOf(target.url);
  if (!s.ok) return Promise.resolve({ ok: false, failure: s.failure });
  const { site } = s;
  let asked: Promise<boolean>;
  try {
    asked = deps.request(site.pattern);
  } catch {
    asked = Promise.resolve(false);
  }
  return afterRequest(asked, target.tabId, site, deps);
}

async function afterRequest(asked: Promise<boolean>, tabId: number, site: Site, deps: ReadSiteDeps): Promise<ReadSiteResult> {
  const fail = (failure: ReadFailure): ReadSiteResult => ({ ok: false, failure });
  let granted = false;
  try {
    granted = await asked;
  } catch {
    granted = false;
  }
  if (!granted) {
    // Nothing to drop, but make sure no half-granted state is left behind.
    await deps.remove(site.pattern).catch(() => undefined);
    return fail({ kind: 'denied', host: site.host });
  }
  try {
    // The user may have switched the tab to another page while the browser asked.
    const before = await deps.tabUrl(tabId).catch(() => null);
    if (before === null) return fail({ kind: 'tab-closed', host: site.host });
    if (originOf(before) !== site.origin) return fail({ kind: 'navigated', host: site.host, to: hostOf(before) });

    const timeoutMs = deps.timeoutMs ?? READ_TIMEOUT_MS;
    let raw: unknown;
    try {
      raw = await withTimeout(deps.execute(tabId), timeoutMs);
    } catch (err) {
      if (err instanceof Timeout) return fail({ kind: 'timeout', host: site.host, seconds: Math.round(timeoutMs / 1000) });
      const now = await deps.tabUrl(tabId).catch(() => null);
      if (now === null) return fail({ kind: 'tab-closed', host: site.host });
      if (originOf(now) !== site.origin) return fail({ kind: 'navigated', host: site.host, to: hostOf(now) });
      return fail({ kind: 'unreadable', host: site.host, detail: err instanceof Error ? err.message.slice(0, 300) : 'unknown error' });
    }
    // undefined/null: the frame went away while the reader ran (a navigation), or it threw.
    if (raw === undefined || raw === null) {
      const now = await deps.tabUrl(tabId).catch(() => null);
      if (now === null) return fail({ kind: 'tab-closed', host: site.host });
      if (originOf(now) !== site.origin) return fail({ kind: 'navigated', host: site.host, to: hostOf(now) });
      return fail({ kind: 'invalid', host: site.host });
    }
    const parsed = parseReaderOutput(raw, deps.now());
    if (!parsed.ok) return fail({ kind: 'invalid', host: site.host });
    // What was read must be the site that was granted (a redirect could have landed elsewhere).
    if (parsed.extraction.page.origin !== site.origin) return fail({ kind: 'navigated', host: site.host, to: parsed.extraction.page.host });
    return { ok: true, extraction: parsed.extraction };
  } finally {
    await deps.remove(site.pattern).catch(() => undefined);
  }
}

/** What to tell the user, in their words. */
export function failureMessage(f: ReadFailure): { title: string; text: string } {
  const byHand = 'You can still add the clinic by hand.';
  switch (f.kind) {
    case 'not-web':
      return { title: 'This page can’t be read', text: `Only web pages (addresses starting with http or https) can be saved. ${byHand}` };
    case 'restricted':
      return { title: 'Your browser doesn’t allow this', text: `Browsers don’t let extensions read ${f.host} (extension stores and similar pages). ${byHand}` };
    case 'denied':
      return { title: 'Nothing was read', text: `Clinic Scout wasn’t given access to ${f.host}, so it read nothing. To try again, choose “Save this site” and allow access. ${byHand}` };
    case 'tab-closed':
      return { title: 'The tab was closed', text: 'The page was closed before it could be read. Nothing was kept.' };
    case 'navigated':
      return {
        title: 'The page changed',
        text: `The tab moved${f.to ? ` to ${f.to}` : ''} before ${f.host} could be read, so nothing was kept. Go back to the clinic’s page and try again.`,
      };
    case 'timeout':
      return { title: 'The page is still loading', text: `${f.host} hadn’t finished loading after ${f.seconds} seconds, so it wasn’t read. Try again once it has loaded. ${byHand}` };
    case 'unreadable':
      return { title: 'This page can’t be read', text: `The browser didn’t let Clinic Scout read ${f.host}. ${byHand}` };
    case 'invalid':
      return { title: 'Nothing usable was read', text: `What came back from ${f.host} couldn’t be used, so nothing was kept. ${byHand}` };
  }
}
