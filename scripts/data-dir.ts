// Which provider records a build packages. Always data/providers/ — except for two kinds of test build,
// both selected by CLINIC_SCOUT_DATA_DIR and both told apart by the marker file in that directory:
//
//  - synthetic: `npm run bench` only, a dataset written by tests/bench/synthetic.ts (marker
//    SYNTHETIC-BENCHMARK-DATA-NEVER-SHIP); built into .output/bench/<name>/.
//  - fixture:   an e2e test's fixture dataset (tests/fixtures/changes-data/{a,b}, marker
//    E2E-FIXTURE-DATA-NEVER-SHIP), built into CLINIC_SCOUT_OUT_DIR, which must be outside .output/ (the
//    test's temp dir); CLINIC_SCOUT_VERSION may set its manifest version, so a test can ship "an update".
//
// Either way the directory may not be inside data/, the build never lands in the directories that are
// zipped, linted or tested, and wxt.config.ts refuses to zip it.
import { existsSync, realpathSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { DATA_DIR } from '../lib/dataset/read-files';

export const DATA_DIR_ENV = 'CLINIC_SCOUT_DATA_DIR';
export const OUT_DIR_ENV = 'CLINIC_SCOUT_OUT_DIR';
/** Fixture builds only: the manifest version, so a test can ship "an update" as a real store update would. */
export const VERSION_ENV = 'CLINIC_SCOUT_VERSION';
/** Written by the synthetic generator next to its providers/ directory. */
export const SYNTHETIC_MARKER = 'SYNTHETIC-BENCHMARK-DATA-NEVER-SHIP';
/** Present in an e2e fixture dataset's root, next to its providers/ directory. */
export const FIXTURE_MARKER = 'E2E-FIXTURE-DATA-NEVER-SHIP';

export type BuildDataKind = 'real' | 'synthetic' | 'fixture';

export interface BuildData {
  /** Directory of <id>.json provider records. */
  providersDir: string;
  kind: BuildDataKind;
  /** The test dataset's root (holds the marker). */
  root?: string;
  /** Where `wxt build` writes (undefined: WXT's default .output/). */
  outDir?: string;
  /** The manifest version to write (fixture builds only; undefined: package.json's). */
  version?: string;
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

const OUTPUT_DIR = resolve(DATA_DIR, '..', '.output');

export function buildData(env: NodeJS.ProcessEnv = process.env): BuildData {
  const dir = env[DATA_DIR_ENV];
  if (!dir) {
    if (env[VERSION_ENV]) throw new Error(`${VERSION_ENV} is for fixture builds (${DATA_DIR_ENV}) only.`);
    if (env[OUT_DIR_ENV]) throw new Error(`${OUT_DIR_ENV} is for fixture builds (${DATA_DIR_ENV}) only.`);
    return { providersDir: join(DATA_DIR, 'providers'), kind: 'real' };
  }
  const root = resolve(dir);
  if (existsSync(root) && inside(realpathSync(root), realpathSync(DATA_DIR))) throw new Error(`${DATA_DIR_ENV} may not point into data/.`);
  const has = (marker: string) => existsSync(join(root, marker)) && existsSync(join(root, 'providers'));

  if (has(SYNTHETIC_MARKER)) {
    if (env.npm_lifecycle_event !== 'bench') {
      throw new Error(`${DATA_DIR_ENV} with a synthetic dataset is for \`npm run bench\` only; unset it to build the extension.`);
    }
    if (env[VERSION_ENV] || env[OUT_DIR_ENV]) throw new Error(`${VERSION_ENV} and ${OUT_DIR_ENV} are for fixture builds only.`);
    return { providersDir: join(root, 'providers'), kind: 'synthetic', root, outDir: join('.output', 'bench', basename(root)) };
  }
  if (has(FIXTURE_MARKER)) {
    const out = env[OUT_DIR_ENV] ? resolve(env[OUT_DIR_ENV]) : undefined;
    if (!out || inside(out, OUTPUT_DIR) || inside(out, resolve(DATA_DIR))) {
      throw new Error(`${DATA_DIR_ENV} with a fixture dataset needs ${OUT_DIR_ENV} set to a directory outside .output/ and data/ (a fixture build never replaces the real one).`);
    }
    const version = env[VERSION_ENV];
    if (version !== undefined && !/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(`${VERSION_ENV}=${version} is not a manifest version.`);
    return { providersDir: join(root, 'providers'), kind: 'fixture', root, outDir: out, ...(version ? { version } : {}) };
  }
  throw new Error(
    `${DATA_DIR_ENV}=${dir} is neither a synthetic dataset written by tests/bench/synthetic.ts (${SYNTHETIC_MARKER}) nor an e2e fixture dataset (${FIXTURE_MARKER}): no marker next to providers/.`,
  );
}

/** A test dataset (synthetic or fixture): never zipped, never published. */
export const isTestData = (data: BuildData) => data.kind !== 'real';
