// Export of 10,000 items to CSV, JSON and Markdown (aim ≤ 200 ms each), plus import figures for context.
import { performance } from 'node:perf_hooks';
import type { Bench, BenchResult } from './types';
import { toCsv } from '../../lib/export/csv';
import { toJson } from '../../lib/export/json-format';
import { toMarkdown } from '../../lib/export/markdown';
import { parseImport } from '../../lib/export/import';
import { planImport } from '../../lib/export/merge';
import { bigData, exportInput } from '../unit/export/fixtures';

const N = 10_000;
const AIM_MS = 200;

/** Median wall time of `runs` calls after two warm-up calls. */
function median(fn: () => unknown, runs = 7): number {
  fn();
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}

const bench: Bench = async () => {
  const data = bigData(N);
  const input = exportInput({ ...data, itemExtras: () => ({ costEstimate: '$2,400–$4,800 for the first 6 sessions' }) });
  const at = new Date('2026-05-01T12:00:00Z');
  const json = toJson(data, at);
  const results: BenchResult[] = [];
  const timed = (name: string, fn: () => unknown, aim?: number) => {
    const ms = median(fn);
    results.push(aim === undefined ? { name, value: ms, unit: 'ms' } : { name, value: ms, unit: 'ms', target: `≤ ${aim} ms`, ok: ms <= aim });
  };
  timed(`export CSV @${N / 1000}k items (median)`, () => toCsv(input), AIM_MS);
  timed(`export JSON @${N / 1000}k items (median)`, () => toJson(data, at), AIM_MS);
  timed(`export Markdown @${N / 1000}k items (median)`, () => toMarkdown(input), AIM_MS);
  timed(`parseImport @${N / 1000}k items (median)`, () => {
    if (!parseImport(json).ok) throw new Error('bench file did not import');
  });
  timed(`planImport @${N / 1000}k into ${N / 1000}k (median)`, () => planImport(data, data));
  results.push({ name: `JSON size @${N / 1000}k items`, value: json.length / 2 ** 20, unit: 'MiB' });
  return results;
};

export default bench;
