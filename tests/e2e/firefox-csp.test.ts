// Issue 17, item 7 in Firefox: the extension pages' Content-Security-Policy (MV2 string form) makes
// Firefox refuse network access from the add-on. From the add-on's own page (sidepanel.html, opened in a
// tab) an injected fetch, an image and a sendBeacon, and from its background page (Firefox MV2 has no
// service worker) a no-cors fetch, all aimed at the fixture server, are blocked: the server sees none.
// Firefox's own traffic (updaters such as the Widevine/GMP manager) is quieted by quietPrefs
// (media.gmp-manager.url blank, GMP plugins off) and anything else it sends goes to the sink proxy; the
// probe host is the only host reached directly, so whatever reaches the fixture server under it is ours.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BiDi, browserWindowContext, launchFirefox, quietPrefs, startSinkProxy, writeUserJs, type FirefoxProcess } from './firefox-bidi';
import { startFixtureServer } from './fixture-server';

const EXTENSION_DIR = new URL('../../.output/firefox-mv2', import.meta.url).pathname;
const PROBE_HOST = 'csp-probe.example';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CSP: the add-on pages and background cannot reach the network (Firefox ESR, WebDriver BiDi)', { timeout: 60_000 }, () => {
  let root = '';
  let firefox: FirefoxProcess | undefined;
  let bidi: BiDi | undefined;
  let server: Awaited<ReturnType<typeof startFixtureServer>>;
  let sink: Awaited<ReturnType<typeof startSinkProxy>>;
  let tab = '';
  let result: { fetched: string; image: string; beacon: string; background: string; violations: string[] } | undefined;

  before(async () => {
    assert.ok(existsSync(join(EXTENSION_DIR, 'manifest.json')), `No Firefox build at ${EXTENSION_DIR}: run "npm run build" first.`);
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const geckoId: string = manifest.browser_specific_settings.gecko.id;
    root = mkdtempSync(join(tmpdir(), 'clinic-scout-firefox-csp-'));
    const profileDir = join(root, 'profile');
    const firefoxTmp = join(root, 'tmp');
    mkdirSync(firefoxTmp);
    server = await startFixtureServer();
    sink = await startSinkProxy();
    writeUserJs(profileDir, { ...quietPrefs([PROBE_HOST]), ...sink.prefs([PROBE_HOST]) });
    firefox = await launchFirefox({ profileDir, tmpDir: firefoxTmp, extraArgs: ['--remote-allow-system-access'] });
    try {
      bidi = await BiDi.connect(firefox.wsUrl);
      await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } }, 15_000);
      const chrome = await browserWindowContext(bidi);
      const host = await bidi.evaluate<string>(chrome, `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).mozExtensionHostname`);
      tab = (await bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { maxDepth: 0 })).contexts[0]!.context;
      await bidi.send('browsingContext.navigate', { context: tab, url: `moz-extension://${host}/sidepanel.html`, wait: 'complete' }, 10_000);
    } catch (e) {
      (e as Error).message += `\n--- Firefox stderr (last 3000 chars) ---\n${firefox.stderr().slice(-3000)}`;
      throw e;
    }
  });

  after(async () => {
    await bidi?.close().catch(() => undefined);
    await firefox?.kill();
    await server?.close();
    await sink?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const url = (kind: string) => `http://${PROBE_HOST}:${server.port}/${kind}`;

  it('the add-on page: an injected fetch, an image and a sendBeacon; the background page: a no-cors fetch — all refused', async () => {
    const args = JSON.stringify({ fetchUrl: url('fetch'), imageUrl: url('image'), beaconUrl: url('beacon'), bgUrl: url('background') });
    const json = await bidi!.evaluate<string>(
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
    assert.deepEqual(server.requests.filter((r) => r.host === PROBE_HOST), [], JSON.stringify(result));
  });
});
