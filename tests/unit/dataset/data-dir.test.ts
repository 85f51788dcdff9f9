// A normal build always packages data/providers/; a synthetic benchmark dataset needs `npm run bench`
// and the generator's marker, and can never be data/ itself.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../../lib/dataset/read-files';
import { buildData, SYNTHETIC_MARKER } from '../../../scripts/data-dir';
import { syntheticRecord } from '../../bench/synthetic';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { parseProviderFiles } from '../../../lib/dataset/validate';

function fakeDataset(marker: boolean) {
  const root = mkdtempSync(join(tmpdir(), 'clinic-scout-synthetic-'));
  mkdirSync(join(root, 'providers'));
  if (marker) writeFileSync(join(root, SYNTHETIC_MARKER), 'test');
  return root;
}

describe('buildData', () => {
  it('is data/providers without the variable', () => {
    expect(buildData({})).toEqual({ providersDir: join(DATA_DIR, 'providers'), synthetic: false });
    expect(buildData({ npm_lifecycle_event: 'bench' }).synthetic).toBe(false);
  });

  it('refuses CLINIC_SCOUT_DATA_DIR outside npm run bench', () => {
    const root = fakeDataset(true);
    for (const event of [undefined, 'build', 'zip', 'npx', 'test'])
      expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: root, npm_lifecycle_event: event })).toThrow(/npm run bench/);
  });

  it('refuses a directory without the marker, and data/ itself', () => {
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: fakeDataset(false), npm_lifecycle_event: 'bench' })).toThrow(/marker/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: DATA_DIR, npm_lifecycle_event: 'bench' })).toThrow(/data\//);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: join(DATA_DIR, 'providers'), npm_lifecycle_event: 'bench' })).toThrow(/data\//);
  });

  it('accepts a marked dataset from npm run bench', () => {
    const root = fakeDataset(true);
    expect(buildData({ CLINIC_SCOUT_DATA_DIR: root, npm_lifecycle_event: 'bench' })).toEqual({ providersDir: join(root, 'providers'), synthetic: true, root });
  });
});

describe('synthetic records', () => {
  it('use only reserved TLDs and made-up names, and no sentence of the source', () => {
    const real = parseProviderFiles(readProviderFiles()).providers;
    for (const [i, src] of real.slice(0, 30).entries()) {
      const s = syntheticRecord(src, i + 1);
      const text = JSON.stringify(s);
      const hosts = [...s.match.domains, ...s.match.hosts, ...s.match.mirrors, ...s.match.paths.map((p) => p.host), ...s.lookalikes.map((l) => l.host)];
      for (const h of hosts) expect(h).toMatch(/\.(example|invalid)$/);
      for (const u of text.match(/https?:\/\/[^"]+/g) ?? []) expect(new URL(u).hostname).toMatch(/\.(example|invalid)$/);
      expect(text).not.toContain(src.name);
      expect(text).not.toContain(src.summary);
    }
  });
});
