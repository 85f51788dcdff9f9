// Synthetic provider datasets for benchmarks ONLY (`npm run bench`): never shipped, never written to data/.
//
// A dataset of N providers is the real records plus N − real made-up ones, each derived from a real record
// (same shape, same number of prices, locations, sources…, so files and the Browse index grow realistically)
// with a made-up name, made-up text of about the same length, and hostnames and URLs under the reserved
// .example / .invalid TLDs only. Cities and states are kept (near-me needs real places); nothing else of
// the source record's wording survives. Deterministic: the same N gives the same files.
//
// Written to node_modules/.cache/clinic-scout-bench/<name>/ with a marker file; a build reads it only
// through CLINIC_SCOUT_DATA_DIR from `npm run bench` (scripts/data-dir.ts enforces both).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { DATA_DIR, readProviderFiles } from '../../lib/dataset/read-files';
import type { Provider } from '../../lib/dataset/schema';
import { checkConventions, formatProblem, parseProviderFiles } from '../../lib/dataset/validate';
import { SYNTHETIC_MARKER } from '../../scripts/data-dir';

export const BENCH_CACHE = join(DATA_DIR, '..', 'node_modules', '.cache', 'clinic-scout-bench');

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Quill', 'Amber', 'Cedar', 'Harbor', 'Lumen', 'Meadow', 'North', 'Silver', 'Willow', 'Zephyr', 'Orchid', 'Basalt', 'Juniper', 'Tidal', 'Aster', 'Copper'];
const SECOND = ['brook', 'field', 'stone', 'ridge', 'light', 'haven', 'crest', 'gate', 'wood', 'vale', 'point', 'spring'];
const THIRD = ['Wellness', 'Infusion Center', 'Mind Care', 'Health', 'Psychiatry', 'Clinic', 'Therapeutics', 'Renewal'];
const WORDS = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo consequat'.split(' ');

function madeUpText(rand: () => number, length: number): string {
  let s = '';
  while (s.length < Math.max(3, length)) s += (s ? ' ' : '') + WORDS[Math.floor(rand() * WORDS.length)];
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** Keys whose string values are free text (replaced by made-up text of about the same length). */
const TEXT_KEYS = new Set(['summary', 'detail', 'note', 'label', 'text', 'reason', 'title', 'includes', 'prescribers', 'administers', 'pricesNote']);

/** A made-up provider shaped like `source`. */
export function syntheticRecord(source: Provider, n: number): Provider {
  const rand = rng(n * 7919 + 17);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const name = `${pick(FIRST)}${pick(SECOND)} ${pick(THIRD)} ${String(n).padStart(4, '0')}`;
  const slug = `synthetic-${String(n).padStart(4, '0')}`;
  const site = `${slug}.example`;
  let urlCount = 0;
  let lookalikeCount = 0;

  const walk = (v: unknown, key: string): unknown => {
    if (Array.isArray(v)) {
      if (key === 'questions' || key === 'aka') return v.map((q: string) => madeUpText(rand, q.length));
      return v.map((x) => walk(x, key));
    }
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    }
    if (typeof v !== 'string') return v;
    if (key === 'url') return `https://www.${site}/page-${urlCount++}`;
    if (TEXT_KEYS.has(key)) return madeUpText(rand, v.length);
    return v;
  };
  const p = walk(source, '') as Provider;
  p.id = slug;
  p.name = name;
  p.match = {
    domains: [site],
    hosts: source.match.hosts.map((_, i) => `book${i}.${slug}.invalid`),
    paths: source.match.paths.map((r, i) => ({ host: `help.${site}`, prefix: `/p${i}${r.prefix.length > 1 ? '' : ''}` })),
    mirrors: source.match.mirrors.map((_, i) => `mirror${i}.${slug}.invalid`),
  };
  p.lookalikes = p.lookalikes.map((l) => ({ ...l, host: `lookalike${lookalikeCount++}.${slug}.invalid`, name: l.name === null ? null : `Not ${name}` }));
  p.confusableWith = [];
  return p;
}

const inside = (child: string, parent: string) => {
  const r = relative(parent, child);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
};

/**
 * Writes (or reuses) a dataset of `size` providers and returns its root, for CLINIC_SCOUT_DATA_DIR.
 * Validates it with the build's own checks so a benchmark build never fails on data.
 */
export function writeSyntheticDataset(size: number, root = join(BENCH_CACHE, `providers-${size}`)): { root: string; count: number } {
  if (inside(root, DATA_DIR)) throw new Error('synthetic data may never be written into data/');
  const real = parseProviderFiles(readProviderFiles()).providers;
  if (size < real.length) throw new Error(`a synthetic dataset holds at least the ${real.length} real records`);
  const stamp = `${size}:${real.map((p) => `${p.id}@${p.lastReviewed}`).join(',')}`;
  const marker = join(root, SYNTHETIC_MARKER);
  if (existsSync(marker) && readFileSync(marker, 'utf8').endsWith(`\n${stamp}`)) return { root, count: size };

  rmSync(root, { recursive: true, force: true });
  const dir = join(root, 'providers');
  mkdirSync(dir, { recursive: true });
  const all: Provider[] = [...real];
  for (let n = 1; all.length < size; n++) all.push(syntheticRecord(real[(n - 1) % real.length]!, n));
  const problems = checkConventions(all);
  if (problems.length) throw new Error(`synthetic dataset is invalid:\n${problems.slice(0, 10).map(formatProblem).join('\n')}`);
  for (const p of all) writeFileSync(join(dir, `${p.id}.json`), JSON.stringify(p, null, 2));
  writeFileSync(marker, `Synthetic benchmark data written by tests/bench/synthetic.ts. Never ship, never copy into data/.\n${stamp}`);
  return { root, count: size };
}

// `tsx tests/bench/synthetic.ts 1000` writes one dataset and prints its root.
if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.argv[2] ?? 1000);
  console.log(writeSyntheticDataset(size).root);
}
