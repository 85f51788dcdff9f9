// The JSON backup format: writing the current version, and the chain that reads every version ever written.
//
// To add version 4: create format-v4.ts (ExportFileV4 with `version: z.literal(4)`, and move the model check
// there from format-v3.ts), give the v3 entry in VERSIONS an `upgrade` that turns a parsed v3 file into a v4
// file, append { version: 4, schema: ExportFileV4, upgrade: null }, point CURRENT_VERSION and `toJson` at v4,
// and add ExportFileV4 to ExportFile below. Old files are then parsed by their own frozen schema and upgraded
// step by step (v1 → v2: nothing to convert; v2 → v3: items arrive untracked).
import { z } from '../zod';
import { Shortlist, ShortlistItem } from '../shortlist/schema';
import { ExportFileV1, FORMAT_NAME, ShortlistItemV1, ShortlistV1 } from './format-v1';
import { ExportFileV2, ShortlistItemV2, upgradeV1 } from './format-v2';
import { ExportFileV3, ShortlistItemV3, upgradeV2 } from './format-v3';
import { HistoryEntry, ItemFacts, Removal } from '../changes/schema';
import { readableOnly } from './input';

export { FORMAT_NAME };

/** The version `toJson` writes and the newest one `parseImport` reads. */
export const CURRENT_VERSION = 3;

/** Any export file this release can read, discriminated by `version` (used for the published JSON Schema). */
export const ExportFile = z.discriminatedUnion('version', [ExportFileV1, ExportFileV2, ExportFileV3]);

/** The current version's file, as written and as returned by parseImport after upgrading. */
export type CurrentExportFile = ExportFileV3;

export interface VersionStep {
  version: number;
  schema: z.ZodType;
  /**
   * The schemas of one list and one item of this version (the elements of `schema`'s two arrays). Import
   * validates record by record with them, stopping the description after the first problems, so a file
   * with 150,000 bad items costs bounded time and memory.
   */
  records: { shortlists: z.ZodType; items: z.ZodType };
  /** Turns a file of this version (already validated by `schema`) into the next version; null for the newest. */
  upgrade: ((file: never) => unknown) | null;
}

/** Oldest first; each entry's upgrade yields the next entry's input. */
export const VERSIONS: readonly VersionStep[] = [
  { version: 1, schema: ExportFileV1, records: { shortlists: ShortlistV1, items: ShortlistItemV1 }, upgrade: upgradeV1 },
  { version: 2, schema: ExportFileV2, records: { shortlists: ShortlistV1, items: ShortlistItemV2 }, upgrade: upgradeV2 },
  { version: 3, schema: ExportFileV3, records: { shortlists: ShortlistV1, items: ShortlistItemV3 }, upgrade: null },
];

/** The current-version schema, re-checked after upgrading an older file. */
export const CurrentFile = z.object({
  format: z.literal(FORMAT_NAME),
  version: z.literal(CURRENT_VERSION),
  exportedAt: z.string(),
  shortlists: z.array(Shortlist),
  items: z.array(ShortlistItem),
});

/**
 * The export file for `data`, as an object. Copies exactly the model's fields (anything else a storage
 * layer keeps on its records is left out, so the file always passes the strict import schema). A backup
 * must never fail to be written: records that fail the model's schema are left out, never thrown on.
 */
export function buildExportFile(all: { shortlists: readonly Shortlist[]; items: readonly ShortlistItem[] }, exportedAt: Date): CurrentExportFile {
  // A damaged record can't be written in a file that must import again; it is exported raw instead
  // (unreadableRecordsJson). Everything readable is always written.
  const data = readableOnly(all);
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    exportedAt: exportedAt.toISOString(),
    shortlists: data.shortlists.map(copyShortlist),
    items: data.items.map(copyItem),
  };
}

/** The JSON backup text (pretty-printed, UTF-8 when saved, no BOM). Save as application/json. */
export function toJson(data: { shortlists: readonly Shortlist[]; items: readonly ShortlistItem[] }, exportedAt: Date): string {
  return `${JSON.stringify(buildExportFile(data, exportedAt), null, 2)}\n`;
}

/** Exactly the model's fields of a list (storage bookkeeping left out). */
export function copyShortlist(s: Shortlist): Shortlist {
  return { id: s.id, name: s.name, createdAt: s.createdAt, updatedAt: s.updatedAt, deletedAt: s.deletedAt };
}

function copyCustom(c: NonNullable<ShortlistItem['custom']>): NonNullable<ShortlistItem['custom']> {
  const out: NonNullable<ShortlistItem['custom']> = { name: c.name, website: c.website, city: c.city, state: c.state };
  if (c.phone !== undefined) out.phone = c.phone;
  if (c.street !== undefined) out.street = c.street;
  if (c.zip !== undefined) out.zip = c.zip;
  if (c.read !== undefined) {
    const r = c.read;
    out.read = {
      url: r.url,
      host: r.host,
      at: r.at,
      fields: Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, { source: f.source, at: f.at }])),
      prices: r.prices.map((p) => ({ amount: p.amount, high: p.high, text: p.text, sentence: p.sentence, at: p.at })),
      openingHours: [...r.openingHours],
      priceRange: r.priceRange,
    };
  }
  return out;
}

/** Exactly the model's fields of an item (storage bookkeeping such as `revision` left out). */
export function copyItem(i: ShortlistItem): ShortlistItem {
  return {
    id: i.id,
    shortlistId: i.shortlistId,
    providerId: i.providerId,
    snapshot: { name: i.snapshot.name, website: i.snapshot.website },
    custom: i.custom && copyCustom(i.custom),
    status: i.status,
    notes: i.notes,
    quote: i.quote && { consultation: i.quote.consultation, perSession: i.quote.perSession, note: i.quote.note },
    // fromEntries defines own properties, so even an odd key cannot become a prototype.
    answers: Object.fromEntries(Object.entries(i.answers).map(([k, a]) => [k, { done: a.done, text: a.text }])),
    plan: i.plan && {
      initialSessions: i.plan.initialSessions,
      maintenancePerMonth: i.plan.maintenancePerMonth,
      maintenanceMonths: i.plan.maintenanceMonths,
      hsaTaxRate: i.plan.hsaTaxRate,
      spravatoInsurance: i.plan.spravatoInsurance,
    },
    position: i.position,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    // Parsing copies exactly the schemas' fields; the item passed the model's schema, so these cannot fail.
    facts: i.facts && ItemFacts.parse(i.facts),
    changeHistory: i.changeHistory.map((e) => HistoryEntry.parse(e)),
    removed: i.removed && Removal.parse(i.removed),
  };
}
