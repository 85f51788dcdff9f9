// The launch every Firefox e2e test shares: a fixture server (http, or https with its self-signed
// certificate) whose hostnames resolve to loopback, a sink proxy for everything else, a fresh profile with
// the quiet prefs, headless Firefox ESR with chrome-scope BiDi (MOZ_DISABLE_NONLOCAL_CONNECTIONS is set by
// launchFirefox), the build installed as a temporary add-on, and the browser window's chrome context.
// Whatever happens (a failed launch, a test process stopped from outside) the profile and Firefox go away.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BiDi, browserWindowContext, launchFirefox, quietPrefs, startSinkProxy, writeUserJs, type FirefoxProcess } from './firefox-bidi';
import { startFixtureServer, type FixtureRoute } from './fixture-server';

export const FIREFOX_EXTENSION_DIR = new URL('../../.output/firefox-mv2', import.meta.url).pathname;

type Pref = string | number | boolean;

export interface FirefoxSession {
  /** Temporary folder holding the profile, Firefox's TMPDIR and the download folder; removed by close(). */
  root: string;
  /** Where Firefox saves downloads without asking. */
  downloadDir: string;
  firefox: FirefoxProcess;
  bidi: BiDi;
  server: Awaited<ReturnType<typeof startFixtureServer>>;
  sink: Awaited<ReturnType<typeof startSinkProxy>>;
  /** browser_specific_settings.gecko.id of the build, and the id webExtension.install answered with. */
  geckoId: string;
  installedId: string;
  manifest: Record<string, unknown> & { browser_action?: unknown };
  /** The browser window (browser.xhtml) as a chrome-scope BiDi context. */
  chrome: string;
  /** moz-extension://<uuid>/ of the installed add-on. */
  origin: string;
  /** `${scheme}://${host}:${port}${path}` on the fixture server. */
  url(host: string, path?: string): string;
  close(): Promise<void>;
}

export interface FirefoxSessionOptions {
  /** Names the temporary folder (clinic-scout-<name>-…). */
  name: string;
  /** Hostnames served by the fixture server (resolved to loopback, reached without the sink proxy). */
  hosts: string[];
  /** https with the fixture server's self-signed certificate (the BiDi session accepts it), or plain http. */
  tls?: boolean;
  routes?: Record<string, FixtureRoute>;
  /** Prefs on top of the quiet prefs and the proxy prefs. */
  prefs?: Record<string, Pref>;
  limits?: { launch?: number; connect?: number; install?: number };
}

/** Starts everything; on failure, Firefox's stderr is added to the error and everything is stopped again. */
export async function startFirefoxSession(opts: FirefoxSessionOptions): Promise<FirefoxSession> {
  assert.ok(existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json')), `No Firefox build at ${FIREFOX_EXTENSION_DIR}: run "npm run build" first.`);
  const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  assert.ok(geckoId, 'the Firefox manifest has no browser_specific_settings.gecko.id');

  const root = mkdtempSync(join(tmpdir(), `clinic-scout-${opts.name}-`));
  const profileDir = join(root, 'profile');
  const firefoxTmp = join(root, 'tmp');
  const downloadDir = join(root, 'downloads');
  mkdirSync(firefoxTmp);
  mkdirSync(downloadDir);

  let firefox: FirefoxProcess | undefined;
  let bidi: BiDi | undefined;
  let server: FirefoxSession['server'] | undefined;
  let sink: FirefoxSession['sink'] | undefined;

  // If the test process exits or is stopped from outside, after() does not run: still leave nothing behind.
  const lastResort = () => {
    try {
      if (firefox && firefox.proc.exitCode === null && firefox.proc.signalCode === null) process.kill(-firefox.proc.pid!, 'SIGKILL');
    } catch {
      /* gone */
    }
    rmSync(root, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    lastResort();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('exit', lastResort);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const close = async () => {
    await bidi?.close().catch(() => undefined);
    await firefox?.kill();
    await server?.close();
    await sink?.close();
    rmSync(root, { recursive: true, force: true });
    process.removeListener('exit', lastResort);
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    assert.ok(!existsSync(root), `temporary profile ${root} was not removed`);
  };

  try {
    server = await startFixtureServer({ tls: opts.tls ?? false, routes: opts.routes });
    sink = await startSinkProxy();
    // The fixture hosts resolve to loopback and are reached directly; everything else goes to the sink.
    writeUserJs(profileDir, {
      ...quietPrefs(opts.hosts),
      ...sink.prefs(opts.hosts),
      // Downloads (exports) go to the session's folder without a dialog.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.panel.shown': true,
      ...opts.prefs,
    });
    // Chrome-scope BiDi (the browser window, privileged scripts) is refused without --remote-allow-system-access.
    firefox = await launchFirefox({ profileDir, tmpDir: firefoxTmp, extraArgs: ['--remote-allow-system-access'], timeoutMs: opts.limits?.launch ?? 20_000 });
    bidi = await BiDi.connect(firefox.wsUrl, opts.limits?.connect ?? 10_000, { acceptInsecureCerts: opts.tls ?? false });
    const installed = await bidi.send<{ extension: string }>(
      'webExtension.install',
      { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } },
      opts.limits?.install ?? 15_000,
    );
    const chrome = await browserWindowContext(bidi);
    const host = await bidi.evaluate<string>(chrome, `WebExtensionPolicy.getByID(${JSON.stringify(geckoId)}).mozExtensionHostname`);
    const scheme = opts.tls ? 'https' : 'http';
    const port = server.port;
    return {
      root,
      downloadDir,
      firefox,
      bidi,
      server,
      sink,
      geckoId,
      installedId: installed.extension,
      manifest,
      chrome,
      origin: `moz-extension://${host}/`,
      url: (h, path = '/') => `${scheme}://${h}:${port}${path}`,
      close,
    };
  } catch (e) {
    // Firefox's own log usually says why (a refused install, a crash).
    if (firefox) (e as Error).message += `\n--- Firefox stderr (last 3000 chars) ---\n${firefox.stderr().slice(-3000)}`;
    await close().catch(() => undefined);
    throw e;
  }
}

/** Firefox's Mozilla-service requests the sink may see (tolerated in case a Firefox update adds one the prefs miss). */
export const MOZILLA_SERVICES = /^(CONNECT |GET http:\/\/)([^/:\s]*\.)?(mozilla\.(com|net|org)|firefox\.com|mozaws\.net)(:\d+)?(\/|\s|$)/;
