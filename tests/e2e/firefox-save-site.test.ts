// Issue 16 in real Firefox (ESR, headless, WebDriver BiDi; see firefox-bidi.ts): on an unlisted clinic site,
// "Save this site" in the add-on's sidebar asks Firefox for that one origin, reads the page once, fills the
// "your own clinic" form (name, phone, city, a price with its sentence); a corrected value is saved to the
// list the user chose; the Shortlist view shows "Your own entry, read from <host> on <date>", and the JSON
// export (a real download, read from the download folder) holds it. No other tab is read, and no host
// permission remains afterwards.
//
// The permission prompt is Firefox's real one: the sidebar's click (window.synthesizeMouseEvent, a trusted
// click Firefox counts as user input) makes permissions.request show the "addon-webext-permissions"
// doorhanger, whose text the test reads and whose "Allow" (or "Deny", for the refusal) it presses, as a
// user would. extensions.webextOptionalPermissionPrompts stays at its default (true): set to false, Firefox
// grants every request silently, so a refusal could not be tested and the prompt's wording not read.
//
// What is watched, from the browser's chrome scope:
// - every extension API call that reaches the parent (ParentAPIManager's APICall conduit): the order
//   request → executeScript (executeScriptInternal in the parent) → remove, the tab executeScript targeted, and whether the request came with
//   user input;
// - in each tab, the add-on's content-script sandboxes in the tab's current document (ExtensionContent's
//   own registry, in the tab's content process): the reader ran in the clinic tab and in no other.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseImport } from '../../lib/export';
import {
  callInSidebarPage,
  inFrameScript,
  readExtension,
  readSidebar,
  showSidebar,
  withTimeout,
  type SidebarAction,
  type SidebarView,
} from './firefox-bidi';
import { MOZILLA_SERVICES, startFirefoxSession, type FirefoxSession } from './firefox-session';
import { OTHER_HOST, SAVE_SITE_ROUTES, UNLISTED, UNLISTED_HOST } from './save-site-pages';

const NOT_LISTED = "This site is not in Clinic Scout's list";
/** A second list, made in the Shortlist view, to save the clinic to (not the default one). */
const LIST = 'Colorado clinics';
const OTHER_LIST = 'Maybe later';
const MENU = 'List options, export and import';
const CORRECTED_PHONE = '(720) 555-0142';
const LIMIT = { probe: 5_000, sidebar: 5_000, sidebarOpen: 10_000, prompt: 5_000, read: 15_000, save: 5_000, download: 10_000 };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const re = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

interface ApiCall {
  path: string;
  /** target.tabId of scripting.executeScript; origins of permissions.request/remove. */
  tabId: number | null;
  origins: string[] | null;
  userInput: boolean;
}

/** Chrome scope: records every API call the add-on's pages make to the parent (installed once, before anything runs). */
const SPY_JS = (geckoId: string) => `(() => {
  if (window.__clinicScoutApiCalls) return true;
  const calls = (window.__clinicScoutApiCalls = []);
  const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
  const pam = ExtensionParent.ParentAPIManager;
  const recv = pam.conduit.recv;
  const original = recv.get("APICall");
  recv.set("APICall", (data, meta) => {
    try {
      const context = pam.proxyContexts.get(data.childId);
      if (context && context.extension.id === ${JSON.stringify(geckoId)} && /^(scripting\\.|permissions\\.(request|remove)$)/.test(data.path)) {
        const a = (data.args && data.args[0]) || {};
        calls.push({
          path: data.path,
          tabId: a.target && typeof a.target.tabId === "number" ? a.target.tabId : null,
          origins: Array.isArray(a.origins) ? a.origins.slice() : null,
          userInput: !!(data.options && data.options.isHandlingUserInput),
        });
      }
    } catch (e) {
      calls.push({ path: "spy failed: " + e, tabId: null, origins: null, userInput: false });
    }
    return original(data, meta);
  });
  return true;
})()`;

