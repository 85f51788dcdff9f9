// npm run dataset -- check [--quiet]: validate data/ and list, per provider, what is still unknown.
import { readGeneralFile, readProviderFiles } from '../lib/dataset/read-files';
import { checkConventions, formatProblem, parseGeneralFile, parseProviderFiles, unknownFields } from '../lib/dataset/validate';

const [command = 'check', ...flags] = process.argv.slice(2);
if (command !== 'check') {
  console.error(`Unknown command "${command}". Usage: npm run dataset -- check [--quiet]`);
  process.exit(2);
}
const quiet = flags.includes('--quiet');

const { providers, problems } = parseProviderFiles(readProviderFiles());
const general = parseGeneralFile(readGeneralFile());
const all = [...problems, ...general.problems, ...checkConventions(providers)];

if (!quiet) {
  for (const p of [...providers].sort((a, b) => a.id.localeCompare(b.id))) {
    const unknown = unknownFields(p);
    console.log(`${p.id.padEnd(44)} ${p.status.state.padEnd(10)} unknown: ${unknown.length ? unknown.join(', ') : '—'}`);
  }
}
for (const p of all) console.error(formatProblem(p));
console.log(`${providers.length} providers, ${all.length} problem${all.length === 1 ? '' : 's'}.`);
process.exit(all.length ? 1 : 0);
