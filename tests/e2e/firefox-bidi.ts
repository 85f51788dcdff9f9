// Stock Firefox ESR (Debian's /usr/bin/firefox-esr), headless, driven over WebDriver BiDi with the
// `ws` package. No Playwright (it needs a patched Firefox), no geckodriver, never downloads anything.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import WebSocket from 'ws';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

type Pref = string | number | boolean;

/** Fails with `what` named when `promise` takes longer than `ms`. */
export async function withTimeout<T>(what: string, ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Prefs that keep Firefox quiet and offline: no updates, telemetry, studies, remote settings,
 * safe browsing, captive-portal or connectivity probes, first-run or what's-new pages, prefetching,
 * DNS over HTTPS, HTTPS-First upgrades, and no proxy taken from the environment.
 * `network.dns.localDomains` makes the given hostnames resolve to the loopback address.
 */
export function quietPrefs(localDomains: string[]): Record<string, Pref> {
  return {
    'network.dns.localDomains': localDomains.join(','),
    // Connections
    'network.proxy.type': 0,
    'network.trr.mode': 5,
    'network.http.http3.enable': false,
    'network.prefetch-next': false,
    'network.dns.disablePrefetch': true,
    'network.http.speculative-parallel-limit': 0,
    'network.predictor.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'dom.security.https_first': false,
    'dom.security.https_first_schemeless': false,
    'dom.security.https_only_mode': false,
    // Plain http to the fixture server even for HSTS-preloaded provider domains.
    'network.stricttransportsecurity.preloadlist': false,
    'browser.fixup.alternate.enabled': false,
    'security.OCSP.enabled': 0,
    'security.remote_settings.crlite_filters.enabled': false,
    'security.remote_settings.intermediates.enabled': false,
    // Updates of Firefox, add-ons, system add-ons, plugins and search engines
    'app.update.disabledForTesting': true,
    'app.update.auto': false,
    'app.update.checkInstallTime': false,
    'extensions.update.enabled': false,
    'extensions.update.autoUpdateDefault': false,
    'extensions.systemAddon.update.enabled': false,
    'extensions.systemAddon.update.url': '',
    'extensions.blocklist.enabled': false,
    'extensions.getAddons.cache.enabled': false,
    'extensions.getAddons.discovery.api_url': '',
    'extensions.htmlaboutaddons.recommendations.enabled': false,
    'extensions.recommendations.themeRecommendationUrl': '',
    'media.gmp-manager.url': '',
    // GMP's fallback for Widevine: Chromium's component updater at update.googleapis.com.
    'media.gmp-manager.chromium-update-url': '',
    'media.gmp-gmpopenh264.enabled': false,
    'media.gmp-widevinecdm.enabled': false,
    'browser.search.update': false,
    'browser.region.update.enabled': false,
    'browser.region.network.url': '',
    'geo.provider.network.url': '',
    // Telemetry, studies, experiments, remote settings
    'toolkit.telemetry.enabled': false,
    'toolkit.telemetry.unified': false,
    'toolkit.telemetry.archive.enabled': false,
    'toolkit.telemetry.server': '',
    'datareporting.policy.dataSubmissionEnabled': false,
    'datareporting.healthreport.uploadEnabled': false,
    'app.normandy.enabled': false,
    'app.normandy.api_url': '',
    'app.shield.optoutstudies.enabled': false,
    'messaging-system.rsexperimentloader.enabled': false,
    'nimbus.rsexperimentloader.enabled': false,
    'services.settings.server': 'data:,#remote-settings-dummy/v1',
    'browser.ping-centre.telemetry': false,
    'identity.fxaccounts.enabled': false,
    'browser.discovery.enabled': false,
    'browser.uitour.enabled': false,
    // Safe browsing and tracking-protection list downloads
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'browser.safebrowsing.downloads.enabled': false,
    'browser.safebrowsing.downloads.remote.enabled': false,
    'browser.safebrowsing.blockedURIs.enabled': false,
    'browser.safebrowsing.update.enabled': false,
    'browser.safebrowsing.provider.google.updateURL': '',
    'browser.safebrowsing.provider.google4.updateURL': '',
    'browser.safebrowsing.provider.mozilla.updateURL': '',
    'privacy.trackingprotection.enabled': false,
    // First run, start page, new tab page
    'browser.shell.checkDefaultBrowser': false,
    'browser.startup.page': 0,
    'browser.startup.homepage': 'about:blank',
    'browser.startup.homepage_override.mstone': 'ignore',
    'startup.homepage_welcome_url': '',
    'startup.homepage_welcome_url.additional': '',
    'startup.homepage_override_url': '',
    'browser.aboutwelcome.enabled': false,
    'trailhead.firstrun.didSeeAboutWelcome': true,
    'browser.newtabpage.enabled': false,
    'browser.newtab.preload': false,
    'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    'browser.newtabpage.activity-stream.feeds.topsites': false,
    'browser.newtabpage.activity-stream.feeds.snippets': false,
    'browser.newtabpage.activity-stream.telemetry': false,
    'browser.topsites.contile.enabled': false,
    'browser.translations.enable': false,
    'browser.tabs.warnOnClose': false,
    'browser.sessionstore.resume_from_crash': false,
    'toolkit.startup.max_resumed_crashes': -1,
    'signon.rememberSignons': false,
    'extensions.formautofill.addresses.enabled': false,
    'extensions.formautofill.creditCards.enabled': false,
  };
}

export function writeUserJs(profileDir: string, prefs: Record<string, Pref>): void {
  mkdirSync(profileDir, { recursive: true });
  const lines = Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`);
  writeFileSync(join(profileDir, 'user.js'), lines.join('\n') + '\n');
}

export interface FirefoxProcess {
  proc: ChildProcess;
  /** ws://127.0.0.1:PORT, as Firefox printed it. */
  wsUrl: string;
  /** Everything Firefox wrote to stderr so far (for failure messages). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  kill(graceMs?: number): Promise<void>;
}

/** Starts headless Firefox with a fresh profile and resolves with its WebDriver BiDi address. */
export async function launchFirefox(opts: {
  profileDir: string;
  /** Firefox's TMPDIR: keep it inside a folder the test removes. */
  tmpDir: string;
  extraArgs?: string[];
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<FirefoxProcess> {
  const args = ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', opts.profileDir, ...(opts.extraArgs ?? [])];
  const proc = spawn(FIREFOX, args, {
    env: {
      ...process.env,
      TMPDIR: opts.tmpDir,
      MOZ_HEADLESS: '1',
      MOZ_CRASHREPORTER_DISABLE: '1',
      MOZ_DISABLE_AUTO_SAFE_MODE: '1',
      // Mozilla's own test switch: Firefox refuses connections to anything but loopback, and Remote
      // Settings honours `services.settings.server` (release and ESR builds ignore that pref otherwise
      // and poll firefox.settings.services.mozilla.com every few seconds).
      MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that kill() takes Firefox's content processes with it.
    detached: true,
  });
  let log = '';
  proc.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) resolve();
    else proc.once('exit', () => resolve());
  });

  const kill = async (graceMs = 3000) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const signal = (sig: NodeJS.Signals) => {
      try {
        process.kill(-proc.pid!, sig); // the group this Firefox leads
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const timer = setTimeout(() => signal('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
    signal('SIGKILL'); // leftovers of the group, if any
  };

  try {
    const wsUrl = await withTimeout(
      'Firefox to print "WebDriver BiDi listening on ws://…"',
      opts.timeoutMs ?? 20_000,
      new Promise<string>((resolve, reject) => {
        proc.stderr!.on('data', (d: Buffer) => {
          log += d.toString();
          const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(log);
          if (m) resolve(m[1]!);
        });
        proc.once('error', reject);
        proc.once('exit', (code, sig) => reject(new Error(`Firefox exited (${code ?? sig}) before BiDi listened:\n${log}`)));
      }),
    );
    return { proc, wsUrl, stderr: () => log, kill };
  } catch (e) {
    await kill(500);
    throw e;
  }
}

export class BiDiError extends Error {
  constructor(
    readonly method: string,
    readonly error: string,
    message: string,
  ) {
    super(`${method}: ${error}: ${message}`);
  }
}

/** A minimal WebDriver BiDi client: commands with timeouts (events are not needed here, so ignored). */
export class BiDi {
  private nextId = 1;
  private pending = new Map<number, { method: string; resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  private constructor(private ws: WebSocket) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as {
        id?: number;
        type?: string;
        result?: unknown;
        error?: string;
        message?: string;
      };
      const waiting = msg.id === undefined ? undefined : this.pending.get(msg.id);
      if (!waiting) return;
      this.pending.delete(msg.id!);
      if (msg.type === 'error') waiting.reject(new BiDiError(waiting.method, msg.error ?? 'error', msg.message ?? ''));
      else waiting.resolve(msg.result);
    });
    ws.on('close', () => {
      for (const [, p] of this.pending) p.reject(new Error(`${p.method}: BiDi connection closed`));
      this.pending.clear();
    });
  }

  /** Connects to `${wsUrl}/session` and starts a session. */
  static async connect(wsUrl: string, timeoutMs = 10_000, opts: { acceptInsecureCerts?: boolean } = {}): Promise<BiDi> {
    const ws = new WebSocket(`${wsUrl}/session`);
    await withTimeout(
      `WebSocket connection to ${wsUrl}/session`,
      timeoutMs,
      new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      }),
    );
    const bidi = new BiDi(ws);
    await bidi.send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: opts.acceptInsecureCerts ?? false } } }, timeoutMs);
    return bidi;
  }

  send<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}, timeoutMs = 10_000): Promise<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { method, resolve: resolve as (v: unknown) => void, reject });
    });
    this.ws.send(JSON.stringify({ id, method, params }));
    return withTimeout(`BiDi ${method}`, timeoutMs, result).finally(() => this.pending.delete(id));
  }

  /**
   * Evaluates `expression` (awaiting a promise) in `context` and returns its value, deserialised
   * from BiDi's remote-value form for primitives, arrays and plain objects. Throws on exceptions.
   */
  async evaluate<T = unknown>(context: string, expression: string, timeoutMs = 10_000): Promise<T> {
    const r = await this.send<{ type: string; result?: RemoteValue; exceptionDetails?: { text: string } }>(
      'script.evaluate',
      { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' },
      timeoutMs,
    );
    if (r.type === 'exception') throw new Error(`script.evaluate threw: ${r.exceptionDetails?.text}\n${expression}`);
    return fromRemote(r.result!) as T;
  }

  async close(): Promise<void> {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    await withTimeout('BiDi session.end', 3000, this.send('session.end', {}, 3000)).catch(() => undefined);
    this.ws.close();
  }
}

interface RemoteValue {
  type: string;
  value?: unknown;
}

function fromRemote(v: RemoteValue): unknown {
  switch (v.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return v.value;
    case 'number':
      return typeof v.value === 'string' ? Number(v.value) : v.value;
    case 'array':
      return (v.value as RemoteValue[]).map(fromRemote);
    case 'object':
      return Object.fromEntries((v.value as Array<[string | RemoteValue, RemoteValue]>).map(([k, val]) => [typeof k === 'string' ? k : String(fromRemote(k)), fromRemote(val)]));
    default:
      return { type: v.type };
  }
}

/** What Firefox derives its ids for an add-on's toolbar widget and sidebar from (ExtensionCommon's makeWidgetId). */
const extensionWidgetId = (geckoId: string) => geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_');
/** The CustomizableUI widget id Firefox gives an extension's toolbar button. */
export const browserActionWidgetId = (geckoId: string) => `${extensionWidgetId(geckoId)}-browser-action`;
/** The id under which Firefox registers an extension's sidebar_action with the window's SidebarController. */
export const sidebarActionId = (geckoId: string) => `${extensionWidgetId(geckoId)}-sidebar-action`;

/**
 * A stand-in for the internet: Firefox is told to use it as its HTTP and HTTPS proxy for every host
 * but the test's own, so anything Firefox fetches on its own lands here, is recorded, and fails.
 */
export async function startSinkProxy() {
  const seen: string[] = [];
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let head = '';
    socket.on('data', (d: Buffer) => {
      if (head.includes('\n')) return;
      head += d.toString('latin1');
      const line = head.split(/\r?\n/)[0]!;
      if (head.includes('\n')) {
        seen.push(line.replace(/ HTTP\/\d(\.\d)?$/, ''));
        socket.end('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    /** First line of every request, e.g. "CONNECT firefox.settings.services.mozilla.com:443". */
    seen,
    prefs: (direct: string[]): Record<string, Pref> => ({
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': port,
      'network.proxy.share_proxy_settings': false,
      'network.proxy.socks': '',
      'network.proxy.no_proxies_on': direct.join(','),
      'network.proxy.failover_direct': false,
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** The browser window (browser.xhtml) as a BiDi context; needs Firefox started with --remote-allow-system-access. */
export async function browserWindowContext(bidi: BiDi): Promise<string> {
  const tree = await bidi.send<{ contexts: Array<{ context: string; url: string }> }>('browsingContext.getTree', {
    'moz:scope': 'chrome',
    maxDepth: 0,
  });
  const win = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!win) throw new Error(`no browser window among the chrome contexts: ${JSON.stringify(tree.contexts)}`);
  return win.context;
}

export interface ExtensionTabView {
  /** The id the extension's tabs API gives this tab. */
  tabId: number;
  url: string;
  selected: boolean;
  /** browserAction badge text for this tab, as the add-on set it (Firefox's own record of it). */
  badgeText: string;
  /** The add-on's storage.session entry `tab:<tabId>`, if any. */
  sessionState: unknown;
}

/**
 * Chrome-scope function source: the script errors (not warnings) in the parent's console service whose
 * source is under `origin`. Errors of the add-on's pages in the extension process are forwarded there.
 */
const ADDON_ERRORS_JS = `((origin) => Services.console.getMessageArray()
  .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)))
  .filter((m) => (m.sourceName || "").startsWith(origin))
  .map((m) => m.errorMessage + " @ " + m.sourceName + ":" + m.lineNumber))`;

/** The add-on's script errors in the parent's console that contain `text` (for the control error). */
export function addonErrorsContaining(bidi: BiDi, chromeContext: string, geckoId: string, text: string): Promise<string[]> {
  const args = JSON.stringify({ geckoId, text });
  return bidi.evaluate<string[]>(
    chromeContext,
    `(() => {
      const { geckoId, text } = ${args};
      const policy = WebExtensionPolicy.getByID(geckoId);
      if (!policy) return [];
      return (${ADDON_ERRORS_JS})("moz-extension://" + policy.mozExtensionHostname + "/").filter((m) => m.includes(text));
    })()`,
  );
}

/** Marks the errors the test logs on purpose (readSidebar with `control`); the error readers skip them. */
export const CONTROL_MARKER = 'clinic-scout-e2e-control-error';

export interface ExtensionView {
  installed: boolean;
  /** Installed as a temporary add-on (gone when Firefox quits), as webExtension.install does by default. */
  temporary: boolean;
  /** Where the toolbar button lives (Firefox puts new add-ons in the unified extensions panel). */
  area: string | null;
  /** The `badge` attribute of the add-on's toolbar button, which shows the selected tab's badge. */
  buttonBadge: string | null;
  tabs: ExtensionTabView[];
  sessionKeys: string[];
  /** Script errors Firefox logged from the add-on's moz-extension:// pages (background included). */
  errors: string[];
}

/**
 * Reads, with chrome privileges in the browser window, what the add-on `geckoId` did: its toolbar
 * button, the per-tab badge text its browserAction holds, its storage.session, and its logged errors.
 * Nothing here changes the add-on's state (storage values are copied, not consumed).
 */
export function readExtension(bidi: BiDi, chromeContext: string, geckoId: string): Promise<ExtensionView> {
  const args = JSON.stringify({ geckoId, widgetId: browserActionWidgetId(geckoId) });
  return bidi
    .evaluate<string>(
      chromeContext,
      `(() => {
        const { geckoId, widgetId } = ${args};
        const policy = WebExtensionPolicy.getByID(geckoId);
        if (!policy || !policy.extension) return JSON.stringify({ installed: false, temporary: false, area: null, buttonBadge: null, tabs: [], sessionKeys: [], errors: [] });
        const extension = policy.extension;
        const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
        const { extensionStorageSession } = ChromeUtils.importESModule("resource://gre/modules/ExtensionStorage.sys.mjs");
        const global = ExtensionParent.apiManager.global;
        const action = global.browserActionFor(extension).action;
        const widget = CustomizableUI.getWidget(widgetId);
        const node = widget && widget.forWindow(window).node;
        const button = node && node.querySelector(".unified-extensions-item-action-button");
        const session = extensionStorageSession.get(extension, null);
        const copy = (v) => (v && typeof v.deserialize === "function" ? v.deserialize(globalThis, true) : v);
        const origin = "moz-extension://" + policy.mozExtensionHostname + "/";
        const errors = (${ADDON_ERRORS_JS})(origin).filter((m) => !m.includes(${JSON.stringify(CONTROL_MARKER)}));
        return JSON.stringify({
          installed: true,
          temporary: !!(extension.addonData && extension.addonData.temporarilyInstalled),
          area: (CustomizableUI.getPlacementOfWidget(widgetId) || {}).area || null,
          buttonBadge: button ? (button.getAttribute("badge") || "") : null,
          sessionKeys: Object.keys(session),
          errors,
          tabs: gBrowser.tabs.map((tab) => {
            const tabId = global.tabTracker.getId(tab);
            return {
              tabId,
              url: tab.linkedBrowser.currentURI.spec,
              selected: tab.selected,
              badgeText: action.getProperty(tab, "badgeText"),
              sessionState: copy(session["tab:" + tabId]) ?? null,
            };
          }),
        });
      })()`,
    )
    .then((json) => JSON.parse(json) as ExtensionView);
}

/** What the browser window's sidebar shows, as its chrome (parent process) and its page (extension process) see it. */
export interface SidebarView {
  /** The window's sidebar manager: SidebarController (Firefox 130+) or SidebarUI (before). */
  api: string | null;
  /** moz-extension://<uuid>/ of the installed add-on. */
  origin: string | null;
  /** The add-on's sidebar is registered in this window under `sidebarActionId(geckoId)`. */
  registered: boolean;
  open: boolean;
  /** Which sidebar is open ("" when none). */
  currentId: string;
  /** The sidebar header's title. */
  title: string | null;
  /** What the sidebar's extension <browser> (in webext-panels.xhtml) has loaded, seen from the parent. */
  panelUrl: string | null;
  /** The process type it runs in ("extension" for an out-of-process add-on page). */
  remoteType: string | null;
  /** Read inside the page (null when there is no panel <browser> yet). */
  page: SidebarPage | null;
}

export interface SidebarPage {
  /** Set when the page could not be read (no answer, or the reader threw). */
  failure?: string;
  url: string;
  title: string;
  readyState: string;
  /** Changes when the page is reloaded or replaced; stays while Preact updates it in place. */
  innerWindowId: number;
  innerWidth: number;
  /** Sideways scroll and controls cut off at the right (issue 13: every view fits Firefox's default sidebar). */
  fit: { scrollWidth: number; clientWidth: number; clipped: string[] };
  /** The app's `<h1>`. */
  h1: string | null;
  /** The provider card's `<h2 id="card-title">`. */
  cardTitle: string | null;
  /** The "not a provider" message's `<h2>` and the host it names. */
  messageHeading: string | null;
  messageHost: string | null;
  /** The view tab marked aria-current ("This site", …). */
  currentView: string | null;
  /** Every `<h2>` text (for failure messages). */
  headings: string[];
  /** console.error calls of the add-on's pages in the extension process (sidebar, background), with their file. */
  consoleErrors: string[];
  /** Accessible names of the rendered buttons, in document order. */
  buttons: string[];
  /** Those of them that are disabled (a click on one does nothing). */
  disabledButtons: string[];
  /** The card's "On your shortlist: <list>" line (aria-hidden parts left out), or null. */
  onShortlist: string | null;
  /** The Shortlist view's heading (the list's name), or null outside that view. */
  shortlistTitle: string | null;
  /** The items the Shortlist view lists, in order. */
  shortlistItems: SidebarShortlistItem[];
  /** Browse's results count line ("12 providers match (of 128).") and the result names shown, in order. */
  browseCount: string | null;
  resultNames: string[];
  /** Every rendered input, textarea and select: accessible name and current value (a select's chosen option text). */
  fields: SidebarField[];
  /** Text of the rendered alerts and status messages. */
  alerts: string[];
  /** The page's rendered text (innerText: hidden parts left out, blocks apart), whitespace collapsed, first 20,000 characters. */
  text: string;
  /** What `readSidebar(…, { action })` did before reading, when an action was asked for. */
  action?: { ok: boolean; detail: string };
}

export interface SidebarField {
  tag: 'input' | 'textarea' | 'select';
  type: string | null;
  name: string;
  value: string;
  /** For checkboxes and radio buttons. */
  checked: boolean | null;
}

export interface SidebarShortlistItem {
  /** The item's accessible name (its <article>, labelled by its heading). */
  name: string;
  /** aria-expanded of its "Notes and details" toggle. */
  expanded: boolean | null;
  /** The notes preview shown while the item is collapsed (raw text), or null. */
  preview: string | null;
  /** The value of its "Notes" textarea while expanded, or null. */
  notes: string | null;
  /** The notes field's status text ("Saved" or ""), or null while collapsed. */
  notesStatus: string | null;
}

/** A role and an accessible name, as a user (or a screen reader) finds an element. */
export interface SidebarTarget {
  role: 'button' | 'link' | 'textbox' | 'article' | 'combobox' | 'checkbox' | 'radio' | 'group' | 'region';
  name: string;
  /** Only inside the one element matching this (e.g. an item's article). */
  within?: SidebarTarget;
}

/**
 * Something done in the sidebar page, as a user would, before it is read:
 * - click: a click with the mouse at the element's centre (window.synthesizeMouseEvent, through Gecko's
 *   hit testing and event state manager: mousedown, mouseup and the trusted click they make), after
 *   checking that nothing covers it there;
 * - fill: focus the textbox, set its value, dispatch an `input` event, then blur it;
 * - select: choose the option of a <select> (combobox) whose text is `value`, dispatching input and change.
 */
export type SidebarAction = ({ do: 'click' } | { do: 'fill'; value: string } | { do: 'select'; value: string }) & { target: SidebarTarget };

// A message-manager frame script for the sidebar's extension <browser>: it runs in the extension process
// with system privileges (`content` is the page's window, seen through Xrays), reads the DOM and answers
// once. WebDriver BiDi cannot do this: it leaves moz-extension:// documents out of its browsing-context
// tree and refuses to run scripts in them (Bug 1755014), even with --remote-allow-system-access.
// Firefox's own sidebar code loads frame scripts into this very <browser> (webext-panels.js).
const SIDEBAR_FRAME_SCRIPT = `
(() => {
  const args = __ARGS__;
  const reply = (data) => sendAsyncMessage("ClinicScoutE2E:sidebar", Object.assign({ nonce: args.nonce }, data));
  try {
    const win = content;
    const doc = win.document;
    const innerWindowId = win.windowGlobalChild.innerWindowId;
    if (args.control) {
      // An error and a console.error as the page's own would be, to prove the readers see them.
      const error = Cc["@mozilla.org/scripterror;1"].createInstance(Ci.nsIScriptError);
      error.initWithWindowID(args.control, doc.documentURI, 1, 1, Ci.nsIScriptError.errorFlag, "content javascript", innerWindowId);
      Services.console.logMessage(error);
      win.console.error(args.control);
    }
    const text = (el) => (el ? el.textContent.replace(/\\s+/g, " ").trim() : null);
    const one = (selector) => text(doc.querySelector(selector));
    const norm = (s) => s.replace(/\\s+/g, " ").trim();
    // Text a screen reader would read: aria-hidden and hidden subtrees left out.
    const spoken = (node) => {
      if (node.nodeType === 3) return node.data;
      if (node.nodeType !== 1) return "";
      if (node.getAttribute("aria-hidden") === "true" || node.hidden) return "";
      return Array.from(node.childNodes, spoken).join("");
    };
    // Accessible name, simplified: aria-labelledby, aria-label, <label>s, then the content.
    const nameOf = (el) => {
      const by = el.getAttribute("aria-labelledby");
      if (by) return norm(by.split(/\\s+/).map((id) => doc.getElementById(id)).filter(Boolean).map(spoken).join(" "));
      const label = el.getAttribute("aria-label");
      if (label) return norm(label);
      if (el.labels && el.labels.length) return norm(Array.from(el.labels, spoken).join(" "));
      return norm(spoken(el));
    };
    const ROLES = {
      button: 'button, [role="button"], input[type="button"], input[type="submit"], summary',
      link: 'a[href], [role="link"]',
      textbox: 'textarea, input:not([type]), input[type="text"], input[type="search"], input[type="tel"], input[type="email"], input[type="url"], [role="textbox"]',
      article: 'article, [role="article"]',
      combobox: 'select, [role="combobox"]',
      checkbox: 'input[type="checkbox"], [role="checkbox"]',
      radio: 'input[type="radio"], [role="radio"]',
      group: 'fieldset, [role="group"]',
      region: 'section[aria-labelledby], section[aria-label], [role="region"]',
    };
    // Laid out, and not hidden by a closed <details> (its content keeps boxes under content-visibility: hidden).
    const rendered = (el) => el.getClientRects().length > 0 && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true });
    const all = (role, root) => Array.from(root.querySelectorAll(ROLES[role])).filter(rendered);
    const describe = (t) => t.role + ' "' + t.name + '"' + (t.within ? " in the " + describe(t.within) : "");
    const find = (t) => {
      const root = t.within ? find(t.within) : doc;
      const found = all(t.role, root).filter((el) => nameOf(el) === t.name);
      if (found.length !== 1) {
        const names = all(t.role, root).map(nameOf);
        throw new Error((found.length ? found.length + " elements" : "no element") + " with the " + describe(t) + " (rendered " + t.role + "s: " + JSON.stringify(names) + ")");
      }
      return found[0];
    };
    const act = (action) => {
      const el = find(action.target);
      const what = describe(action.target);
      if (action.do === "click") {
        el.scrollIntoView({ block: "center", inline: "center", behavior: "instant" });
        // In the sidebar (a window that is not focused) scrollIntoView does not always move the page by the
        // time it returns: then the page is scrolled to the element's centre directly.
        const r0 = el.getBoundingClientRect();
        if (r0.top < 0 || r0.bottom > win.innerHeight) win.scrollBy({ top: r0.top + r0.height / 2 - win.innerHeight / 2, behavior: "instant" });
        const r = el.getBoundingClientRect();
        const x = r.left + r.width / 2;
        const y = r.top + r.height / 2;
        const hit = doc.elementFromPoint(x, y);
        if (!hit || !(hit === el || el.contains(hit))) {
          return { ok: false, detail: "the " + what + " is covered at (" + x + ", " + y + ") by " + (hit ? hit.outerHTML.slice(0, 200) : "nothing") + " (viewport " + win.innerWidth + "×" + win.innerHeight + ", scrollY " + win.scrollY + ")" };
        }
        let click = null;
        // The first click only: a handler may click something itself (an <a download>), which is not ours.
        const onClick = (e) => { if (!click) click = { trusted: e.isTrusted, target: e.target === el || el.contains(e.target) }; };
        win.addEventListener("click", onClick, true);
        const wu = win.windowUtils;
        try {
          // Window.synthesizeMouseEvent (chrome-only; what windowUtils.sendMouseEvent became): CSS pixels in the viewport.
          win.synthesizeMouseEvent("mousedown", x, y, { button: 0, buttons: 1, clickCount: 1 }, { isAsyncEnabled: false });
          win.synthesizeMouseEvent("mouseup", x, y, { button: 0, buttons: 0, clickCount: 1 }, { isAsyncEnabled: false });
        } finally {
          win.removeEventListener("click", onClick, true);
        }
        if (!click) return { ok: false, detail: "the mouse events at (" + x + ", " + y + ") made no click on the " + what + (el.disabled ? " (it is disabled)" : "") };
        if (!click.trusted || !click.target) return { ok: false, detail: "the click on the " + what + " was " + JSON.stringify(click) };
        return { ok: true, detail: "clicked the " + what + " at (" + Math.round(x) + ", " + Math.round(y) + ")" };
      }
      if (action.do === "fill") {
        el.focus();
        const focused = doc.activeElement === el;
        el.value = action.value;
        el.dispatchEvent(new win.InputEvent("input", { bubbles: true, inputType: "insertText", data: action.value }));
        let blurred = false;
        const onBlur = () => { blurred = true; };
        el.addEventListener("blur", onBlur);
        el.blur();
        // blur() fires nothing when the element did not get the focus (the sidebar's window is not the
        // focused one): then the blur event is dispatched as the browser would have.
        if (!blurred) el.dispatchEvent(new win.FocusEvent("blur"));
        el.removeEventListener("blur", onBlur);
        return { ok: el.value === action.value, detail: "filled the " + what + (focused ? "" : " (it did not take the focus)") + (blurred ? ", blur()" : ", dispatched blur") + "; value " + JSON.stringify(el.value.slice(0, 80)) };
      }
      if (action.do === "select") {
        // A <select>: the option whose text is the value is chosen, and "input" and "change" are dispatched
        // as the browser does when a user picks it from the list.
        const option = Array.from(el.options).find((o) => norm(o.textContent) === action.value);
        if (!option) return { ok: false, detail: "no option " + JSON.stringify(action.value) + " in the " + what + " (options: " + JSON.stringify(Array.from(el.options, (o) => norm(o.textContent))) + ")" };
        el.focus();
        el.value = option.value;
        el.dispatchEvent(new win.Event("input", { bubbles: true }));
        el.dispatchEvent(new win.Event("change", { bubbles: true }));
        return { ok: el.selectedOptions[0] === option, detail: "chose " + JSON.stringify(action.value) + " in the " + what };
      }
      return { ok: false, detail: "unknown action " + JSON.stringify(action) };
    };
    let action;
    if (args.action) {
      try {
        action = act(args.action);
      } catch (e) {
        action = { ok: false, detail: String(e && e.message ? e.message : e) };
      }
    }
    const items = Array.from(doc.querySelectorAll("[data-item]"), (li) => {
      const article = li.querySelector("article");
      const toggle = Array.from(li.querySelectorAll("button")).find((b) => nameOf(b) === "Notes and details");
      const notes = Array.from(li.querySelectorAll("textarea")).find((t) => nameOf(t) === "Notes");
      const status = li.querySelector(".sl-notes__status");
      const preview = li.querySelector(".sl-item__preview");
      return {
        name: article ? nameOf(article) : "",
        expanded: toggle ? toggle.getAttribute("aria-expanded") === "true" : null,
        preview: preview ? preview.textContent : null,
        notes: notes ? notes.value : null,
        notesStatus: status ? norm(status.textContent) : null,
      };
    });
    const onShortlist = doc.querySelector(".shortlist-add__on");
    // Issue 13: whether the page scrolls sideways, and which shown controls stick out on the right.
    const se = doc.scrollingElement;
    const clipped = Array.from(doc.querySelectorAll("button, .button, .tabs__tab, summary, select, input, textarea"))
      .filter((el) => { const r = el.getBoundingClientRect(); return r.width > 1 && r.height > 1 && (r.right > se.clientWidth + 0.5 || r.left < -0.5); })
      .map((el) => norm(el.textContent || el.getAttribute("aria-label") || el.tagName));
    const fit = { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, clipped };
    const str = (v) => { try { return String(v); } catch (e) { return "?"; } };
    const consoleErrors = Cc["@mozilla.org/consoleAPI-storage;1"].getService(Ci.nsIConsoleAPIStorage).getEvents()
      .map((ev) => ev.wrappedJSObject || ev)
      .filter((ev) => ev.level === "error" && ((ev.filename || "").startsWith(args.origin) || ev.innerID === innerWindowId))
      .map((ev) => Array.from(ev.arguments || [], str).join(" ") + " @ " + String(ev.filename).slice(0, 200) + ":" + ev.lineNumber)
      .filter((m) => args.control !== null || !m.includes(args.marker));
    reply({
      url: doc.documentURI,
      title: doc.title,
      readyState: doc.readyState,
      innerWindowId,
      innerWidth: win.innerWidth,
      fit,
      h1: one("h1"),
      cardTitle: one("#card-title"),
      messageHeading: one(".message h2"),
      messageHost: one(".message__host"),
      currentView: one('.tabs__tab[aria-current="page"]'),
      headings: Array.from(doc.querySelectorAll("h2"), text),
      consoleErrors,
      buttons: all("button", doc).map(nameOf),
      disabledButtons: all("button", doc).filter((el) => el.disabled || el.getAttribute("aria-disabled") === "true").map(nameOf),
      onShortlist: onShortlist ? norm(spoken(onShortlist)) : null,
      shortlistTitle: one("#shortlist-title"),
      shortlistItems: items,
      browseCount: one(".browse__count"),
      resultNames: Array.from(doc.querySelectorAll(".results .result__name"), text),
      // Every rendered form control, with its accessible name and current value (what the user sees in it).
      fields: Array.from(doc.querySelectorAll("input, textarea, select"))
        .filter((el) => rendered(el) && el.type !== "hidden")
        .map((el) => ({
          tag: el.localName,
          type: el.localName === "input" ? el.type : null,
          name: nameOf(el),
          value: el.localName === "select" ? (el.selectedOptions[0] ? norm(el.selectedOptions[0].textContent) : "") : el.value,
          checked: el.type === "checkbox" || el.type === "radio" ? el.checked : null,
        })),
      alerts: Array.from(doc.querySelectorAll('[role="alert"], [role="status"]')).filter(rendered).map((el) => norm(spoken(el))).filter(Boolean),
      // The page's rendered text, whitespace collapsed (for sentences and labels).
      text: norm(doc.body.innerText).slice(0, 20000),
      ...(action ? { action } : {}),
    });
  } catch (e) {
    reply({ failure: "the frame script threw: " + e });
  }
})();
`;

/**
 * Reads the browser window's sidebar: its state in the window's SidebarController and, through a frame
 * script, the DOM of the add-on page it shows. With `control` set, the page first logs that text as an
 * error and as a console.error, as the page itself would. With `action` set, the frame script first does
 * it in the page (see SidebarAction) and reports how in `page.action`. Changes nothing else.
 */
export function readSidebar(
  bidi: BiDi,
  chromeContext: string,
  geckoId: string,
  opts: { control?: string; action?: SidebarAction; answerMs?: number } = {},
): Promise<SidebarView> {
  const args = JSON.stringify({ geckoId, sidebarId: sidebarActionId(geckoId), control: opts.control ?? null, action: opts.action ?? null, marker: CONTROL_MARKER, answerMs: opts.answerMs ?? 2000 });
  return bidi
    .evaluate<string>(
      chromeContext,
      `(async () => {
        const { geckoId, sidebarId, control, action, marker, answerMs } = ${args};
        const api = typeof SidebarController !== "undefined" ? "SidebarController" : typeof SidebarUI !== "undefined" ? "SidebarUI" : null;
        const sidebar = api && window[api];
        if (!sidebar) return JSON.stringify({ api, origin: null, registered: false, open: false, currentId: "", title: null, panelUrl: null, remoteType: null, page: null });
        const policy = WebExtensionPolicy.getByID(geckoId);
        const origin = policy ? "moz-extension://" + policy.mozExtensionHostname + "/" : null;
        const panelDoc = sidebar.browser && sidebar.browser.contentDocument;
        const panel = panelDoc && panelDoc.getElementById("webext-panels-browser");
        const view = {
          api,
          origin,
          registered: !!(sidebar.sidebars && sidebar.sidebars.has(sidebarId)),
          open: !!sidebar.isOpen,
          currentId: sidebar.currentID || "",
          title: sidebar.title ?? null,
          panelUrl: panel && panel.currentURI ? panel.currentURI.spec : null,
          remoteType: panel ? panel.remoteType || null : null,
          page: null,
        };
        // Firefox reads a data: frame script as Latin-1: non-ASCII (a typed note) goes in as \\u escapes.
        const asciiJson = (v) => JSON.stringify(v).replace(/[\\u007f-\\uffff]/g, (c) => "\\\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
        if (panel && panel.messageManager) {
          const mm = panel.messageManager;
          const nonce = Math.random().toString(36).slice(2);
          const script = ${JSON.stringify(SIDEBAR_FRAME_SCRIPT)}.replace("__ARGS__", () => asciiJson({ nonce, origin, control, action, marker }));
          view.page = await new Promise((resolve) => {
            const listener = (msg) => {
              if (msg.data.nonce !== nonce) return;
              done();
              const { nonce: _, ...page } = msg.data;
              resolve(page);
            };
            const timer = setTimeout(() => {
              done();
              resolve({ failure: "the sidebar page did not answer the frame script within " + answerMs + " ms" });
            }, answerMs);
            const done = () => {
              clearTimeout(timer);
              mm.removeMessageListener("ClinicScoutE2E:sidebar", listener);
            };
            mm.addMessageListener("ClinicScoutE2E:sidebar", listener);
            mm.loadFrameScript("data:," + encodeURIComponent(script), false);
          });
        }
        return JSON.stringify(view);
      })()`,
      (opts.answerMs ?? 2000) + 3000,
    )
    .then((json) => JSON.parse(json) as SidebarView);
}

/**
 * Opens the add-on's sidebar in the browser window as the sidebar button or View > Sidebar would
 * (SidebarController.show, privileged). Resolves with what show() returned (false: Firefox refused).
 */
export function showSidebar(bidi: BiDi, chromeContext: string, geckoId: string, timeoutMs: number): Promise<boolean> {
  const id = JSON.stringify(sidebarActionId(geckoId));
  return bidi.evaluate<boolean>(
    chromeContext,
    `(async () => {
      const sidebar = typeof SidebarController !== "undefined" ? SidebarController : SidebarUI;
      return !!(await sidebar.show(${id}));
    })()`,
    timeoutMs,
  );
}

/** Closes whatever sidebar the window shows. */
export function hideSidebar(bidi: BiDi, chromeContext: string, timeoutMs = 3000): Promise<void> {
  return bidi.evaluate<void>(
    chromeContext,
    `(() => { const sidebar = typeof SidebarController !== "undefined" ? SidebarController : SidebarUI; if (sidebar.isOpen) sidebar.hide(); })()`,
    timeoutMs,
  );
}

/**
 * Runs `body` as a message-manager frame script (system privileges; `content` is the page's window seen
 * through Xrays) in the <browser> that the chrome-scope expression `browserExpr` names, and resolves with
 * what it passes to `reply(value)` (JSON-serialisable); `args` is there as `args`. Used to read what a
 * page cannot be asked over BiDi: the add-on's own pages, and the add-on's content-script sandboxes in a tab.
 */
export function inFrameScript<T>(
  bidi: BiDi,
  chromeContext: string,
  browserExpr: string,
  body: string,
  args: unknown,
  answerMs = 3000,
): Promise<T> {
  const script = `(() => {
    const args = __ARGS__;
    const reply = (value) => sendAsyncMessage("ClinicScoutE2E:frame", { nonce: args.nonce, json: JSON.stringify(value === undefined ? null : value) });
    Promise.resolve().then(async () => { ${body} }).catch((e) => reply({ frameScriptFailure: String(e && e.stack ? e + "\\n" + e.stack : e) }));
  })();`;
  return bidi
    .evaluate<string>(
      chromeContext,
      `(async () => {
        const browser = ${browserExpr};
        if (!browser || !browser.messageManager) return JSON.stringify({ frameScriptFailure: "no <browser> for " + ${JSON.stringify(browserExpr)} });
        const mm = browser.messageManager;
        const nonce = Math.random().toString(36).slice(2);
        const asciiJson = (v) => JSON.stringify(v).replace(/[\\u007f-\\uffff]/g, (c) => "\\\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
        const script = ${JSON.stringify(script)}.replace("__ARGS__", () => asciiJson(Object.assign({}, ${JSON.stringify(args ?? {})}, { nonce })));
        return await new Promise((resolve) => {
          const listener = (msg) => {
            if (msg.data.nonce !== nonce) return;
            done();
            resolve(msg.data.json);
          };
          const timer = setTimeout(() => {
            done();
            resolve(JSON.stringify({ frameScriptFailure: "no answer within ${answerMs} ms" }));
          }, ${answerMs});
          const done = () => {
            clearTimeout(timer);
            mm.removeMessageListener("ClinicScoutE2E:frame", listener);
          };
          mm.addMessageListener("ClinicScoutE2E:frame", listener);
          mm.loadFrameScript("data:," + encodeURIComponent(script), false);
        });
      })()`,
      answerMs + 3000,
    )
    .then((json) => {
      const value = JSON.parse(json) as T & { frameScriptFailure?: string };
      if (value && typeof value === 'object' && 'frameScriptFailure' in value) throw new Error(`frame script in ${browserExpr}: ${value.frameScriptFailure}`);
      return value;
    });
}

/** The chrome-scope expression for the <browser> that shows the add-on's sidebar page. */
export const SIDEBAR_BROWSER = `(() => {
  const sidebar = typeof SidebarController !== "undefined" ? SidebarController : SidebarUI;
  const doc = sidebar.browser && sidebar.browser.contentDocument;
  return doc && doc.getElementById("webext-panels-browser");
})()`;

/**
 * Calls `fn(window)` in the add-on's sidebar page, where `window` is the page's own window (Xrays waived, so
 * `window.browser` is the page's WebExtension API object, with the page's privileges), and resolves with its
 * (awaited, JSON-serialisable) result. `fn` is source text, e.g. "async (w) => w.browser.permissions.getAll()".
 */
export function callInSidebarPage<T>(bidi: BiDi, chromeContext: string, fn: string, answerMs = 3000): Promise<T> {
  return inFrameScript<T>(
    bidi,
    chromeContext,
    SIDEBAR_BROWSER,
    `const w = Cu.waiveXrays(content);
     const value = await (${fn})(w);
     reply(JSON.parse(JSON.stringify(value === undefined ? null : value)));`,
    {},
    answerMs,
  );
}
