// The background's reader of data/decision-facts.json (scripts/decision-facts.ts): read from the
// extension's own package (runtime.getURL, allowed by the CSP's connect-src 'self'; never the network),
// and only when the change check runs, i.e. after the dataset changed. Nothing else in the worker needs it.
import { browser } from 'wxt/browser';
import type { FactsLookup } from '../lib/changes/check';
import type { DecisionFacts } from '../lib/changes/snapshot';

export async function loadPackagedFacts(): Promise<FactsLookup> {
  const res = await fetch(browser.runtime.getURL('/data/decision-facts.json' as '/')); // the extension's own file
  if (!res.ok) throw new Error(`data/decision-facts.json: ${res.status}`);
  const byId = new Map(((await res.json()) as DecisionFacts[]).map((f) => [f.id, f]));
  return (id) => byId.get(id);
}
