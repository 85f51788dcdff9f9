// Turns what the injected reader returned (lib/extract/reader.ts) into clinic facts. Pure: no DOM,
// no browser API. The reader's output is never trusted: it is validated with zod first, every value is
// reduced to trimmed plain text of a sane length, URLs must be http(s) without user info, and nothing
// is guessed — a field that was not found stays null. Every value records where it was read.
import { UsState } from '../dataset/schema';
import { z } from '../zod';
import { READER_LIMITS, type ReaderOutput } from './reader';

/** Where a value was read, in order of trust. */
export const ReadSource = z.enum(['json-ld', 'microdata', 'og', 'title', 'tel-link', 'text']);
export type ReadSource = z.infer<typeof ReadSource>;

export interface ReadField<T = string> {
  value: T;
  source: ReadSource;
}

export interface ExtractedClinic {
  name: ReadField | null;
  street: ReadField | null;
  city: ReadField | null;
  /** As written on the page ("CO", "Colorado"); see usStateOf for the two-letter code. */
  state: ReadField | null;
  zip: ReadField | null;
  telephone: ReadField | null;
  url: ReadField | null;
  openingHours: ReadField<string[]> | null;
  priceRange: ReadField | null;
  /** The schema.org type it was declared as (MedicalClinic, Physician, …); null for page-level facts. */
  type: string | null;
}

export interface PriceMention {
  /** In dollars; for a range ("$400–$450") the low end, with `high` the high end. */
  amount: number;
  high: number | null;
  /** The amount as written ("$1,650"). */
  text: string;
  /** The words near it that made it a price of interest ("infusion", "consultation"…), lowercase. */
  keywords: string[];
  /** The sentence it came from, plain text. */
  sentence: string;
  source: 'text';
}

export interface Extraction {
  /** The page that was read (http(s) only; otherwise the extraction fails). */
  page: { url: string; host: string; origin: string };
  readAt: number;
  /** The clinic to prefill: the most trusted structured entity, completed from page-level facts. */
  clinic: ExtractedClinic;
  /** Every clinic-like entity the page declares (JSON-LD first, then microdata), when there are several. */
  candidates: ExtractedClinic[];
  /** Every distinct phone number of the page's tel: links. */
  pagePhones: string[];
  prices: PriceMention[];
  /** Which reader limits were hit: the page was only partly read. */
  partial: boolean;
}

export type ParseResult = { ok: true; extraction: Extraction } | { ok: false; reason: 'invalid' | 'not-web-page' };

// ---------------------------------------------------------------------------------------------------
// Validation of the reader's output (it comes from a page we do not control).

const capped = (max: number) => z.string().max(max);
export const ReaderOutputSchema = z.object({
  version: z.literal(1),
  href: capped(READER_LIMITS.hrefChars),
  hostname: capped(253),
  title: capped(READER_LIMITS.titleChars),
  ogSiteName: capped(READER_LIMITS.titleChars).nullable(),
  jsonLd: z.array(capped(READER_LIMITS.jsonLdBytes)).max(READER_LIMITS.jsonLdBlocks),
  microdata: z
    .array(
      z.object({
        type: capped(300),
        props: z.array(z.tuple([capped(201), capped(READER_LIMITS.microdataValue)])).max(READER_LIMITS.microdataProps),
      }),
    )
    .max(READER_LIMITS.microdataItems),
  telLinks: z.array(capped(READER_LIMITS.telChars)).max(READER_LIMITS.telLinks),
  snippets: z.array(capped(READER_LIMITS.snippetChars)).max(READER_LIMITS.snippets),
  truncated: z.object({ time: z.boolean(), jsonLd: z.boolean(), microdata: z.boolean(), text: z.boolean() }),
  elapsedMs: z.number().finite().nonnegative(),
}) satisfies z.ZodType<ReaderOutput>;

// ---------------------------------------------------------------------------------------------------
// Plain text.

