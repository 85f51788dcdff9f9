import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildData } from '../../../scripts/data-dir';
import { DATA_DIR } from '../../../lib/dataset/read-files';

const ROOT = join(DATA_DIR, '..');
const A = join(ROOT, 'tests/fixtures/changes-data/a');
const OUT = join(tmpdir(), 'clinic-scout-fixture-build');

describe('CLINIC_SCOUT_DATA_DIR (fixture builds)', () => {
  it('defaults to data/providers and .output', () => {
    expect(buildData({})).toEqual({ providersDir: join(DATA_DIR, 'providers'), outDir: undefined, fixture: false, version: undefined });
  });

  it('accepts a marked fixture dataset with an output directory outside .output/', () => {
    expect(buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: OUT, CLINIC_SCOUT_VERSION: '0.1.1' })).toEqual({
      providersDir: join(A, 'providers'),
      outDir: OUT,
      fixture: true,
      version: '0.1.1',
    });
  });

  it('refuses an unmarked directory, a missing or .output/ output directory, and a version without fixture data', () => {
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: ROOT, CLINIC_SCOUT_OUT_DIR: OUT })).toThrow(/not a fixture dataset/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A })).toThrow(/outside \.output/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: join(ROOT, '.output') })).toThrow(/outside \.output/);
    expect(() => buildData({ CLINIC_SCOUT_VERSION: '9.9.9' })).toThrow(/fixture builds/);
    expect(() => buildData({ CLINIC_SCOUT_DATA_DIR: A, CLINIC_SCOUT_OUT_DIR: OUT, CLINIC_SCOUT_VERSION: '1.x' })).toThrow(/not a manifest version/);
  });
});
