// The facts both the CSV and the Markdown export show for an item, as plain (unescaped) text.
import type { Price, Provider, Source } from '../dataset/schema';
import type { General } from '../dataset/general-schema';
import type { Sourced } from '../dataset/provenance';
import type { ShortlistItem } from '../shortlist/schema';
import { DELIVERY_LABEL, INSURANCE_LABEL, MODALITY_LABEL, TRI_LABEL } from '../format/labels';
import { cleanWebsite, datasetWebsite } from '../format/links';
import { placeText } from '../browse/place';

export const DISCLAIMER = 'Clinic Scout informs; it does not give medical advice. Costs are estimates — confirm with the clinic.';
export const ESTIMATE_NOTE = 'estimate — confirm with the clinic';

/** `text (estimate — confirm with the clinic)`, unless the text already says so (the cost line ends with it). */
export function withEstimateNote(text: string): string {
  return /estimate\s*[—–-]\s*confirm with the clinic/i.test(text) ? text : `${text} (${ESTIMATE_NOTE})`;
}

export { ITEM_STATUS_LABEL } from '../format/labels';

export interface ClinicFacts extends Sourced {
  /** Where the facts come from: the dataset, the user's own entry, or only the saved name (left the dataset). */
  origin: 'dataset' | 'custom' | 'missing';
  operating: boolean;
  /** "Operating", "Closed since 2023-03-10", "Your own entry", … */
  status: string;
  /** What happened, from the dataset, when not operating. */
  statusDetail: string | null;
  treatments: string | null;
  delivery: string | null;
  locations: string[];
  consultation: string[];
  perSession: string[];
  otherPrices: string[];
  pricesNote: string | null;
  insurance: string | null;
  financing: string | null;
}

export interface ItemFacts {
  /** Shared by every item of the same provider in one export (and by all items missing from the dataset), so callers can cache by identity. */
  clinic: ClinicFacts;
  name: string;
  website: string | null;
}

/** Builds facts per item, computing each provider's facts once per export. */
export function factsBuilder(provider: (id: string) => Provider | undefined): (item: ShortlistItem) => ItemFacts {
  const cache = new Map<string, { clinic: ClinicFacts; name: string; site: string | null } | null>();
  return (item) => {
    if (item.custom) {
      const c = item.custom;
      const place = [c.city, c.state].filter(Boolean).join(', ');
      return {
        clinic: { ...MISSING, origin: 'custom', status: 'Your own entry', locations: place ? [place] : [] },
        name: c.name,
        website: cleanWebsite(c.website ?? item.snapshot?.website),
      };
    }
    const id = item.providerId;
    let known = id === null ? null : cache.get(id);
    if (id !== null && known === undefined) {
      const p = provider(id);
      known = p ? { clinic: clinicFacts(p), name: p.name, site: datasetWebsite(p) } : null;
      cache.set(id, known);
    }
    if (!known) return { clinic: MISSING, name: item.snapshot.name, website: cleanWebsite(item.snapshot.website) };
    // A provider in the dataset: its address comes from the dataset only, never from the saved snapshot
    // (an imported file can put any address there).
    return { clinic: known.clinic, name: known.name, website: known.site };
  };
}

const MISSING: ClinicFacts = {
  origin: 'missing',
  operating: true,
  status: 'Not in Clinic Scout’s current data',
  statusDetail: null,
  treatments: null,
  delivery: null,
  locations: [],
  consultation: [],
  perSession: [],
  otherPrices: [],
  pricesNote: null,
  insurance: null,
  financing: null,
  sources: [],
};