export const MAX = { name: 200, street: 200, city: 100, state: 50, zip: 10, phone: 30, url: 2000, hours: 100, hoursCount: 14, priceRange: 100, sentence: 300 } as const;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/**
 * Any value → one line of plain text, at most `max` characters, or null when nothing is left.
 * Markup is removed (script/style with their content), entities decoded, control characters dropped.
 */
export function plainText(v: unknown, max: number): string | null {
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string') return null;
  let s = v.length > 20_000 ? v.slice(0, 20_000) : v;
  for (let pass = 0; pass < 2; pass++) {
    // Twice: "&lt;script&gt;" decodes to markup, which is then removed as well.
    s = s
      .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<\/?[a-z!?/][^>]*>?/gi, ' ');
    s = decodeEntities(s);
  }
  s = s
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?[a-z!?/][^>]*>?/gi, ' ')
    // Control and bidi-override characters, zero-width characters.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (s === '') return null;
  if (s.length > max) s = s.slice(0, max - 1).trimEnd() + '…';
  return s;
}

/** An http(s) URL without user info, resolved against the page; null for anything else. */
export function safeWebUrl(v: unknown, base?: string): string | null {
  if (typeof v !== 'string') return null;
  const raw = v.trim();
  if (raw === '' || raw.length > MAX.url) return null;
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (u.username !== '' || u.password !== '') return null;
  if (!u.hostname.includes('.') && u.hostname !== 'localhost') return null;
  return u.href.length <= MAX.url ? u.href : null;
}

/** A phone number as written, if it looks like one (7–15 digits, only phone punctuation); else null. */
export function phoneText(v: unknown): string | null {
  const s = plainText(v, 60);
  if (s === null) return null;
  const t = s.replace(/^tel:/i, '').trim();
  if (!/^\+?[\d\s().\-/]+(\s*(x|ext\.?)\s*\d{1,6})?$/i.test(t)) return null;
  const digits = t.replace(/(x|ext\.?)\s*\d+$/i, '').replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return null;
  return t.length <= MAX.phone ? t : null;
}

/** The phone number of a tel: href ("tel:+1-303-555-0100"), or null. */
export function phoneFromTelHref(href: string): string | null {
  if (!/^tel:/i.test(href.trim())) return null;
  let s = href.trim().slice(4);
  try {
    s = decodeURIComponent(s);
  } catch {
    return null;
  }
  // Dialling parameters (";ext=12", "?…") are not part of the number as shown.
  s = s.split(/[;?#,]/)[0] ?? '';
  return phoneText(s);
}

const STATE_NAMES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ',
  'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
};

/** "CO", "co", "Colorado" → "CO" when it is one of the states the form offers; otherwise null. */
export function usStateOf(text: string | null | undefined): UsState | null {
  if (!text) return null;
  const t = text.trim().replace(/\.$/, '');
  const code = t.length === 2 ? t.toUpperCase() : STATE_NAMES[t.toLowerCase()];
  const parsed = UsState.safeParse(code);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------------
// Structured data.

/** schema.org types read as a clinic: LocalBusiness, MedicalBusiness and the relevant subtypes. */
const CLINIC_TYPES = new Set([
  'LocalBusiness', 'MedicalBusiness', 'MedicalClinic', 'MedicalOrganization', 'Physician', 'IndividualPhysician', 'PhysiciansOffice',
  'Psychiatric', 'PrimaryCare', 'Hospital', 'Anesthesia', 'CommunityHealth', 'Emergency', 'Nursing', 'MedicalSpecialty',
  'HealthAndBeautyBusiness', 'DaySpa', 'HealthClub', 'ProfessionalService', 'Pharmacy', 'Physiotherapy', 'Optician', 'Dentist',
  'MentalHealth', 'PsychologicalTreatment',
]);

/** "https://schema.org/MedicalClinic", "schema:MedicalClinic", "MedicalClinic" → "MedicalClinic". */
function typeName(t: string): string {
  return t.trim().replace(/^.*[/#:]/, '');
}

function clinicType(types: unknown): string | null {
  const list = Array.isArray(types) ? types : [types];
  for (const t of list.slice(0, 20)) {
    if (typeof t !== 'string') continue;
    const name = typeName(t);
    if (CLINIC_TYPES.has(name)) return name;
  }
  return null;
}

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first usable value of a JSON-LD property (values may be arrays, or {"@value": …}). */
function first(v: Json): Json {
  if (Array.isArray(v)) return v.length > 0 ? first(v[0]) : undefined;
  if (isObject(v) && '@value' in v) return v['@value'];
  return v;
}

/** Every node of a parsed JSON-LD document that could describe a clinic: top level, arrays, @graph. */
function jsonLdNodes(doc: Json): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (v: Json, depth: number) => {
    if (depth > 4 || out.length >= 50) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 100)) visit(x, depth + 1);
      return;
    }
    if (!isObject(v)) return;
    if (clinicType(v['@type'])) out.push(v);
    if ('@graph' in v) visit(v['@graph'], depth + 1);
    // A WebPage/WebSite whose subject is the clinic.
    for (const key of ['mainEntity', 'about', 'publisher', 'provider']) if (key in v) visit(v[key], depth + 1);
  };
  visit(doc, 0);
  return out;
}

