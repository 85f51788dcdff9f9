// data/decision-facts.json, packaged with the extension: for every provider, only what the change check
// compares (lib/changes/snapshot.ts DecisionFacts). The background reads it from its own package
// (data/decision-facts.ts) only when the dataset version changed, so the worker's bundle stays slim.
import { decisionFacts } from '../lib/changes/snapshot';
import type { Provider } from '../lib/dataset/schema';

export const DECISION_FACTS_PATH = 'data/decision-facts.json';

export function decisionFactsFile(providers: readonly Provider[]): { relativeDest: string; contents: string } {
  return { relativeDest: DECISION_FACTS_PATH, contents: JSON.stringify(providers.map(decisionFacts)) };
}
