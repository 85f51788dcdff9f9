// Size of each entrypoint of the Chrome build (npm run bench builds first), raw and gzipped, and the
// real dataset's matcher figures — what a user downloads and what runs on every navigation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readProviderFiles } from '../../lib/dataset/read-files';
import { parseProviderFiles } from '../../lib/dataset/validate';
import { createMatcher } from '../../lib/match';
import { EXTENSION_DIR } from '../e2e/harness';
import type { Bench, BenchResult } from './types';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const kb = (n: number) => Math.round(n / 102.4) / 10;

const bench: Bench = async () => {
  const out: BenchResult[] = [];
  const all = files(EXTENSION_DIR).filter((f) => /\.(js|css|html)$/.test(f));
  const groups: Record<string, string[]> = {
    background: all.filter((f) => f.endsWith('background.js')),
    'side panel (start-up)': all.filter((f) => /sidepanel[^/]*\.(js|css|html)$/.test(f)),
    'ZIP table (loaded on demand)': all.filter((f) => /zip-table[^/]*\.js$/.test(f)),
  };
  for (const [name, list] of Object.entries(groups)) {
    const raw = list.reduce((s, f) => s + statSync(f).size, 0);
    const gz = list.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0);
    out.push({ name: `bundle: ${name}`, value: kb(raw), unit: `KB (${kb(gz)} KB gzipped)` });
  }
  const total = all.reduce((s, f) => s + statSync(f).size, 0);
  out.push({ name: 'bundle: whole Chrome build (js, css, html)', value: kb(total), unit: 'KB' });

  // The matcher at the real dataset's size.
  const { providers } = parseProviderFiles(readProviderFiles());
  const hosts = providers.flatMap((p) => [...p.match.domains, ...p.match.hosts, ...p.lookalikes.map((l) => l.host)]);
  const t0 = performance.now();
  const matcher = createMatcher(providers);
  const build = performance.now() - t0;
  const urls = [...hosts.map((h) => `https://www.${h}/some/page?x=1`), ...hosts.map((h) => `https://${h}.example.net/`)];
  for (let i = 0; i < 5; i++) for (const u of urls) matcher.match(u);
  const rounds = 50;
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) for (const u of urls) matcher.match(u);
  const perUrl = Number(process.hrtime.bigint() - t1) / 1000 / (rounds * urls.length);
  out.push({ name: `matcher: real dataset (${providers.length} providers, ${hosts.length} hostnames) index build`, value: build, unit: 'ms' });
  out.push({ name: 'matcher: real dataset, mean per URL incl. parsing', value: perUrl, unit: 'µs', target: '≤ 2 µs', ok: perUrl <= 2 });
  return out;
};

export default bench;
