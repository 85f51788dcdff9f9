// From a page read to the user's own entry: the form's prefill, and what is kept with the entry about
// where and when each value was read (SiteRead, stored on CustomClinic.read).
import { HttpUrl } from '../dataset/schema';
import { z } from '../zod';
import { formatDate } from '../format/dates';
import { MAX, usStateOf, type ExtractedClinic, type Extraction, type PriceMention } from './parse';

/** Where a saved value was read: the reader's sources, plus the tab's address for the website. */
export const SavedReadSource = z.enum(['json-ld', 'microdata', 'og', 'title', 'tel-link', 'text', 'page-url']);
export type SavedReadSource = z.infer<typeof SavedReadSource>;

/** The form fields a page read can fill. */
export const ReadFieldName = z.enum(['name', 'website', 'street', 'city', 'state', 'zip', 'phone']);
export type ReadFieldName = z.infer<typeof ReadFieldName>;

const Ms = z.number().int().nonnegative();

/** A price mention kept with the entry, with the sentence it came from (never a quote: only what the page said). */
export const SavedPriceMention = z.object({
  amount: z.number().positive().max(100_000),
  high: z.number().positive().max(100_000).nullable(),
  text: z.string().max(60),
  sentence: z.string().max(MAX.sentence),
  at: Ms,
});
export type SavedPriceMention = z.infer<typeof SavedPriceMention>;

/** Where and when the entry's values were read. A field the user typed or changed has no entry in `fields`. */
export const SiteRead = z.object({
  /** The page that was read (http(s) only). */
  url: HttpUrl,
  host: z.string().min(1).max(253),
  /** When the page was last read (ms since epoch). */
  at: Ms,
  fields: z.partialRecord(ReadFieldName, z.object({ source: SavedReadSource, at: Ms })),
  prices: z.array(SavedPriceMention).max(30),
  openingHours: z.array(z.string().max(MAX.hours)).max(MAX.hoursCount),
  priceRange: z.string().max(MAX.priceRange).nullable(),
});
export type SiteRead = z.infer<typeof SiteRead>;

/** The form's text values a read can prefill (state is a two-letter code or ''). */
export type ReadValues = Record<ReadFieldName, string>;

export interface SiteDraft {
  values: ReadValues;
  /** For each prefilled field: the value as read and where it was read. */
  read: Partial<Record<ReadFieldName, { value: string; source: SavedReadSource }>>;
  prices: PriceMention[];
  openingHours: string[];
  priceRange: string | null;
  page: Extraction['page'];
  readAt: number;
  /** Other clinics the page declares, for the user to pick instead. */
  candidates: ExtractedClinic[];
  partial: boolean;
}

/** The prefill for the "your own clinic" form. `clinic` picks one of the candidates (default: the parser's choice). */
export function draftFrom(extraction: Extraction, clinic: ExtractedClinic = extraction.clinic): SiteDraft {
  const read: SiteDraft['read'] = {};
  const values: ReadValues = { name: '', website: '', street: '', city: '', state: '', zip: '', phone: '' };
  const put = (f: ReadFieldName, value: string | null | undefined, source: SavedReadSource | undefined) => {
    if (!value || !source) return;
    values[f] = value;
    read[f] = { value, source };
  };
  put('name', clinic.name?.value, clinic.name?.source);
  // The clinic's own url when the page declares one; otherwise the site that was read (a fact, not a guess).
  if (clinic.url) put('website', clinic.url.value, clinic.url.source);
  else put('website', `${extraction.page.origin}/`, 'page-url');
  put('street', clinic.street?.value, clinic.street?.source);
  put('city', clinic.city?.value, clinic.city?.source);
  // Only a state the form offers; "Colorado" → "CO" is a lookup, anything else stays empty.
  put('state', usStateOf(clinic.state?.value), clinic.state?.source);
  put('zip', clinic.zip?.value, clinic.zip?.source);
  put('phone', clinic.telephone?.value, clinic.telephone?.source);
  return {
    values,
    read,
    prices: extraction.prices,
    openingHours: clinic.openingHours?.value ?? [],
    priceRange: clinic.priceRange?.value ?? null,
    page: extraction.page,
    readAt: extraction.readAt,
    candidates: extraction.candidates,
    partial: extraction.partial,
  };
}

const same = (a: string, b: string) => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');

/**
 * What to store with the entry: provenance only for the values the user kept as read (a changed
 * field is the user's own), the price mentions the user kept, and when it was all read.
 */
export function siteReadFor(draft: SiteDraft, saved: Partial<ReadValues>, keptPrices: readonly PriceMention[]): SiteRead {
  const fields: SiteRead['fields'] = {};
  for (const f of ReadFieldName.options) {
    const r = draft.read[f];
    const v = saved[f];
    if (!r || v === undefined || v === null) continue;
    // The website is normalised by the form ("example.com" → "https://example.com/").
    if (same(v, r.value) || (f === 'website' && sameUrl(v, r.value))) fields[f] = { source: r.source, at: draft.readAt };
  }
  return {
    url: draft.page.url,
    host: draft.page.host,
    at: draft.readAt,
    fields,
    prices: keptPrices.slice(0, 30).map((p) => ({ amount: p.amount, high: p.high, text: p.text.slice(0, 60), sentence: p.sentence, at: draft.readAt })),
    openingHours: draft.openingHours,
    priceRange: draft.priceRange,
  };
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return false;
  }
}

/** The labels for where a value was read, as the user sees them. */
export const SOURCE_LABEL: Record<SavedReadSource, string> = {
  'json-ld': 'the page’s structured data',
  microdata: 'the page’s structured data',
  og: 'the site’s name tag',
  title: 'the page title',
  'tel-link': 'a phone link on the page',
  text: 'the page text',
  'page-url': 'the page’s address',
};

/** "14 Mar 2026": the local day a page was read. */
export function readDate(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
}

/** The form's note under a prefilled field: where it was read. */
export function readNote(source: SavedReadSource): string {
  return `Read from ${SOURCE_LABEL[source]}`;
}

/** "$400–$450" or "$475", from a saved mention. */
export function priceText(p: { amount: number; high: number | null }): string {
  const f = (n: number) => `$${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
  return p.high === null ? f(p.amount) : `${f(p.amount)}–${f(p.high)}`;
}
