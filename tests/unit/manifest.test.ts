// Reads the built manifests (npm test builds before running vitest). Widening permissions must be a
// deliberate change to this file.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const read = (target: string) => {
  const path = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.output', target, 'manifest.json');
  if (!existsSync(path)) throw new Error(`No build at .output/${target}: run "npm run build" first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
};

describe('manifest', () => {
  it('Chrome asks for exactly storage, tabs and sidePanel, and no host access', () => {
    const m = read('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect([...m.permissions].sort()).toEqual(['sidePanel', 'storage', 'tabs']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_permissions).toBeUndefined();
    expect(m.content_scripts).toBeUndefined();
    expect(m.externally_connectable).toBeUndefined();
    expect(m.side_panel.default_path).toBe('sidepanel.html');
    expect(m.action).toBeDefined();
    expect(m.action.default_popup).toBeUndefined();
  });

  it('Firefox asks for exactly storage and tabs, declares no data collection, and has a sidebar', () => {
    const m = read('firefox-mv2');
    expect(m.manifest_version).toBe(2);
    expect([...m.permissions].sort()).toEqual(['storage', 'tabs']);
    expect(m.content_scripts).toBeUndefined();
    expect(m.browser_specific_settings.gecko.id).toBeTruthy();
    expect(m.browser_specific_settings.gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(m.sidebar_action.default_panel).toBe('sidepanel.html');
    expect(m.browser_action).toBeDefined();
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
      const text = JSON.stringify(read(target));
      expect(text).not.toMatch(/https?:\/\//);
    }
  });
});
