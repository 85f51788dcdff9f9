import { readGeneralFile, readProviderFiles } from '../lib/dataset/read-files';
import { buildData } from './data-dir';
import { checkConventions, formatProblem, parseGeneralFile, parseProviderFiles } from '../lib/dataset/validate';

/** Throws with every problem listed (record and field named); used by the build. */
export function assertValidDataset(): void {
  const { providers, problems } = parseProviderFiles(readProviderFiles(buildData().providersDir));
  const all = [...problems, ...parseGeneralFile(readGeneralFile()).problems, ...checkConventions(providers)];
  if (all.length) {
    throw new Error(`The provider dataset is invalid (${all.length} problem${all.length === 1 ? '' : 's'}):\n${all.map(formatProblem).join('\n')}`);
  }
}
