// npm run bench [-- name-filter]: runs tests/bench/*.bench.ts and prints one table of figures,
// with the machine they came from. Timings live here, never in pass/fail tests.
import { readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult } from '../tests/bench/types';

const dir = new URL('../tests/bench/', import.meta.url).pathname;
const filter = process.argv[2];
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();

const machine = `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}`;
console.log(`Machine: ${machine}\nDate: ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| benchmark | figure | aim | met |\n|---|---|---|---|');
let failed = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
  const results: BenchResult[] = await mod.default();
  for (const r of results) {
    const value = Number.isInteger(r.value) ? r.value : r.value.toPrecision(3);
    console.log(`| ${r.name} | ${value} ${r.unit} | ${r.target ?? '—'} | ${r.ok === undefined ? '—' : r.ok ? 'yes' : 'no'} |`);
    if (r.ok === false) failed++;
  }
}
console.log(`\n${failed} aim${failed === 1 ? '' : 's'} not met.`);
