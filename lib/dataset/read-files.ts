// Node-only: scripts, tests and the build read the JSON files directly (the extension bundles them).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordFile } from './validate';

// Not `new URL(…, import.meta.url)`: Vite rewrites that pattern into an asset URL under vitest.
export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');

export function readProviderFiles(dir = join(DATA_DIR, 'providers')): RecordFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      try {
        return { file, data: JSON.parse(text) as unknown };
      } catch (e) {
        return { file, data: { __jsonError: (e as Error).message } };
      }
    });
}

export function readGeneralFile(): RecordFile {
  const file = 'general.json';
  try {
    return { file, data: JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as unknown };
  } catch (e) {
    return { file, data: { __error: (e as Error).message } };
  }
}
