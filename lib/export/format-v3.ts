// Version 3 of the export file (issue 18, changes on the shortlist), frozen once released: version 2 plus
// each item's change tracking — the decision facts the user has seen (`facts`), what changed since
// (`changeHistory`, oldest first; an entry with `seenAt: null` is not seen yet) and `removed` (the provider
// left the dataset). The nested tracking schemas are lib/changes/schema.ts's own: their shape is part of
// this version (changing them means a version 4). The type checks at the bottom fail the build if the
// model in lib/shortlist/schema.ts drifts away from v3 while v3 is the version written.
import { z } from '../zod';
import type { Shortlist, ShortlistItem } from '../shortlist/schema';
import { HistoryEntry, ItemFacts, Removal } from '../changes/schema';
import { ExportFileV2, ShortlistItemV2 } from './format-v2';

export const ShortlistItemV3 = ShortlistItemV2.extend({
  facts: ItemFacts.nullable().meta({
    description:
      'The provider’s decision facts as the user last saw them (status, prices, locations, insurance, payment, delivery); null for a clinic added by hand, or until the first check after import',
  }),
  changeHistory: z.array(HistoryEntry).max(1000).meta({ description: 'Changes found since, oldest first; seenAt null = not seen yet' }),
  removed: Removal.nullable().meta({ description: 'Set when the provider is no longer in Clinic Scout’s list' }),
}).meta({ title: 'Shortlist item (a clinic on a list, with the user’s notes and the changes found since it was saved)' });

export const ExportFileV3 = ExportFileV2.extend({ version: z.literal(3), items: z.array(ShortlistItemV3) }).meta({
  title: 'Clinic Scout shortlist export, version 3',
});

export type ExportFileV3 = z.output<typeof ExportFileV3>;

/** A v2 file as v3: every item untracked (the first check after import takes its snapshot, "since" that day). */
export function upgradeV2(file: z.output<typeof ExportFileV2>): ExportFileV3 {
  return { ...file, version: 3, items: file.items.map((i) => ({ ...i, facts: null, changeHistory: [], removed: null })) };
}

// --- v3 must equal the current model while v3 is the version written --------------------------------
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type V3ItemMatchesModel = Assert<Equals<z.output<typeof ShortlistItemV3>, ShortlistItem>>;
export type V3ListMatchesModel = Assert<Equals<z.output<typeof ExportFileV3>['shortlists'][number], Shortlist>>;