function emptyClinic(type: string | null): ExtractedClinic {
  return { name: null, street: null, city: null, state: null, zip: null, telephone: null, url: null, openingHours: null, priceRange: null, type };
}

const field = <T>(value: T | null, source: ReadSource): ReadField<T> | null => (value === null ? null : { value, source });

function hoursList(values: Json[]): string[] | null {
  const out: string[] = [];
  for (const v of values.slice(0, 50)) {
    const t = plainText(v, MAX.hours);
    if (t && !out.includes(t)) out.push(t);
    if (out.length >= MAX.hoursCount) break;
  }
  return out.length > 0 ? out : null;
}

function hoursFromSpecification(spec: Json): string[] | null {
  const specs = (Array.isArray(spec) ? spec : [spec]).slice(0, 30);
  const lines: Json[] = [];
  for (const s of specs) {
    if (!isObject(s)) continue;
    const days = (Array.isArray(s.dayOfWeek) ? s.dayOfWeek : [s.dayOfWeek])
      .map((d) => (typeof d === 'string' ? typeName(d) : null))
      .filter((d): d is string => d !== null && d !== '');
    const opens = plainText(first(s.opens), 20);
    const closes = plainText(first(s.closes), 20);
    if (days.length === 0 || !opens || !closes) continue;
    lines.push(`${days.slice(0, 7).join(', ')} ${opens.slice(0, 5)}–${closes.slice(0, 5)}`);
  }
  return hoursList(lines);
}

function fromJsonLdNode(node: Record<string, Json>, pageUrl: string): ExtractedClinic {
  const c = emptyClinic(clinicType(node['@type']));
  const src: ReadSource = 'json-ld';
  c.name = field(plainText(first(node.name) ?? first(node.legalName), MAX.name), src);
  const address = first(node.address);
  if (isObject(address)) {
    c.street = field(plainText(first(address.streetAddress), MAX.street), src);
    c.city = field(plainText(first(address.addressLocality), MAX.city), src);
    c.state = field(plainText(first(address.addressRegion), MAX.state), src);
    c.zip = field(zipText(first(address.postalCode)), src);
  } else {
    // An address written as one string: kept whole, not split up by guessing.
    c.street = field(typeof address === 'string' ? plainText(address, MAX.street) : null, src);
  }
  c.telephone = field(phoneText(first(node.telephone)), src);
  c.url = field(safeWebUrl(first(node.url), pageUrl), src);
  const hours = node.openingHours;
  c.openingHours = field(
    hours !== undefined ? hoursList(Array.isArray(hours) ? hours : [hours]) : hoursFromSpecification(node.openingHoursSpecification),
    src,
  );
  c.priceRange = field(plainText(first(node.priceRange), MAX.priceRange), src);
  return c;
}

