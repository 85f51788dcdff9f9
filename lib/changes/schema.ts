// The zod schemas of change tracking (issue 18): what is stored with a shortlist item (IndexedDB schema v3)
// and written in export files (format v3). Only lib/shortlist/schema.ts and lib/export load them, in the
// shortlist's lazily loaded schema chunk; the rest of lib/changes is zod-free (types only from here), so
// the card, the store and the background never pull zod in through change tracking.
import { z } from '../zod';
import { IsoDate, PriceKind, Source, StatusState, Tri, UsState } from '../dataset/schema';

export const DatasetVersion = z.object({
  app: z.string().min(1).max(50),
  data: z.string().regex(/^[0-9a-f]{8,64}$/),
});
export type DatasetVersion = z.infer<typeof DatasetVersion>;


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

/** changed: a known fact is different; added/removed: a price or location appeared/went; learned: unknown → known. */
export const ChangeKind = z.enum(['changed', 'added', 'removed', 'learned']);
export type ChangeKind = z.infer<typeof ChangeKind>;

const common = {
  kind: ChangeKind,
  /** One plain sentence, e.g. "Price per session was $400–$600, now $450–$650". */
  text: z.string().min(1).max(1000),
  priority: z.number().int().min(0).max(9),
  /** Where the new fact comes from (the current record's sources for that field). */
  sources: z.array(Source).max(100),
};

export const TriField = z.enum(['medicare', 'medicaid', 'hsaFsa', 'careCredit']);
export type TriField = z.infer<typeof TriField>;

/** One change, storable (IndexedDB, JSON export): old/new are the snapshot values of the field. */
export const Change = z.discriminatedUnion('field', [
  z.object({ field: z.literal('status'), old: StatusSnapshot, new: StatusSnapshot, ...common }),
  z.object({ field: z.literal('price'), old: PriceSnapshot.nullable(), new: PriceSnapshot.nullable(), ...common }),
  z.object({ field: z.literal('location'), old: LocationSnapshot.nullable(), new: LocationSnapshot.nullable(), ...common }),
  z.object({ field: z.literal('insurance'), old: InsuranceAccepted, new: InsuranceAccepted, ...common }),
  z.object({ field: TriField, old: Tri, new: Tri, ...common }),
  z.object({ field: z.literal('delivery'), old: Delivery, new: Delivery, ...common }),
]);
export type Change = z.infer<typeof Change>;
export type ChangeField = Change['field'];

const Time = z.number().int().nonnegative();

export const ItemFacts = z.object({
  snapshot: DecisionSnapshot,
  /** When this snapshot was taken (ms since epoch): saved, marked as seen, or first run after the upgrade. */
  snapshotSince: Time,
  /** Taken on the first run after change tracking arrived, for an item saved before it. */
  firstRun: z.boolean(),
  /** The dataset the snapshot came from. */
  version: DatasetVersion,
});

export const HistoryEntry = z.object({
  /** When the user marked these changes as seen; null while unseen. */
  seenAt: Time.nullable(),
  /** When they were found, and in which dataset. */
  foundAt: Time,
  version: DatasetVersion,
  changes: z.array(Change).min(1).max(200),
});

export const Removal = z.object({
  /** First start without the provider in the dataset (ms), and that dataset. */
  at: Time,
  version: DatasetVersion,
  seenAt: Time.nullable(),
});

/** The v3 fields of a shortlist item. */
export const TrackingFields = z.object({
  facts: ItemFacts.nullable(),
  changeHistory: z.array(HistoryEntry).max(1000),
  removed: Removal.nullable(),
});

export type ItemFacts = z.infer<typeof ItemFacts>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type Removal = z.infer<typeof Removal>;
export type TrackingFields = z.infer<typeof TrackingFields>;

