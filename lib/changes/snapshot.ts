// The decision snapshot: the few facts of a provider that matter when choosing (can I book it, what does
// it cost, where is it, how can I pay, where is treatment given), kept with a shortlist item so a later
// dataset can be compared with what the user saw when they saved it (lib/changes/diff.ts).
//
// Stored in IndexedDB and in JSON exports, so it is deliberately small and flat: no sources, no notes,
// no free text beyond price and location labels (sources of a change come from the current record).
import { z } from '../zod';
import { IsoDate, PriceKind, StatusState, Tri, UsState, type Price, type Location, type Provider } from '../dataset/schema';

export const StatusSnapshot = z.object({ state: StatusState, since: IsoDate.nullable() });

export const PriceSnapshot = z.object({
  kind: PriceKind,
  label: z.string().min(1).max(500),
  low: z.number().nonnegative().nullable(),
  high: z.number().nonnegative().nullable(),
  /** Sessions in a package; null when not a package or not stated. */
  sessions: z.number().int().positive().nullable(),
  /** When the price was stated: kept for display only, never compared (a re-dated price is no change). */
  asOf: IsoDate.nullable(),
});

export const LocationSnapshot = z.object({
  city: z.string().min(1).max(200).nullable(),
  state: UsState,
  label: z.string().min(1).max(500).nullable(),
  confirmed: z.boolean(),
});

export const InsuranceAccepted = z.enum(['yes', 'no', 'some', 'unknown']);
export const Delivery = z.enum(['in-clinic', 'at-home', 'both', 'unknown']);

export const DecisionSnapshot = z.object({
  status: StatusSnapshot,
  prices: z.array(PriceSnapshot).max(200),
  locations: z.array(LocationSnapshot).max(500),
  insurance: z.object({ accepted: InsuranceAccepted, medicare: Tri, medicaid: Tri }),
  hsaFsa: Tri,
  careCredit: Tri,
  delivery: Delivery,
});

export type StatusSnapshot = z.infer<typeof StatusSnapshot>;
export type PriceSnapshot = z.infer<typeof PriceSnapshot>;
export type LocationSnapshot = z.infer<typeof LocationSnapshot>;
export type InsuranceAccepted = z.infer<typeof InsuranceAccepted>;
export type Delivery = z.infer<typeof Delivery>;
export type DecisionSnapshot = z.infer<typeof DecisionSnapshot>;

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
