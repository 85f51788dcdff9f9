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
  });

  it('loads no remote code', () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      // The optional host patterns are the only URLs allowed in the manifest.
      const { optional_host_permissions: _h, optional_permissions: _p, ...rest } = read(target);
      const text = JSON.stringify(rest);
      expect(text).not.toMatch(/https?:\/\//);
    }
  });
});
