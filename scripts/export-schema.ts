// npx tsx scripts/export-schema.ts [--check]: writes docs/export-format.schema.json from the zod schema of the
// export file (lib/export/json-format.ts). With --check, exits 1 instead of writing when the file is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { exportJsonSchema } from '../lib/export/json-schema';

const path = new URL('../docs/export-format.schema.json', import.meta.url).pathname;
const text = `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    // missing counts as out of date
  }
  if (current !== text) {
    console.error('docs/export-format.schema.json is out of date: run npx tsx scripts/export-schema.ts');
    process.exit(1);
  }
  console.log('docs/export-format.schema.json is up to date.');
} else {
  writeFileSync(path, text);
  console.log(`Wrote ${path}`);
}
