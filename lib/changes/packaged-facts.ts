// The packaged decision-facts file (data/decision-facts.json): for every provider of the build, only what the
// change check compares (./snapshot.ts DecisionFacts). Written by scripts/packaged-data.ts from the validated
// records; read through data/packaged.ts by the background (badge count) and the panel's store (the check and
// "Mark as seen"), only when a check is due — never on the card's path.
import type { FactsLookup } from './deps';
import type { DecisionFacts } from './snapshot';

export const DECISION_FACTS_PATH = 'data/decision-facts.json';

/** The file's contents as a lookup by id. Built from validated records; only its shape is checked here. */
export function factsLookup(raw: unknown): FactsLookup {
  if (!Array.isArray(raw)) throw new Error(`${DECISION_FACTS_PATH}: expected an array`);
  const byId = new Map<string, DecisionFacts>();
  for (const f of raw) if (f !== null && typeof f === 'object' && typeof (f as { id?: unknown }).id === 'string') byId.set((f as DecisionFacts).id, f as DecisionFacts);
  return (id) => byId.get(id);
}
