// The decision snapshot: the few facts of a provider that matter when choosing (can I book it, what does
// it cost, where is it, how can I pay, where is treatment given), kept with a shortlist item so a later
// dataset can be compared with what the user saw when they saved it (lib/changes/diff.ts).
//
// Stored in IndexedDB and in JSON exports, so it is deliberately small and flat: no sources, no notes,
// no free text beyond price and location labels (sources of a change come from the current record).
// zod-free: the schemas are in ./schema.ts (types only here).
import type { Price, Location, Provider } from '../dataset/schema';
import type { DecisionSnapshot, LocationSnapshot, PriceSnapshot } from './schema';

export type { DecisionSnapshot, LocationSnapshot, PriceSnapshot, StatusSnapshot, InsuranceAccepted, Delivery } from './schema';

export function priceSnapshot(p: DecisionFacts['prices'][number]): PriceSnapshot {
  return { kind: p.kind, label: p.label, low: p.low, high: p.high, sessions: p.sessions ?? null, asOf: p.asOf };
}

export function locationSnapshot(l: DecisionFacts['locations'][number]): LocationSnapshot {
  return { city: l.city, state: l.state, label: l.label ?? null, confirmed: l.confirmed };
}

/**
 * Exactly the parts of a provider record the comparison reads (facts and their sources); a Provider is
 * one. The background gets only these, packaged as data/decision-facts.json (scripts/decision-facts.ts).
 */
export interface DecisionFacts {
  id: string;
  status: Pick<Provider['status'], 'state' | 'since' | 'sources'>;
  prices: Pick<Price, 'kind' | 'label' | 'low' | 'high' | 'sessions' | 'asOf' | 'sources'>[];
  locations: Pick<Location, 'city' | 'state' | 'label' | 'confirmed' | 'sources'>[];
  insurance: Pick<Provider['insurance'], 'accepted' | 'medicare' | 'medicaid' | 'sources'>;
  financing: Pick<Provider['financing'], 'hsaFsa' | 'careCredit' | 'sources'>;
  delivery: Pick<Provider['delivery'], 'value' | 'sources'>;
  sources: Provider['sources'];
}

/** The DecisionFacts of a record, nothing more (what gets packaged for the background). */
export function decisionFacts(p: DecisionFacts): DecisionFacts {
  const { status, insurance: i, financing: f, delivery: d } = p;
  return {
    id: p.id,
    status: { state: status.state, since: status.since, sources: status.sources },
    prices: p.prices.map((x) => ({ kind: x.kind, label: x.label, low: x.low, high: x.high, ...(x.sessions ? { sessions: x.sessions } : {}), asOf: x.asOf, sources: x.sources })),
    locations: p.locations.map((l) => ({ city: l.city, state: l.state, ...(l.label ? { label: l.label } : {}), confirmed: l.confirmed, sources: l.sources })),
    insurance: { accepted: i.accepted, medicare: i.medicare, medicaid: i.medicaid, sources: i.sources },
    financing: { hsaFsa: f.hsaFsa, careCredit: f.careCredit, sources: f.sources },
    delivery: { value: d.value, sources: d.sources },
    sources: p.sources,
  };
}

/** The decision facts of `provider` as they are in this dataset. Plain data (structured-clone and JSON safe). */
export function snapshotOf(provider: DecisionFacts): DecisionSnapshot {
  return {
    status: { state: provider.status.state, since: provider.status.since },
    prices: provider.prices.map(priceSnapshot),
    locations: provider.locations.map(locationSnapshot),
    insurance: {
      accepted: provider.insurance.accepted,
      medicare: provider.insurance.medicare,
      medicaid: provider.insurance.medicaid,
    },
    hsaFsa: provider.financing.hsaFsa,
    careCredit: provider.financing.careCredit,
    delivery: provider.delivery.value,
  };
}
