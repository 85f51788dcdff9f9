// Which provider records a build packages. Always data/providers/ — except for `npm run bench`, which
// points CLINIC_SCOUT_DATA_DIR at a synthetic dataset written by tests/bench/synthetic.ts. That directory
// is accepted only when it carries the generator's marker file and only from `npm run bench`; such a
// build goes to .output/bench/ (wxt.config.ts), never to the directories that are zipped, linted or tested.
import { existsSync, realpathSync } from 'node:fs';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { DATA_DIR } from '../lib/dataset/read-files';

export const DATA_DIR_ENV = 'CLINIC_SCOUT_DATA_DIR';
/** Written by the synthetic generator next to its providers/ directory. */
export const SYNTHETIC_MARKER = 'SYNTHETIC-BENCHMARK-DATA-NEVER-SHIP';

export interface BuildData {
  /** Directory of <id>.json provider records. */
  providersDir: string;
  /** True for a synthetic benchmark dataset. */
  synthetic: boolean;
  /** The synthetic dataset's root (holds the marker), for naming the bench output. */
  root?: string;
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

export function buildData(env: NodeJS.ProcessEnv = process.env): BuildData {
  const dir = env[DATA_DIR_ENV];
  if (!dir) return { providersDir: join(DATA_DIR, 'providers'), synthetic: false };
  const root = resolve(dir);
  if (env.npm_lifecycle_event !== 'bench') {
    throw new Error(`${DATA_DIR_ENV} is for \`npm run bench\` only; unset it to build the extension.`);
  }
  if (existsSync(root) && inside(realpathSync(root), realpathSync(DATA_DIR))) throw new Error(`${DATA_DIR_ENV} may not point into data/.`);
  if (!existsSync(join(root, SYNTHETIC_MARKER)) || !existsSync(join(root, 'providers'))) {
    throw new Error(`${DATA_DIR_ENV}=${dir} is not a synthetic dataset written by tests/bench/synthetic.ts (no ${SYNTHETIC_MARKER} marker).`);
  }
  return { providersDir: join(root, 'providers'), synthetic: true, root };
}