export function clinicFacts(p: Provider): ClinicFacts {
  const { state, since } = p.status;
  const status =
    state === 'operating' ? 'Operating'
    : state === 'closed' ? (since ? `Closed since ${since}` : 'Closed')
    : state === 'acquired' ? (since ? `Acquired in ${since}` : 'Acquired')
    : state === 'not-accepting' ? 'Not accepting new patients'
    : state === 'not-yet-open' ? 'Not yet open'
    : 'Status unknown — check the clinic is still operating';
  const locations = p.locations.map((l) => {
    const place = placeText(l);
    return l.confirmed ? place : `${place} (location not confirmed)`;
  });
  const served = p.statesServed?.value;
  if (served && served.length) locations.push(`Telehealth in ${served.join(', ')}`);
  const ins = p.insurance;
  const insurance = [
    `${INSURANCE_LABEL[ins.accepted]}${ins.networks.length ? ` (${ins.networks.join(', ')})` : ''}`,
    `superbill: ${TRI_LABEL[ins.superbill].toLowerCase()}`,
    `Medicare: ${TRI_LABEL[ins.medicare].toLowerCase()}`,
    `Medicaid: ${TRI_LABEL[ins.medicaid].toLowerCase()}`,
  ].join('; ');
  const fin = p.financing;
  const financing = [
    `HSA/FSA: ${TRI_LABEL[fin.hsaFsa].toLowerCase()}`,
    `CareCredit: ${TRI_LABEL[fin.careCredit].toLowerCase()}`,
    `payment plans: ${TRI_LABEL[fin.paymentPlans].toLowerCase()}`,
  ].join('; ');
  return {
    origin: 'dataset',
    operating: state === 'operating',
    status,
    statusDetail: state === 'operating' ? null : p.status.detail,
    treatments: p.modalities.value.map((m) => MODALITY_LABEL[m]).join(', ') || null,
    delivery: DELIVERY_LABEL[p.delivery.value],
    locations,
    consultation: pricesOf(p.prices, ['consultation']),
    perSession: pricesOf(p.prices, ['session']),
    otherPrices: pricesOf(p.prices, ['package', 'monthly', 'other']),
    pricesNote: p.pricesNote ?? null,
    insurance,
    financing,
    sources: uniqueSources([...p.sources, ...p.status.sources, ...p.prices.flatMap((x) => x.sources)]),
  };
}

function pricesOf(prices: readonly Price[], kinds: readonly Price['kind'][]): string[] {
  return prices.filter((p) => kinds.includes(p.kind)).map(priceLine);
}

/** "IV infusion, 1 hour: $400–$500 (as of 2025-01, third-party figure)". */
export function priceLine(p: Price): string {
  const notes = [p.sessions ? `${p.sessions} sessions` : null, p.asOf ? `as of ${p.asOf}` : null, p.publishedBy === 'third-party' ? 'third-party figure' : null]
    .filter(Boolean)
    .join(', ');
  return `${p.label}: ${moneyRange(p.low, p.high)}${notes ? ` (${notes})` : ''}`;
}

export function moneyRange(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? money(low) : `${money(low)}–${money(high)}`;
  if (low !== null) return `from ${money(low)}`;
  if (high !== null) return `up to ${money(high)}`;
  return 'price not published';
}

/** "$1,234" or "$1,234.50"; by hand so output is the same in every browser. */
export function money(n: number): string {
  const cents = Math.round(Math.abs(n) * 100);
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const digits = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}$${digits}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** "consultation $200; per session $450" or null when nothing was quoted. */
export function quoteText(item: ShortlistItem): string | null {
  const q = item.quote;
  if (!q) return null;
  const parts = [
    q.consultation !== null ? `consultation ${money(q.consultation)}` : null,
    q.perSession !== null ? `per session ${money(q.perSession)}` : null,
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : null;
}

export interface AnswerLine {
  questionId: string;
  /** The question text, or the id when the checklist no longer has the question. */
  question: string;
  known: boolean;
  done: boolean;
  text: string;
}

/** The item's answers that say something, in checklist order, then answers to questions no longer listed. */
export function answerLines(item: ShortlistItem, general: Pick<General, 'questions'> | null): AnswerLine[] {
  const out: AnswerLine[] = [];
  const listed = new Set<string>();
  const has = (id: string) => Object.prototype.hasOwnProperty.call(item.answers, id);
  for (const q of general?.questions ?? []) {
    listed.add(q.id);
    const a = has(q.id) ? item.answers[q.id] : undefined;
    if (a && (a.done || a.text)) out.push({ questionId: q.id, question: q.text, known: true, done: a.done, text: a.text });
  }
  for (const [id, a] of Object.entries(item.answers)) {
    if (!listed.has(id) && (a.done || a.text)) out.push({ questionId: id, question: id, known: false, done: a.done, text: a.text });
  }
  return out;
}

export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => !seen.has(s.url) && (seen.add(s.url), true));
}