function zipText(v: Json): string | null {
  const t = plainText(v, 20);
  return t && /^\d{5}(-\d{4})?$/.test(t) ? t : null;
}

function fromMicrodata(item: { type: string; props: Array<[string, string]> }, pageUrl: string): ExtractedClinic | null {
  const type = clinicType(item.type.split(/\s+/));
  if (!type) return null;
  const c = emptyClinic(type);
  const src: ReadSource = 'microdata';
  const get = (...names: string[]): string | undefined => {
    for (const n of names) {
      const hit = item.props.find(([k]) => k.split(/\s+/).includes(n) || k === n);
      if (hit) return hit[1];
    }
    return undefined;
  };
  c.name = field(plainText(get('name', 'legalName'), MAX.name), src);
  c.street = field(plainText(get('address.streetAddress', 'address'), MAX.street), src);
  c.city = field(plainText(get('address.addressLocality'), MAX.city), src);
  c.state = field(plainText(get('address.addressRegion'), MAX.state), src);
  c.zip = field(zipText(get('address.postalCode')), src);
  const tel = get('telephone');
  c.telephone = field(tel !== undefined && /^tel:/i.test(tel.trim()) ? phoneFromTelHref(tel) : phoneText(tel), src);
  c.url = field(safeWebUrl(get('url'), pageUrl), src);
  c.openingHours = field(hoursList(item.props.filter(([k]) => k === 'openingHours').map(([, v]) => v)), src);
  c.priceRange = field(plainText(get('priceRange'), MAX.priceRange), src);
  return c;
}

const FIELDS = ['name', 'street', 'city', 'state', 'zip', 'telephone', 'url', 'openingHours', 'priceRange'] as const;

const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** Two entities are the same clinic when both name it and the names agree. */
function sameEntity(a: ExtractedClinic, b: ExtractedClinic): boolean {
  return a.name !== null && b.name !== null && norm(a.name.value) === norm(b.name.value);
}

function isEmpty(c: ExtractedClinic): boolean {
  return FIELDS.every((f) => c[f] === null);
}

// ---------------------------------------------------------------------------------------------------
// Prices.

