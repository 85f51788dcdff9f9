// The content hash of the provider records, computed at bundle time (virtual:clinic-scout/dataset-hash,
// see scripts/vite-virtual-data.ts) so the extension can tell a data-only release from the one before
// even when the manifest version did not move. See lib/changes/version.ts for how it is used.
import { createHash } from 'node:crypto';
import type { RecordFile } from '../lib/dataset/validate';

/**
 * SHA-256 over every record file (name + parsed JSON re-serialised, so whitespace and line endings do not
 * count), in file-name order; the first 16 hex digits. Any change to any record changes it: that only
 * triggers a re-check, which reports nothing when no decision fact moved.
 */
export function datasetHash(files: readonly RecordFile[]): string {
  const hash = createHash('sha256');
  for (const { file, data } of [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    hash.update(file);
    hash.update('\u0000');
    hash.update(JSON.stringify(data));
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}
