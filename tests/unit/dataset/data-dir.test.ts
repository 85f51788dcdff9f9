// A normal build always packages data/providers/; a synthetic benchmark dataset needs `npm run bench`
// and the generator's marker; an e2e fixture dataset needs its marker and an output directory outside
// .output/; neither can be data/ itself.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
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
    expect(buildData({})).toEqual({ providersDir: join(DATA_DIR, 'providers'), kind: 'real' });
    expect(buildData({ npm_lifecycle_event: 'bench' }).kind).toBe('real');
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
    expect(buildData({ CLINIC_SCOUT_DATA_DIR: root, npm_lifecycle_event: 'bench' })).toEqual({
      providersDir: join(root, 'providers'),
      kind: 'synthetic',
      root,
      outDir: join('.output', 'bench', basename(root)),
    });
  });
});

describe('buildData: e2e fixture datasets', () => {
  const ROOT = join(DATA_DIR, '..');
  const A = join(ROOT, 'tests/fixtures/changes-data/a');
  const OUT = join(tmpdir(), 'clinic-scout-fixture-build');

  it('accepts a marked fixture dataset with an output directory outside .output/ (from any npm script)', () => {
    expect(buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: OUT, CLINIC_SCOUT_VERSION: '0.1.1' })).toEqual({
      providersDir: join(A, 'providers'),
      kind: 'fixture',
      root: A,
      outDir: OUT,
      version: '0.1.1',
    });
  });

  it('refuses an unmarked directory, a missing or .output/ output directory, and a version or output without fixture data', () => {
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: ROOT, CLINIC_SCOUT_OUT_DIR: OUT })).toThrow(/no marker/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A })).toThrow(/outside \.output/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: join(ROOT, '.output') })).toThrow(/outside \.output/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: join(ROOT, '.output', 'chrome-mv3') })).toThrow(/outside \.output/);
    expect(() => buildData({ CLINIC_SCOUT_VERSION: '9.9.9' })).toThrow(/fixture builds/);
    expect(() => buildData({ CLINIC_SCOUT_OUT_DIR: OUT })).toThrow(/fixture builds/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: OUT, CLINIC_SCOUT_VERSION: '1.x' })).toThrow(/not a manifest version/);
  });

  it('a synthetic dataset cannot take a fixture build\'s version or output directory', () => {
    const root = fakeDataset(true);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: root, npm_lifecycle_event: 'bench', CLINIC_SCOUT_VERSION: '9.9.9' })).toThrow(/fixture builds only/);
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
