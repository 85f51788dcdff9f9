// npm run match -- URL...   (or, with no URLs, one URL per line on standard input)
// Prints one JSON object per line: {"url":…, "kind":"provider"|"lookalike"|"none", "providerId":…|null}.
// Uses the real dataset (data/providers/*.json); records that fail validation are left out, with a warning.
import { createInterface } from 'node:readline';
import { readProviderFiles } from '../lib/dataset/read-files';
import { formatProblem, parseProviderFiles } from '../lib/dataset/validate';
import { createMatcher } from '../lib/match';

function loadMatcher() {
  let files: ReturnType<typeof readProviderFiles> = [];
  try {
    files = readProviderFiles();
  } catch (e) {
    console.error(`match: cannot read data/providers (${(e as Error).message}); matching against no providers.`);
  }
  const { providers, problems } = parseProviderFiles(files);
  if (problems.length > 0) {
    const bad = new Set(problems.map((p) => p.record)).size;
    console.error(`match: ${problems.length} dataset problem(s) in ${bad} file(s); invalid records are left out:`);
    for (const p of problems.slice(0, 10)) console.error(`  ${formatProblem(p)}`);
    if (problems.length > 10) console.error(`  … and ${problems.length - 10} more (npm run dataset -- check)`);
  }
  if (providers.length === 0) console.error('match: the dataset has no valid providers yet; every URL will be "none".');
  return createMatcher(providers);
}

const matcher = loadMatcher();

function print(url: string): void {
  const r = matcher.match(url);
  console.log(JSON.stringify({ url, kind: r.kind, providerId: r.kind === 'none' ? null : r.providerId }));
}

const args = process.argv.slice(2);
if (args.length > 0) {
  for (const url of args) print(url);
} else {
  if (process.stdin.isTTY) console.error('match: reading URLs from standard input, one per line (Ctrl-D to end).');
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const url = line.trim();
    if (url) print(url);
  }
}
