// Version 2 of the export file: version 1 plus each item's change tracking (issue 18) — the decision facts
// the user has seen (`facts`), what changed since (`changeHistory`, oldest first; an entry with
// `seenAt: null` is not seen yet) and `removed` (the provider left the dataset). Frozen like v1: when the
// model changes again, add format-v3.ts. The nested tracking schemas are lib/changes' own (their shape is
// part of this version: changing them means a v3), checked against the model by the assertions below.
import { z } from '../zod';
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { HistoryEntry, ItemFacts, Removal, UNTRACKED } from '../changes/tracking';
import { FORMAT_NAME, ShortlistItemV1, ShortlistV1, type ExportFileV1 } from './format-v1';

export const ShortlistItemV2 = ShortlistItemV1.extend({
  facts: ItemFacts.nullable().meta({
    description: 'The provider’s decision facts as the user last saw them (status, prices, locations, insurance, payment, delivery); null for a clinic added by hand',
  }),
  changeHistory: z.array(HistoryEntry).max(1000).meta({ description: 'Changes found since, oldest first; seenAt null = not seen yet' }),
  removed: Removal.nullable().meta({ description: 'Set when the provider is no longer in Clinic Scout’s list' }),
}).meta({ title: 'Shortlist item (a clinic on a list, with the user’s notes and the changes found since it was saved)' });

export const ShortlistV2 = ShortlistV1;

export const ExportFileV2 = z
  .strictObject({
    format: z.literal(FORMAT_NAME),
    version: z.literal(2),
    exportedAt: z.iso.datetime({ offset: true }),
    shortlists: z.array(ShortlistV2),
    items: z.array(ShortlistItemV2),
  })
  .meta({ title: 'Clinic Scout shortlist export, version 2' });

export type ExportFileV2 = z.output<typeof ExportFileV2>;

/** A v1 file as v2: every item untracked (the next check after import takes its snapshot, "since" that day). */
export function upgradeV1(file: ExportFileV1): z.input<typeof ExportFileV2> {
  return { ...file, version: 2, items: file.items.map((i) => ({ ...i, ...UNTRACKED, changeHistory: [] })) };
}

// --- v2 must equal the current model while v2 is the version written --------------------------------
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type V2ItemMatchesModel = Assert<Equals<z.output<typeof ShortlistItemV2>, ShortlistItem>>;
export type V2ListMatchesModel = Assert<Equals<z.output<typeof ShortlistV2>, Shortlist>>;
