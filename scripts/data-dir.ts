// Which provider records a build uses. Always data/providers/ — except for a test build that points
// CLINIC_SCOUT_DATA_DIR at a fixture dataset (tests/e2e/changes.test.ts builds with datasets A and B).
// Such a directory is accepted only when it carries the marker file below, and only together with
// CLINIC_SCOUT_OUT_DIR naming an output directory outside .output/, so a fixture build can never land in
// the directories that are zipped, linted or used by the other tests.
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { DATA_DIR } from '../lib/dataset/read-files';

export const DATA_DIR_ENV = 'CLINIC_SCOUT_DATA_DIR';
export const OUT_DIR_ENV = 'CLINIC_SCOUT_OUT_DIR';
/** Fixture builds only: the manifest version, so a test can ship "an update" as a real store update would. */
export const VERSION_ENV = 'CLINIC_SCOUT_VERSION';
/** Present in a fixture dataset's root, next to its providers/ directory. */
export const FIXTURE_MARKER = 'E2E-FIXTURE-DATA-NEVER-SHIP';

export interface BuildData {
  /** Directory of <id>.json provider records. */
  providersDir: string;
  /** Where `wxt build` writes (undefined: WXT's default .output/). */
  outDir: string | undefined;
  /** True for a fixture dataset. */
  fixture: boolean;
  /** The manifest version to write (fixture builds only; undefined: package.json's). */
  version: string | undefined;
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

export function buildData(env: NodeJS.ProcessEnv = process.env): BuildData {
  const dir = env[DATA_DIR_ENV];
  const out = env[OUT_DIR_ENV] ? resolve(env[OUT_DIR_ENV]) : undefined;
  if (!dir) {
    if (env[VERSION_ENV]) throw new Error(`${VERSION_ENV} is for fixture builds (${DATA_DIR_ENV}) only.`);
    return { providersDir: join(DATA_DIR, 'providers'), outDir: out, fixture: false, version: undefined };
  }
  const root = resolve(dir);
  if (!existsSync(join(root, FIXTURE_MARKER)) || !existsSync(join(root, 'providers'))) {
    throw new Error(`${DATA_DIR_ENV}=${dir} is not a fixture dataset (no ${FIXTURE_MARKER} marker next to providers/).`);
  }
  if (!out || inside(out, resolve(DATA_DIR, '..', '.output'))) {
    throw new Error(`${DATA_DIR_ENV} needs ${OUT_DIR_ENV} set to a directory outside .output/ (a fixture build never replaces the real one).`);
  }
  const version = env[VERSION_ENV];
  if (version !== undefined && !/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(`${VERSION_ENV}=${version} is not a manifest version.`);
  return { providersDir: join(root, 'providers'), outDir: out, fixture: true, version };
}
