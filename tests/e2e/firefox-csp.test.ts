// Issue 17, item 7 in Firefox: the extension pages' Content-Security-Policy (MV2 string form) makes
// Firefox refuse network access from the add-on. From the add-on's own page (sidepanel.html, opened in a
// tab) an injected fetch, an image and a sendBeacon, and from its background page (Firefox MV2 has no
// service worker) a no-cors fetch, all aimed at the fixture server, are blocked: the server sees none.
// Firefox's own traffic (updaters such as the Widevine/GMP manager) is quieted by quietPrefs
// (media.gmp-manager.url blank, GMP plugins off) and anything else it sends goes to the sink proxy; the
// probe host is the only host reached directly, so whatever reaches the fixture server under it is ours.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startFirefoxSession, type FirefoxSession } from './firefox-session';

const PROBE_HOST = 'csp-probe.example';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CSP: the add-on pages and background cannot reach the network (Firefox ESR, WebDriver BiDi)', { timeout: 60_000 }, () => {
  let s: FirefoxSession;
  let tab = '';
  let result: { fetched: string; image: string; beacon: string; background: string; violations: string[] } | undefined;

  before(async () => {
    s = await startFirefoxSession({ name: 'firefox-csp', hosts: [PROBE_HOST] });
    tab = (await s.bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { maxDepth: 0 })).contexts[0]!.context;
    await s.bidi.send('browsingContext.navigate', { context: tab, url: `${s.origin}sidepanel.html`, wait: 'complete' }, 10_000);
  });

  after(async () => {
    await s?.close();
  });

  const url = (kind: string) => s.url(PROBE_HOST, `/${kind}`);

  it('the add-on page: an injected fetch, an image and a sendBeacon; the background page: a no-cors fetch — all refused', async () => {
    const args = JSON.stringify({ fetchUrl: url('fetch'), imageUrl: url('image'), beaconUrl: url('beacon'), bgUrl: url('background') });
    const json = await s.bidi.evaluate<string>(
      tab,
      `(async () => {
        const { fetchUrl, imageUrl, beaconUrl, bgUrl } = ${args};
        const violations = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));
        const fetched = await fetch(fetchUrl).then(() => 'reached', (e) => 'blocked: ' + e);
        const image = await new Promise((resolve) => {
          const img = new Image();
          img.onload = () => resolve('reached');
          img.onerror = () => resolve('blocked');
          img.src = imageUrl;
          setTimeout(() => resolve('timeout'), 3000);
        });
        let beacon;
        try { beacon = navigator.sendBeacon(beaconUrl, 'x') ? 'queued' : 'refused'; } catch (e) { beacon = 'threw: ' + e; }
        // Firefox MV2: the background is a page; its fetch runs under its own document's policy.
        const bg = await browser.runtime.getBackgroundPage();
        const background = await bg.fetch(bgUrl, { mode: 'no-cors' }).then(() => 'reached', (e) => 'blocked: ' + e);
        await new Promise((r) => setTimeout(r, 500));
        return JSON.stringify({ fetched, image, beacon, background, violations });
      })()`,
      15_000,
    );
    result = JSON.parse(json);
    assert.match(result!.fetched, /^blocked/);
    assert.notEqual(result!.image, 'reached');
    assert.match(result!.background, /^blocked/);
  });

  it('the fixture server saw none of the four probes', async () => {
    await sleep(1000);
    assert.deepEqual(s.server.requests.filter((r) => r.host === PROBE_HOST), [], JSON.stringify(result));
  });
});
