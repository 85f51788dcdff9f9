import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRENT_VERSION, ExportFile, VERSIONS } from '../../../lib/export/json-format';
import { exportJsonSchema } from '../../../lib/export/json-schema';

describe('export format', () => {
  it('reads every version up to the current one, newest last with no upgrade', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(Array.from({ length: CURRENT_VERSION }, (_, i) => i + 1));
    expect(VERSIONS.at(-1)!.upgrade).toBeNull();
    expect(VERSIONS.slice(0, -1).every((v) => v.upgrade !== null)).toBe(true);
    expect(ExportFile.safeParse({ format: 'clinic-scout-shortlists', version: 1, exportedAt: '2026-05-01T12:00:00Z', shortlists: [], items: [] }).success).toBe(true);
  });

  it('docs/export-format.schema.json is generated from the zod schema (run npx tsx scripts/export-schema.ts)', () => {
    const onDisk = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../docs/export-format.schema.json'), 'utf8');
    expect(JSON.parse(onDisk)).toEqual(exportJsonSchema());
  });
});
