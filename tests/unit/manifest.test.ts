// Reads the built manifests (npm test builds before running vitest). Widening permissions must be a
// deliberate change to this file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.output');
const read = (target: string) => {
  const path = join(OUTPUT, target, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No build at .output/${target}: run "npm run build" first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
};
const TARGETS = ['chrome-mv3', 'firefox-mv2'] as const;
const ICON_SIZES = [16, 32, 48, 96, 128];

/** Width and height from a PNG's IHDR chunk, or null when the file is not a PNG. */
const pngSize = (path: string) => {
  const b = readFileSync(path);
  if (b.length < 24 || b.toString('latin1', 1, 4) !== 'PNG' || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};
const expectIcon = (target: string, path: string, size: number) => {
  const file = join(OUTPUT, target, path);
  expect(existsSync(file), `${target}: ${path} exists`).toBe(true);
  expect(pngSize(file), `${target}: ${path} is a ${size}×${size} PNG`).toEqual({ width: size, height: size });
};

// "Save this site" (issue 16) added `scripting` and OPTIONAL access to http(s) sites: nothing is granted at
// install; the panel asks for one origin when the user clicks, and removes it again after reading.
const OPTIONAL_HOSTS = ['http://*/*', 'https://*/*'];

describe('manifest', () => {
  it('Chrome asks for exactly storage, tabs, sidePanel and scripting; host access only as optional, asked per site', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['scripting', 'sidePanel', 'storage', 'tabs']);
    expect(m.host_permissions).toBeUndefined();
    expect([...m.optional_host_permissions].sort()).toEqual(OPTIONAL_HOSTS);
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.side_panel.default_path).toBe('sidepanel.html');
    expect(m.action).toBeDefined();
    expect(m.action.default_popup).toBeUndefined();
    expect(m.action.default_area).toBeUndefined();
  });

  it('Firefox asks for exactly storage, tabs and scripting, host access only as optional; no data collection; a sidebar', () => {
    const m = read('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['scripting', 'storage', 'tabs']);
    expect([...m.optional_permissions].sort()).toEqual(OPTIONAL_HOSTS);
    expect(m.host_permissions).toBeUndefined();
    // browser.scripting in MV2 needs Firefox 102; the build requires far more.
    expect(Number.parseFloat(m.browser_specific_settings.gecko.strict_min_version)).toBeGreaterThanOrEqual(102);
    expect(m.content_scripts).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_action).toBeDefined();
    // In the toolbar, not inside the Extensions menu: the badge (closed, look-alike) must be seen unpinned.
    expect(m.browser_action.default_area).toBe('navbar');
  });

  it('declares a Content-Security-Policy for extension pages that allows the extension itself only', () => {
    const chrome = read('chrome-mv3').content_security_policy;
    const firefox = read('firefox-mv2').content_security_policy;
    expect(typeof chrome.extension_pages).toBe('string'); // MV3 object form
    expect(typeof firefox).toBe('string'); // MV2 string
    for (const csp of [chrome.extension_pages as string, firefox as string]) {
      const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
      expect(directives['default-src']).toEqual(["'self'"]);
      expect(directives['script-src']).toEqual(["'self'"]);
      expect(directives['connect-src']).toEqual(["'self'"]); // packaged data files stay fetchable
      expect(directives['img-src']).toEqual(["'self'", 'data:']);
      expect(directives['object-src']).toEqual(["'none'"]);
      expect(csp).not.toMatch(/https?:|\*|unsafe/);
    }
  });

  it('loads no remote code', () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      // The optional host patterns are the only URLs allowed in the manifest.
      const { optional_host_permissions: _h, optional_permissions: _p, ...rest } = read(target);
      const text = JSON.stringify(rest);
      expect(text).not.toMatch(/https?:\/\//);
    }
  });

  for (const target of TARGETS) {
    it(`${target}: icons at 16, 32, 48, 96 and 128 px, each a PNG of its size; the toolbar button has its own`, () => {
      const m = read(target);
      expect(Object.keys(m.icons).map(Number).sort((a, b) => a - b)).toEqual(ICON_SIZES);
      for (const size of ICON_SIZES) expectIcon(target, m.icons[size], size);
      const action = m.action ?? m.browser_action;
      expect(Object.keys(action.default_icon).sort()).toEqual(['16', '32']);
      for (const [size, path] of Object.entries(action.default_icon)) expectIcon(target, path as string, Number(size));
      if (target === 'firefox-mv2') {
        for (const [size, path] of Object.entries(m.sidebar_action.default_icon)) expectIcon(target, path as string, Number(size));
      }
    });

    it(`${target}: name, short name and description come from _locales/en, and every __MSG_ key resolves`, () => {
      const m = read(target);
      expect(m.default_locale).toBe('en');
      expect(m.name).toBe('__MSG_extName__');
      expect(m.short_name).toBe('__MSG_extShortName__');
      expect(m.description).toBe('__MSG_extDescription__');
      const messagesPath = join(OUTPUT, target, '_locales', 'en', 'messages.json');
      expect(existsSync(messagesPath), `${target}: _locales/en/messages.json`).toBe(true);
      const messages = JSON.parse(readFileSync(messagesPath, 'utf8')) as Record<string, { message: string }>;
      const keys = [...JSON.stringify(m).matchAll(/__MSG_(\w+)__/g)].map((x) => x[1]!);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      // Message names are case-insensitive in both browsers.
      const known = new Map(Object.entries(messages).map(([k, v]) => [k.toLowerCase(), v.message]));
      for (const key of keys) expect(known.get(key.toLowerCase()), `__MSG_${key}__`).toBeTruthy();
    });
  }
});