/** Words that make a $ amount a price of interest (the list, plus the names clinics give first visits). */
const KEYWORDS = /\b(infusions?|sessions?|consultations?|consults?|packages?|spravato|treatments?|intakes?|evaluations?|assessments?|injections?|boosters?)\b/gi;
const AMOUNT = /(\$\s?(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?(?!\d|,\d))(?:\s*(?:-|–|—|to)\s*\$?\s?(\d{1,3}(?:,\d{3})+|\d{1,9})(?:\.(\d{1,2}))?(?!\d|,\d))?/g;
export const PRICE_LIMITS = { min: 0.01, max: 100_000, mentions: 30 } as const;

const dollars = (whole: string, cents: string | undefined) => Number(whole.replace(/,/g, '')) + (cents ? Number(cents.padEnd(2, '0')) / 100 : 0);
const sane = (n: number) => Number.isFinite(n) && n >= PRICE_LIMITS.min && n <= PRICE_LIMITS.max;

/** Splits a snippet into sentences (". " / "! " / "? " before an upper-case letter, digit or $). */
function sentences(snippet: string): string[] {
  return snippet.split(/(?<=[.!?])\s+(?=[A-Z0-9$"“(])|\s+[•·]\s+/).map((s) => s.trim()).filter(Boolean);
}

export function priceMentions(snippets: string[]): PriceMention[] {
  const out: PriceMention[] = [];
  const seen = new Set<string>();
  for (const snippet of snippets) {
    const clean = plainText(snippet, READER_LIMITS.snippetChars);
    if (!clean) continue;
    for (const raw of sentences(clean)) {
      const keywords = [...new Set([...raw.matchAll(KEYWORDS)].map((m) => m[1]!.toLowerCase().replace(/s$/, '')))];
      if (keywords.length === 0) continue;
      const sentence = plainText(raw, MAX.sentence)!;
      for (const m of raw.matchAll(AMOUNT)) {
        const amount = dollars(m[2]!, m[3]);
        if (!sane(amount)) continue;
        let high = m[4] !== undefined ? dollars(m[4], m[5]) : null;
        // "$450 - 2 hours" is not a range: keep the amount alone.
        const isRange = high !== null && sane(high) && high > amount;
        if (!isRange) high = null;
        const text = (isRange ? m[0] : m[1]!).trim();
        const key = `${text}\u0000${sentence}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ amount, high, text, keywords, sentence, source: 'text' });
        if (out.length >= PRICE_LIMITS.mentions) return out;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------

/** Validates and reads the reader's output. `readAt` is when the page was read (ms since epoch). */
export function parseReaderOutput(input: unknown, readAt: number): ParseResult {
  const parsed = ReaderOutputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const r = parsed.data;
  const pageUrl = safeWebUrl(r.href);
  if (!pageUrl) return { ok: false, reason: 'not-web-page' };
  const page = new URL(pageUrl);

  // In order of trust: JSON-LD, then microdata.
  const candidates: ExtractedClinic[] = [];
  for (const raw of r.jsonLd) {
    let doc: Json;
    try {
      doc = JSON.parse(raw);
    } catch {
      continue; // malformed: skipped, the rest of the page still counts
    }
    for (const node of jsonLdNodes(doc)) {
      const c = fromJsonLdNode(node, pageUrl);
      if (!isEmpty(c)) candidates.push(c);
      if (candidates.length >= 50) break;
    }
  }
  for (const item of r.microdata) {
    const c = fromMicrodata(item, pageUrl);
    if (c && !isEmpty(c)) candidates.push(c);
  }

  // The clinic to prefill: the first entity whose url is on this site, else the first named one;
  // completed from other entities that name the same clinic (in order of trust).
  const onThisSite = candidates.find((c) => c.url && sameSite(c.url.value, page.hostname));
  const chosen = onThisSite ?? candidates.find((c) => c.name !== null) ?? candidates[0];
  const clinic: ExtractedClinic = chosen ? { ...chosen } : emptyClinic(null);
  if (chosen) {
    for (const other of candidates) {
      if (other === chosen || !sameEntity(chosen, other)) continue;
      for (const f of FIELDS) if (clinic[f] === null && other[f] !== null) (clinic as unknown as Record<string, unknown>)[f] = other[f];
    }
  }

  // Page-level facts fill only what structured data left empty.
  if (clinic.name === null) clinic.name = field(plainText(r.ogSiteName, MAX.name), 'og') ?? field(plainText(r.title, MAX.name), 'title');
  const pagePhones = [...new Set(r.telLinks.map(phoneFromTelHref).filter((p): p is string => p !== null))];
  // One number on the page is the clinic's; several could belong to any of its locations.
  if (clinic.telephone === null && pagePhones.length === 1 && candidates.length <= 1) clinic.telephone = field(pagePhones[0]!, 'tel-link');

  return {
    ok: true,
    extraction: {
      page: { url: pageUrl, host: page.hostname, origin: page.origin },
      readAt,
      clinic,
      candidates: candidates.length > 1 ? candidates : [],
      pagePhones,
      prices: priceMentions(r.snippets),
      partial: r.truncated.time || r.truncated.jsonLd || r.truncated.microdata || r.truncated.text,
    },
  };
}

function sameSite(url: string, host: string): boolean {
  try {
    const h = new URL(url).hostname.replace(/^www\./, '');
    return h === host.replace(/^www\./, '');
  } catch {
    return false;
  }
}