describe('Save this site (Firefox ESR: sidebar, the real permission prompt, WebDriver BiDi)', { timeout: 90_000 }, () => {
  let s: FirefoxSession;
  /** BiDi contexts and extension tab ids of the tabs: the clinic (read), another page of it and another clinic (never read). */
  const tabs = { clinic: { context: '', url: '', id: 0 }, sameSite: { context: '', url: '', id: 0 }, other: { context: '', url: '', id: 0 } };
  let formShown = false;
  let saved = false;

  before(async () => {
    s = await startFirefoxSession({ name: 'firefox-save-site', hosts: [UNLISTED_HOST, OTHER_HOST], tls: true, routes: SAVE_SITE_ROUTES });
    assert.equal(await s.bidi.evaluate<boolean>(s.chrome, SPY_JS(s.geckoId)), true);
    tabs.sameSite.url = s.url(UNLISTED_HOST, '/about');
    tabs.other.url = s.url(OTHER_HOST, '/');
    tabs.clinic.url = s.url(UNLISTED_HOST, '/fees');
    const first = (await s.bidi.send<{ contexts: Array<{ context: string }> }>('browsingContext.getTree', { maxDepth: 0 })).contexts[0]!.context;
    tabs.sameSite.context = first;
    tabs.other.context = (await s.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
    tabs.clinic.context = (await s.bidi.send<{ context: string }>('browsingContext.create', { type: 'tab' })).context;
    for (const t of [tabs.sameSite, tabs.other, tabs.clinic]) {
      await s.bidi.send('browsingContext.navigate', { context: t.context, url: t.url, wait: 'complete' }, 10_000);
    }
    await s.bidi.send('browsingContext.activate', { context: tabs.clinic.context });
    const view = await readExtension(s.bidi, s.chrome, s.geckoId);
    for (const t of Object.values(tabs)) {
      const tab = view.tabs.find((x) => x.url === t.url);
      assert.ok(tab, `no tab at ${t.url}: ${JSON.stringify(view.tabs)}`);
      t.id = tab.tabId;
    }
  });

  after(async () => {
    await s?.close();
  });

  const readSide = (action?: SidebarAction) => withTimeout('reading the sidebar', LIMIT.probe, readSidebar(s.bidi, s.chrome, s.geckoId, { action }));
  async function sidebarUntil(what: string, ok: (v: SidebarView) => boolean, limit = LIMIT.sidebar): Promise<SidebarView> {
    const end = Date.now() + limit;
    let view = await readSide();
    while (!ok(view)) {
      if (Date.now() > end) throw new Error(`timed out after ${limit} ms waiting for ${what}; last sidebar state:\n${JSON.stringify(view.page ?? view, null, 2)}`);
      await sleep(50);
      view = await readSide();
    }
    return view;
  }
  /** Never retried: an action that timed out may still have happened. */
  async function act(what: string, action: SidebarAction): Promise<SidebarView> {
    const view = await readSide(action);
    assert.ok(view.page && !view.page.failure, `${what}: the sidebar page could not be reached: ${JSON.stringify(view)}`);
    assert.ok(view.page.action?.ok, `${what}: ${view.page.action?.detail ?? 'the frame script did not report the action'}`);
    return view;
  }
  /** Opens the Shortlist view's "List options, export and import" menu (a <details>) unless it is open. */
  async function openListMenu() {
    const view = await sidebarUntil('the Shortlist view', (v) => v.page?.currentView === 'Shortlist' && v.page.buttons.includes(MENU));
    if (!view.page!.buttons.includes('Export JSON')) await act(`opening "${MENU}"`, { do: 'click', target: { role: 'button', name: MENU } });
    await sidebarUntil(`"${MENU}" to open`, (v) => v.page!.buttons.includes('Export JSON'));
  }
  /** "Save this site" is shown and enabled (it is disabled until the panel knows the tab's URL). */
  const canSave = (v: SidebarView) => !!v.page?.buttons.includes('Save this site') && !v.page.disabledButtons.includes('Save this site');
  const field = (v: SidebarView, name: string) => v.page?.fields.find((f) => f.name === name);
  const value = (v: SidebarView, name: string) => field(v, name)?.value;

  /** What the add-on has been granted, asked from its own sidebar page (browser.permissions.getAll()), and what Firefox enforces. */
  async function grantedOrigins(): Promise<{ api: string[]; policy: string[] }> {
    const api = await callInSidebarPage<{ origins: string[] }>(s.bidi, s.chrome, 'async (w) => w.browser.permissions.getAll()');
    const policy = await s.bidi.evaluate<string[]>(s.chrome, `WebExtensionPolicy.getByID(${JSON.stringify(s.geckoId)}).allowedOrigins.patterns.map((p) => p.pattern)`);
    // The add-on's own moz-extension:// origin is always among the policy's patterns.
    return { api: api.origins, policy: policy.filter((p) => !p.startsWith('moz-extension:')) };
  }
  const apiCalls = () => s.bidi.evaluate<ApiCall[]>(s.chrome, 'JSON.parse(JSON.stringify(window.__clinicScoutApiCalls))');

  /** Per tab: how many content-script sandboxes of the add-on exist in the tab's current document. */
  async function sandboxesIn(context: string): Promise<number> {
    const url = Object.values(tabs).find((t) => t.context === context)!.url;
    return inFrameScript<number>(
      s.bidi,
      s.chrome,
      `gBrowser.browsers.find((b) => b.currentURI.spec === ${JSON.stringify(url)})`,
      `const { ExtensionContent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionContent.sys.mjs");
       const inner = content.windowGlobalChild.innerWindowId;
       reply(ExtensionContent.getAllContentScriptGlobals()
         .map((sb) => Cu.getSandboxMetadata(sb) || {})
         .filter((m) => m.addonId === args.geckoId && m["inner-window-id"] === inner).length);`,
      { geckoId: s.geckoId },
    );
  }

  /** Firefox's optional-permission doorhanger, if shown: its header and permission lines, and its buttons. */
  const readPrompt = () =>
    s.bidi.evaluate<{ header: string; permissions: string[]; accept: string; cancel: string } | null>(
      s.chrome,
      `(() => {
        const n = PopupNotifications.getNotification("addon-webext-permissions", gBrowser.selectedBrowser);
        if (!n) return null;
        const el = n.owner.panel.querySelector("#addon-webext-permissions-notification");
        if (!el || !el.querySelector(".popup-notification-description") || !el.button) return null;
        const norm = (t) => (t || "").replace(/\\s+/g, " ").trim();
        return {
          header: norm(el.querySelector(".popup-notification-description").textContent),
          permissions: Array.from(el.querySelectorAll("li"), (li) => norm(li.textContent)).filter(Boolean),
          accept: n.mainAction.label,
          cancel: n.secondaryActions[0].label,
        };
      })()`,
    );
  async function promptUntilShown() {
    const end = Date.now() + LIMIT.prompt;
    let p = await readPrompt();
    while (!p) {
      if (Date.now() > end) throw new Error(`Firefox showed no permission prompt within ${LIMIT.prompt} ms; sidebar: ${JSON.stringify((await readSide()).page?.alerts)}`);
      await sleep(50);
      p = await readPrompt();
    }
    return p;
  }
  /** Presses the doorhanger's main ("Allow") or secondary ("Deny") button, as a user would. */
  const answerPrompt = (allow: boolean) =>
    s.bidi.evaluate<string>(
      s.chrome,
      `(() => {
        const el = PopupNotifications.panel.querySelector("#addon-webext-permissions-notification");
        const button = ${allow} ? el.button : el.secondaryButton;
        button.click();
        return button.label;
      })()`,
    );

  it('starts with no host permission, and the sidebar offers "Save this site" on the unlisted clinic', async () => {
    const shown = await withTimeout('opening the sidebar', LIMIT.sidebarOpen, showSidebar(s.bidi, s.chrome, s.geckoId, LIMIT.sidebarOpen + 1000));
    assert.equal(shown, true, 'SidebarController.show refused to show the sidebar');
    const view = await sidebarUntil(`"${NOT_LISTED}" for ${UNLISTED_HOST} with a "Save this site" button`, (v) => v.page?.messageHeading === NOT_LISTED && v.page.messageHost === UNLISTED_HOST && canSave(v), LIMIT.sidebarOpen);
    assert.deepEqual(view.page!.consoleErrors, []);
    assert.deepEqual(await grantedOrigins(), { api: [], policy: [] });
    // Nothing is read before the click.
    assert.deepEqual(await apiCalls(), []);
  });

  it('a second list is made in the Shortlist view (to choose when saving)', async () => {
    await act('clicking the nav link "Shortlist"', { do: 'click', target: { role: 'link', name: 'Shortlist' } });
    for (const name of [OTHER_LIST, LIST]) {
      await openListMenu();
      await act('clicking "New list"', { do: 'click', target: { role: 'button', name: 'New list' } });
      await sidebarUntil('the new list name field', (v) => !!field(v, 'Name of the new list'));
      await act('naming the list', { do: 'fill', value: name, target: { role: 'textbox', name: 'Name of the new list' } });
      await act('clicking "Create list"', { do: 'click', target: { role: 'button', name: 'Create list' } });
      await sidebarUntil(`the list "${name}" to exist`, (v) => v.page?.shortlistTitle === name);
    }
    await act('clicking the nav link "This site"', { do: 'click', target: { role: 'link', name: 'This site' } });
    await sidebarUntil('"Save this site" again', (v) => v.page?.currentView === 'This site' && canSave(v));
  });

  it('"Save this site" → Firefox asks for this one site only; "Allow" → the form shows the name, phone, city and prices read from the page', async () => {
    await act('clicking "Save this site"', { do: 'click', target: { role: 'button', name: 'Save this site' } });
    const prompt = await promptUntilShown();
    // Firefox ESR 153's own wording for one origin (extensions.ftl: webext-perms-optional-text-with-data-collection,
    // webext-perms-host-description-one-domain); README.md quotes it.
    assert.deepEqual(prompt, {
      header: 'Clinic Scout requests additional settings',
      permissions: [`Access your data for sites in ${UNLISTED_HOST} domains`],
      accept: 'Allow',
      cancel: 'Deny',
    });
    // Nothing read while Firefox asks.
    assert.deepEqual((await apiCalls()).map((c) => c.path), ['permissions.request']);
    assert.equal(await answerPrompt(true), prompt.accept);

    const view = await sidebarUntil(`the form "Save ${UNLISTED_HOST}"`, (v) => !!v.page?.text.includes(`Save ${UNLISTED_HOST}`) && !!field(v, 'Clinic name (required)'), LIMIT.read);
    formShown = true;
    assert.equal(value(view, 'Clinic name (required)'), UNLISTED.name);
    assert.equal(value(view, 'Phone'), UNLISTED.phone);
    assert.equal(value(view, 'City'), UNLISTED.city);
    assert.equal(value(view, 'State'), UNLISTED.state);
    const text = view.page!.text;
    assert.match(text, /Read from the page’s structured data/);
    assert.match(text, /Read from this page on .+ — confirm with the clinic/);
    const price = view.page!.fields.find((f) => f.type === 'checkbox' && f.name.startsWith(UNLISTED.price));
    assert.ok(price, `no price checkbox for ${UNLISTED.price}: ${JSON.stringify(view.page!.fields)}`);
    assert.match(price.name, re(`${UNLISTED.price} — “${UNLISTED.priceSentence}”`));
    assert.equal(price.checked, true);
    assert.doesNotMatch(text, /\$3\b/, '"Parking is $3." is not a treatment price');
    assert.deepEqual(view.page!.consoleErrors, []);
    assert.deepEqual(view.page!.fit.clipped, [], 'no control cut off in the sidebar');
    assert.ok(view.page!.fit.scrollWidth <= view.page!.fit.clientWidth, 'no sideways scroll in the sidebar');
  });

  it('the request came with the click as user input, then one read of the clinic tab, then the permission was removed', async () => {
    assert.ok(formShown);
    const pattern = `https://${UNLISTED_HOST}/*`;
    assert.deepEqual(await apiCalls(), [
      { path: 'permissions.request', tabId: null, origins: [pattern], userInput: true },
      // The child's scripting.executeScript turns `func` into source and calls the parent's executeScriptInternal.
      { path: 'scripting.executeScriptInternal', tabId: tabs.clinic.id, origins: null, userInput: false },
      { path: 'permissions.remove', tabId: null, origins: [pattern], userInput: false },
    ]);
    assert.deepEqual(await grantedOrigins(), { api: [], policy: [] });
  });

  it('only the clinic tab was read: not another page of the same site, not another site', async () => {
    assert.ok(formShown);
    assert.equal(await sandboxesIn(tabs.clinic.context), 1, "the add-on's reader ran in the clinic tab");
    assert.equal(await sandboxesIn(tabs.sameSite.context), 0, 'another tab on the same site was not read');
    assert.equal(await sandboxesIn(tabs.other.context), 0, 'a tab on another site was not read');
  });

  it('a corrected phone and the chosen list are saved; the Shortlist view shows "Your own entry, read from <host> on <date>"', async () => {
    assert.ok(formShown);
    await act('correcting the phone', { do: 'fill', value: CORRECTED_PHONE, target: { role: 'textbox', name: 'Phone' } });
    let view = await act(`choosing the list "${LIST}"`, { do: 'select', value: LIST, target: { role: 'combobox', name: 'Save to' } });
    assert.equal(value(view, 'Phone'), CORRECTED_PHONE);
    await act('clicking "Save to shortlist"', { do: 'click', target: { role: 'button', name: 'Save to shortlist' } });
    view = await sidebarUntil('the saved notice', (v) => !!v.page?.alerts.some((a) => a.includes(`${UNLISTED.name} was saved to “${LIST}”`)), LIMIT.save);
    saved = true;
    await act('clicking "Open the shortlist"', { do: 'click', target: { role: 'link', name: 'Open the shortlist' } });
    view = await sidebarUntil(`the Shortlist view to list ${UNLISTED.name}`, (v) => v.page?.currentView === 'Shortlist' && v.page.shortlistItems.some((i) => i.name === UNLISTED.name));
    if (view.page!.shortlistTitle !== LIST) {
      await act(`showing the list "${LIST}"`, { do: 'select', value: LIST, target: { role: 'combobox', name: 'Show list' } });
      view = await sidebarUntil(`the list "${LIST}"`, (v) => v.page?.shortlistTitle === LIST);
    }
    assert.equal(view.page!.shortlistTitle, LIST);
    assert.deepEqual(view.page!.shortlistItems.map((i) => i.name), [UNLISTED.name]);
    assert.match(view.page!.text, new RegExp(`Your own entry, read from ${UNLISTED_HOST.replace(/\./g, '\\.')} on \\d{1,2} \\w{3} \\d{4}`));
    assert.match(view.page!.text, /Larkspur, CO/);
    assert.deepEqual(view.page!.consoleErrors, []);
  });

  it('"Export JSON" downloads a file that holds the entry with the corrected phone and where each value was read', async () => {
    assert.ok(saved);
    await openListMenu();
    await act('choosing "All lists"', { do: 'click', target: { role: 'radio', name: 'All lists (2)' } });
    await act('clicking "Export JSON"', { do: 'click', target: { role: 'button', name: 'Export JSON' } });
    const end = Date.now() + LIMIT.download;
    let files: string[] = [];
    while (!(files = readdirSync(s.downloadDir).filter((f) => f.endsWith('.json'))).length) {
      if (Date.now() > end) throw new Error(`no .json file in the download folder after ${LIMIT.download} ms: ${JSON.stringify(readdirSync(s.downloadDir))}; sidebar: ${JSON.stringify((await readSide()).page?.alerts)}`);
      await sleep(100);
    }
    assert.equal(files.length, 1);
    // Firefox writes the file, then renames it into place: read once the download is complete.
    let result: ReturnType<typeof parseImport> | undefined;
    while (!(result = parseImport(readFileSync(join(s.downloadDir, files[0]!), 'utf8'))).ok) {
      if (Date.now() > end) break;
      await sleep(100);
    }
    assert.ok(result.ok, `the download is not a valid export: ${JSON.stringify(result)}`);
    const items = result.data.items.filter((i) => i.custom?.name === UNLISTED.name);
    assert.equal(items.length, 1);
    const custom = items[0]!.custom!;
    assert.equal(custom.phone, CORRECTED_PHONE);
    assert.equal(custom.city, UNLISTED.city);
    assert.equal(custom.read?.host, UNLISTED_HOST);
    assert.equal(custom.read?.fields.name?.source, 'json-ld');
    assert.deepEqual(custom.read?.prices.map((p) => p.sentence), [UNLISTED.priceSentence, 'A first consultation is $150.']);
    const list = result.data.shortlists.find((l) => l.id === items[0]!.shortlistId);
    assert.equal(list?.name, LIST);
  });

  it('refusing the prompt ("Deny"): nothing is read, a clear message, no permission', async () => {
    assert.ok(saved);
    await act('clicking the nav link "This site"', { do: 'click', target: { role: 'link', name: 'This site' } });
    await sidebarUntil('"Save this site" again', (v) => v.page?.currentView === 'This site' && canSave(v));
    const before = (await apiCalls()).length;
    await act('clicking "Save this site"', { do: 'click', target: { role: 'button', name: 'Save this site' } });
    const prompt = await promptUntilShown();
    assert.equal(await answerPrompt(false), prompt.cancel);
    const view = await sidebarUntil('the "Nothing was read" message', (v) => !!v.page?.alerts.some((a) => a.startsWith('Nothing was read.')));
    assert.match(view.page!.alerts.join(' '), re(`Clinic Scout wasn’t given access to ${UNLISTED_HOST}, so it read nothing.`));
    assert.deepEqual((await apiCalls()).slice(before).map((c) => c.path), ['permissions.request', 'permissions.remove']);
    assert.deepEqual(await grantedOrigins(), { api: [], policy: [] });
    assert.equal(await sandboxesIn(tabs.sameSite.context), 0);
    assert.equal(await sandboxesIn(tabs.other.context), 0);
  });

  it('the add-on logged no errors, and nothing was fetched but the three pages', async () => {
    assert.deepEqual((await readExtension(s.bidi, s.chrome, s.geckoId)).errors, []);
    assert.deepEqual((await readSide()).page?.consoleErrors, []);
    assert.deepEqual(
      s.server.requests.map(({ host, path }) => `${host}${path}`).sort(),
      [`${UNLISTED_HOST}/about`, `${OTHER_HOST}/`, `${UNLISTED_HOST}/fees`].sort(),
    );
    assert.deepEqual(s.sink.seen.filter((line) => !MOZILLA_SERVICES.test(line)), []);
  });
});
