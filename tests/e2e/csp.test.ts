// Issue 17, item 7: the extension pages' Content-Security-Policy (wxt.config.ts) makes the browser itself
// refuse network access from the extension. From the side panel page an injected fetch, an image and a
// sendBeacon, and from the service worker a no-cors fetch, all aimed at the fixture server (every hostname
// resolves to it), are blocked: the server sees none of them, and the browser reports none as finished.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXTENSION_DIR, launch, type Harness } from './harness';

const PROBE_HOST = 'csp-probe.example';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('CSP: extension pages and the worker cannot reach the network (real Chromium)', () => {
  let h: Harness;
  before(async () => {
    h = await launch();
  });
  after(async () => h?.close());

  const probes = () => h.server.requests.filter((r) => r.host === PROBE_HOST);
  const url = (kind: string) => `https://${PROBE_HOST}/${kind}?t=${Date.now()}`;

  it('the built manifest declares the policy for extension pages', () => {
    const m = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    const csp: string = m.content_security_policy?.extension_pages ?? '';
    assert.match(csp, /(^|; )connect-src 'self'(;|$)/);
    assert.match(csp, /(^|; )img-src 'self' data:(;|$)/);
    assert.match(csp, /(^|; )default-src 'self'(;|$)/);
  });

  it('side panel: an injected fetch, an image and a sendBeacon are blocked', async () => {
    const panel = await h.openPanel(null);
    await panel.locator('#app *').first().waitFor();
    const result = await panel.evaluate(
      async ({ fetchUrl, imageUrl, beaconUrl }) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
        const fetched = await fetch(fetchUrl).then(
          () => 'reached',
          (e: unknown) => `blocked: ${String(e)}`,
        );
        const image = await new Promise<string>((resolve) => {
          const img = new Image();
          img.onload = () => resolve('reached');
          img.onerror = () => resolve('blocked');
          img.src = imageUrl;
          setTimeout(() => resolve('timeout'), 3000);
        });
        let beacon: string;
        try {
          beacon = navigator.sendBeacon(beaconUrl, 'x') ? 'queued' : 'refused';
        } catch (e) {
          beacon = `threw: ${String(e)}`;
        }
        await new Promise((r) => setTimeout(r, 500));
        return { fetched, image, beacon, violations };
      },
      { fetchUrl: url('fetch'), imageUrl: url('image'), beaconUrl: url('beacon') },
    );
    assert.match(result.fetched, /^blocked/);
    assert.notEqual(result.image, 'reached');
    // The policy, not chance, stopped them: the page saw a violation for each.
    assert.ok(result.violations.some((v) => v.startsWith('connect-src') && v.includes('/fetch')), JSON.stringify(result.violations));
    assert.ok(result.violations.some((v) => v.startsWith('img-src') && v.includes('/image')), JSON.stringify(result.violations));
    assert.ok(result.violations.some((v) => v.startsWith('connect-src') && v.includes('/beacon')), JSON.stringify(result.violations));
    await panel.close();
  });

  it('service worker: a no-cors fetch is blocked', async () => {
    const sw = await h.worker();
    const outcome = await sw.evaluate(
      (u) => fetch(u, { mode: 'no-cors' }).then(
        () => 'reached',
        (e: unknown) => `blocked: ${String(e)}`,
      ),
      url('worker'),
    );
    assert.match(outcome, /^blocked/);
  });

  it('the fixture server saw none of the four probes, and the browser finished none', async () => {
    await sleep(1000); // a beacon is sent after the page goes on; give it time to show up if it were sent
    assert.deepEqual(probes(), []);
    const finished = h.extensionRequests.filter((r) => r.outcome === 'finished');
    assert.deepEqual(finished, []);
  });

  it('the panel still works under the policy (renders, no errors but the probes’ own refusals)', async () => {
    const panel = await h.openPanel(null, { hash: '#/browse' });
    await panel.getByRole('heading', { level: 2 }).first().waitFor();
    const own = h.pageErrors.filter((e) => !e.includes(PROBE_HOST));
    assert.deepEqual(own, []);
    await panel.close();
  });
});
