/**
 * "What will this cost me?" — a first-year cost plan for one provider, as low–high ranges with the basis
 * of every figure (the clinic's published price, a typical market range, the user's quote, or unknown),
 * the sources used, and plain-words explanations. Pure: no DOM, no storage, no network.
 *
 * Nothing here invents a number: every figure is a price from the provider record, a typical range from
 * general.json, the user's quote, or arithmetic on those with the user's (or the default) session counts.
 */
import type { General, Series, Statement, TypicalPrice } from '../dataset/general-schema';
import type { Modality, Price, Provider, Source, Tri } from '../dataset/schema';
import type { PlanOptions, Quote } from '../shortlist/schema';
import { ESTIMATE_CAPTION, formatDollars, formatRange } from '../format/money';
import { add, hull, multiply, point, range, roundDollars, scale, ZERO, type Range } from './range';

// ---------------------------------------------------------------------------------------------------
// Defaults

/**
 * Initial series when neither the user nor the provider's protocol gives one: the common six-session series,
 * kept within general.json's sourced typical series (sessionsLow–sessionsHigh).
 */
export const DEFAULT_INITIAL_SESSIONS = 6;
/**
 * Maintenance ("booster") sessions are off unless the user turns them on (options.maintenancePerMonth > 0);
 * turning them on starts from these: one session a month for the rest of the first year (11 months).
 */
export const DEFAULT_MAINTENANCE_PER_MONTH = 1;
/** Months of maintenance counted in the first year when maintenance is on: the initial series takes roughly the first month. */
export const DEFAULT_MAINTENANCE_MONTHS = 11;
/** Months of the first year the plan assumes the initial series takes (used for labels only). */
export const INITIAL_SERIES_MONTHS = 1;

/** Out-of-pocket text for Spravato through insurance: general.json holds the programme terms as text only. */
export const UNKNOWN_OUT_OF_POCKET = 'unknown — depends on your plan' as const;

// ---------------------------------------------------------------------------------------------------
// Result shapes

/** Where a figure comes from. */
export type Basis = 'published' | 'typical' | 'quote' | 'unknown';
/** Totals built from parts with different bases are 'mixed' (see `PlanLine.parts`). */
export type LineBasis = Basis | 'mixed';
export type TypicalId = TypicalPrice['id'];

export type LineId =
  | 'consultation'
  | 'perSession'
  | 'initialSeries'
  | 'firstSeries'
  | 'maintenancePerMonth'
  | 'firstYear'
  | 'perMonthAfter';

/** Display order of the lines. */
export const LINE_ORDER: readonly LineId[] = [
  'consultation',
  'perSession',
  'initialSeries',
  'firstSeries',
  'maintenancePerMonth',
  'firstYear',
  'perMonthAfter',
];

/** Lines about maintenance, shown only when the user turned maintenance on (`settings.maintenance`). */
export const MAINTENANCE_LINES: readonly LineId[] = ['maintenancePerMonth', 'firstYear', 'perMonthAfter'];

/** The lines to show, in order: the maintenance lines only when maintenance is on. */
export function visibleLines(plan: CostPlan): LineId[] {
  return LINE_ORDER.filter((id) => plan.settings.maintenance || !MAINTENANCE_LINES.includes(id));
}

/** A published price the estimate used, for "as of" labels. */
export interface PriceRef {
  kind: Price['kind'];
  label: string;
  low: number | null;
  high: number | null;
  /** Sessions in a package; null otherwise. */
  sessions: number | null;
  modality: Modality | null;
  asOf: string | null;
  publishedBy: 'provider' | 'third-party';
  /** For a package: its price divided by its sessions (whole dollars); null otherwise. */
  perSession: Range | null;
}

export interface PlanLine {
  id: LineId;
  /**
   * e.g. "Initial series (6 sessions)", "First year"; when a general typical range went into the figure it
   * says so: "Per session — typical for IV clinics, not this provider's price".
   */
  label: string;
  /** The label without that note, e.g. "First year" (for headlines). */
  name: string;
  /** Cash cost in whole dollars; null = unknown (shown as "Unknown", never as $0). */
  range: Range | null;
  /** Effective cost paying with HSA/FSA money at the chosen tax rate; null when no rate is set or range is null. */
  hsa: Range | null;
  basis: LineBasis;
  /** For a 'mixed' or derived line: the basis of each part that went into it. */
  parts: Array<{ id: LineId; basis: LineBasis }>;
  /**
   * Which typical range from general.json was used (this line or a part of it), if any. When non-empty, the
   * label says so ("… — typical for IV clinics, not this provider's price").
   */
  typicalIds: TypicalId[];
  /** Published prices used (this line or its parts). */
  prices: PriceRef[];
  /** A price used was published by a third party, not the clinic. */
  thirdParty: boolean;
  /** A per-session figure was derived from a package price (package ÷ sessions). */
  fromPackage: boolean;
  sources: Source[];
  /** Plain sentences, in reading order. */
  explanations: string[];
}

export interface PlanSettings {
  initialSessions: number;
  initialSessionsFrom: 'options' | 'provider' | 'default';
  /** Maintenance sessions are counted (the user turned them on); when false both counts below are 0. */
  maintenance: boolean;
  maintenancePerMonth: number;
  maintenancePerMonthFrom: 'options' | 'default';
  maintenanceMonths: number;
  maintenanceMonthsFrom: 'options' | 'default';
  /** Percent; null = HSA/FSA view off. */
  hsaTaxRate: number | null;
  spravatoInsurance: boolean;
}

export interface HsaInfo {
  taxRate: number;
  /** 1 − taxRate / 100: every `hsa` range is the cash range times this. */
  factor: number;
  /** general.json's sourced HSA/FSA statement, then what the HSA/FSA figures assume at the chosen rate. */
  explanation: string;
  /** Sources of general.json's HSA/FSA statement. */
  sources: Source[];
  /** What the provider record says about HSA/FSA payment; null for a clinic the user added. */
  clinicAccepts: Tri | null;
  /** One sentence on clinicAccepts; null when nothing to say. */
  clinicNote: string | null;
}

export interface SpravatoInfo {
  /** False when the provider does not list Spravato (the option is then ignored). */
  applies: boolean;
  /**
   * The medication's cost per treatment under the savings programme, as general.json's sourced statement
   * gives it ("$10 per treatment"); null when the statement states no such figure (never invented).
   * The clinic's own fees for giving the spray and monitoring are not in it.
   */
  outOfPocket: number | null;
  /** "$10 per treatment for the medication, …", or UNKNOWN_OUT_OF_POCKET. */
  outOfPocketText: string;
  /** The statements, verbatim from general.json, for the UI to show with their sources. */
  savingsProgramme: Statement;
  coverage: Statement;
  explanation: string;
  sources: Source[];
}

/** The initial series in the words people use: "6 sessions over 2–3 weeks", with where it comes from. */
export interface SeriesInfo {
  /** Sessions the estimate counts (the user's, the provider's published series, or the default). */
  sessions: number;
  from: PlanSettings['initialSessionsFrom'];
  /** general.json's typical series, e.g. "6 sessions over 2–3 weeks" (or "4–6 sessions …"). */
  typical: string;
  /** The provider's published series note (protocol.note) when the count is the provider's; else general.json's note. */
  note: string | null;
  /** Sources of the count: the provider's protocol, or general.json's typical series. */
  sources: Source[];
}

export interface CostPlan {
  providerId: string | null;
  series: SeriesInfo;
  lines: Readonly<Record<LineId, PlanLine>>;
  settings: PlanSettings;
  hsa: HsaInfo | null;
  spravato: SpravatoInfo | null;
  /** Plan-wide sentences: assumptions, published prices not used, the provider's pricesNote. */
  notes: string[];
  /** Every source used anywhere in the plan, de-duplicated by URL. */
  sources: Source[];
  caption: typeof ESTIMATE_CAPTION;
}

// ---------------------------------------------------------------------------------------------------
// Internals

interface Estimate {
  /** Unrounded; rounding happens once, when a line is built. */
  exact: Range | null;
  basis: LineBasis;
  parts: Array<{ id: LineId; basis: LineBasis }>;
  /** True when this came from multiplying by zero (its basis then says nothing about the figure). */
  zeroCount: boolean;
  typicalIds: TypicalId[];
  prices: PriceRef[];
  thirdParty: boolean;
  fromPackage: boolean;
  sources: Source[];
  explanations: string[];
  /** The provider's Price records this figure used (to list the ones it did not). */
  used: Price[];
}

/** On a line's label when a typical range was used: a general figure, not the provider's own price. */
const TYPICAL_LABEL: Record<TypicalId, string> = {
  consultation: 'typical consultation fee',
  'iv-session': 'typical for IV clinics',
  'im-session': 'typical for injection clinics',
  'at-home-session': 'typical for at-home programmes',
  'spravato-session': 'typical Spravato list price',
  'maintenance-session': 'typical for maintenance sessions',
};

/** A line's label, saying so when its figure rests on a general typical range rather than the provider's own price. */
function labelWithTypical(name: string, est: Estimate): string {
  if (est.exact === null || est.typicalIds.length === 0) return name;
  if (est.basis !== 'typical') return `${name} — includes typical ranges, not this provider's prices`;
  if (est.typicalIds.length > 1) return `${name} — typical ranges, not this provider's prices`;
  return `${name} — ${TYPICAL_LABEL[est.typicalIds[0] as TypicalId]}, not this provider's price`;
}

const TYPICAL_WORDS: Record<TypicalId, string> = {
  consultation: 'consultation',
  'iv-session': 'IV infusion',
  'im-session': 'IM injection',
  'at-home-session': 'at-home (telehealth) session',
  'spravato-session': 'Spravato (esketamine) session',
  'maintenance-session': 'maintenance session',
};

function empty(basis: LineBasis, explanations: string[] = []): Estimate {
  return {
    exact: null,
    basis,
    parts: [],
    zeroCount: false,
    typicalIds: [],
    prices: [],
    thirdParty: false,
    fromPackage: false,
    sources: [],
    explanations,
    used: [],
  };
}

const span = (low: number, high: number) => (low === high ? `${low}` : `${low}–${high}`);

/**
 * The typical initial series that fits the provider: Spravato's label schedule for a Spravato-only centre
 * (twice a week for four weeks), else the usual ketamine series.
 */
function typicalSeries(general: General, provider: Provider | null): Series {
  return provider && isSpravatoOnly(provider) ? general.spravato.initialSeries : general.initialSeries;
}

/** A typical initial series in words: "6 sessions over 2–3 weeks" (general.json's, unless given one). */
export function typicalSeriesWords(general: General, series: Series = general.initialSeries): string {
  return `${span(series.sessionsLow, series.sessionsHigh)} sessions over ${span(series.weeksLow, series.weeksHigh)} weeks`;
}

/**
 * The medication cost per treatment under Spravato's savings programme, read from general.json's sourced
 * statement ("… lowers the Spravato medication to $10 per treatment …"); null when it states none.
 */
export function spravatoSavingsPerTreatment(general: General): number | null {
  const m = /\$(\d{1,4}(?:\.\d{2})?) per treatment/.exec(general.spravato.savingsProgramme.text);
  return m ? Number(m[1]) : null;
}

function dedupeSources(lists: ReadonlyArray<readonly Source[]>): Source[] {
  const seen = new Set<string>();
  const out: Source[] = [];
  for (const list of lists) {
    for (const s of list) {
      if (seen.has(s.url)) continue;
      seen.add(s.url);
      out.push(s);
    }
  }
  return out;
}

function dedupePrices(lists: ReadonlyArray<readonly PriceRef[]>): PriceRef[] {
  const out: PriceRef[] = [];
  for (const list of lists) for (const p of list) if (!out.includes(p)) out.push(p);
  return out;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const asOfWords = (asOf: string | null) => (asOf ? `as of ${asOf}` : 'undated');

/** A published price as a range, or null when it states no figure. A one-sided price becomes a single figure. */
function priceRange(p: Price): Range | null {
  if (p.low === null && p.high === null) return null;
  return range(p.low ?? (p.high as number), p.high ?? (p.low as number));
}

function oneSidedNote(p: Price): string | null {
  if (p.low !== null && p.high === null) return `"${p.label}" is published as a starting price (from ${formatDollars(p.low)}); the upper end is not published.`;
  if (p.low === null && p.high !== null) return `"${p.label}" is published as a maximum (up to ${formatDollars(p.high)}); the lower end is not published.`;
  return null;
}

function priceRef(p: Price, perSession: Range | null): PriceRef {
  return {
    kind: p.kind,
    label: p.label,
    low: p.low,
    high: p.high,
    sessions: p.sessions ?? null,
    modality: p.modality ?? null,
    asOf: p.asOf,
    publishedBy: p.publishedBy,
    perSession: perSession ? roundDollars(perSession) : null,
  };
}

/** A session-type figure: a session price, or a package price with a session count. */
function isSessionLike(p: Price): boolean {
  if (priceRange(p) === null) return false;
  return p.kind === 'session' || (p.kind === 'package' && typeof p.sessions === 'number' && p.sessions > 0);
}

const isSpravatoOnly = (provider: Provider) =>
  provider.modalities.value.length > 0 && provider.modalities.value.every((m) => m === 'esketamine-nasal');

/** Session prices that fit the plan: Spravato prices are left out for a clinic that also offers ketamine. */
function fitsPlan(provider: Provider, p: Price): boolean {
  return p.modality !== 'esketamine-nasal' || isSpravatoOnly(provider);
}

/**
 * Published prices of one kind, preferring the clinic's own over third-party figures. Returns the hull of
 * the figures with one explanation per price, or null when none is usable.
 */
function published(provider: Provider, id: 'consultation' | 'perSession'): Estimate | null {
  const usable = provider.prices.filter((p) =>
    id === 'consultation' ? p.kind === 'consultation' && priceRange(p) !== null : isSessionLike(p) && fitsPlan(provider, p),
  );
  const own = usable.filter((p) => p.publishedBy === 'provider');
  const chosen = own.length > 0 ? own : usable;
  if (chosen.length === 0) return null;

  const ranges: Range[] = [];
  const prices: PriceRef[] = [];
  const explanations: string[] = [];
  let fromPackage = false;
  for (const p of chosen) {
    const whole = priceRange(p) as Range;
    const by = p.publishedBy === 'provider' ? 'Published by the clinic' : 'Published by a third party, not the clinic';
    if (p.kind === 'package') {
      const n = p.sessions as number;
      const per = scale(whole, 1 / n);
      ranges.push(per);
      prices.push(priceRef(p, per));
      fromPackage = true;
      explanations.push(
        `${by}: package "${p.label}", ${formatRange(whole)} for ${plural(n, 'session')} (${asOfWords(p.asOf)}) — about ${formatRange(per)} per session.`,
      );
    } else {
      ranges.push(whole);
      prices.push(priceRef(p, null));
      explanations.push(
        `${by}: "${p.label}", ${formatRange(whole)}${id === 'perSession' ? ' per session' : ''} (${asOfWords(p.asOf)}).`,
      );
    }
    const side = oneSidedNote(p);
    if (side) explanations.push(side);
  }
  const thirdParty = chosen.some((p) => p.publishedBy === 'third-party');
  if (thirdParty) explanations.push('Third-party figures can be out of date or incomplete; confirm them with the clinic.');
  if (chosen.length > 1) explanations.push(`The range spans the ${chosen.length} published prices.`);
  if (fromPackage && id === 'perSession') {
    explanations.push('Package figures are the package price divided by its sessions; single sessions may cost more.');
  }
  const [first, ...rest] = ranges as [Range, ...Range[]];
  return {
    ...empty('published', explanations),
    exact: hull(first, ...rest),
    prices,
    thirdParty,
    fromPackage,
    sources: dedupeSources(chosen.map((p) => p.sources)),
    used: chosen,
  };
}

function typical(general: General, id: TypicalId, lead: string): Estimate | null {
  const t = general.typicalPrices.find((x) => x.id === id);
  if (!t) return null;
  const r = range(t.low, t.high);
  return {
    ...empty('typical', [
      `${lead} the estimate uses typical ${TYPICAL_WORDS[id]} prices of ${formatRange(r)} — a general range, not this provider's price. The range: ${t.label}.`,
    ]),
    exact: r,
    typicalIds: [id],
    sources: [...t.sources],
  };
}

function quoted(amount: number, what: string, replaced: Estimate | null): Estimate {
  const explanations = [`Uses the price the clinic quoted you: ${formatDollars(amount)}${what}.`];
  if (replaced?.exact) {
    const kind = replaced.basis === 'typical' ? 'typical' : 'published';
    explanations.push(`Your quote replaces the ${kind} range of ${formatRange(replaced.exact)}.`);
  }
  // The replaced prices count as used: the explanation above accounts for them.
  return { ...empty('quote', explanations), exact: point(amount), used: replaced?.used ?? [] };
}

/** Which typical session range fits the provider, with the reason in words. */
function chooseTypical(provider: Provider): { id: TypicalId; reason: string } | null {
  const m = provider.modalities.value;
  if (isSpravatoOnly(provider)) return { id: 'spravato-session', reason: 'this provider offers only Spravato (esketamine nasal spray)' };
  const iv = m.includes('iv-infusion');
  const im = m.includes('im-injection') || m.includes('subcutaneous');
  const oral = m.includes('oral-sublingual');
  const atHome =
    provider.delivery.value === 'at-home' ||
    (provider.kind === 'telehealth-programme' && !iv && !im) ||
    (oral && !iv && !im && provider.delivery.value !== 'in-clinic');
  if (atHome) return { id: 'at-home-session', reason: 'this is an at-home (telehealth) programme' };
  if (iv) return { id: 'iv-session', reason: 'this clinic lists IV infusions' };
  if (im) return { id: 'im-session', reason: 'this clinic lists ketamine injections' };
  return null;
}

function typicalSession(provider: Provider, general: General): Estimate {
  const choice = chooseTypical(provider);
  if (!choice) {
    return empty('unknown', [
      'This clinic publishes no session price, and its listed treatments do not match a typical price range; ask the clinic or enter its quote.',
    ]);
  }
  const est = typical(general, choice.id, `This clinic publishes no session price; because ${choice.reason},`);
  return (
    est ??
    empty('unknown', [`This clinic publishes no session price, and no typical ${TYPICAL_WORDS[choice.id]} range is available; ask the clinic or enter its quote.`])
  );
}

function combineBasis(parts: readonly Estimate[]): LineBasis {
  if (parts.some((p) => p.exact === null)) return 'unknown';
  const meaningful = parts.filter((p) => !p.zeroCount);
  const bases = new Set((meaningful.length > 0 ? meaningful : parts).map((p) => p.basis));
  return bases.size === 1 ? ([...bases][0] as LineBasis) : 'mixed';
}

function scaled(est: Estimate, count: number, explanations: string[]): Estimate {
  // Zero sessions cost $0 at any known price; an unknown price stays unknown (basis 'unknown' ⇔ no figure).
  if (count === 0) return { ...est, exact: est.exact ? ZERO : null, zeroCount: true, explanations };
  return { ...est, exact: est.exact ? scale(est.exact, count) : null, explanations };
}

function summed(parts: ReadonlyArray<{ id: LineId; est: Estimate }>, explanations: string[]): Estimate {
  const ests = parts.map((p) => p.est);
  const known = ests.every((e) => e.exact !== null);
  return {
    exact: known ? add(...ests.map((e) => e.exact as Range)) : null,
    basis: combineBasis(ests),
    parts: parts.map((p) => ({ id: p.id, basis: p.est.basis })),
    zeroCount: ests.every((e) => e.zeroCount),
    typicalIds: [...new Set(ests.flatMap((e) => e.typicalIds))],
    prices: dedupePrices(ests.map((e) => e.prices)),
    thirdParty: ests.some((e) => e.thirdParty),
    fromPackage: ests.some((e) => e.fromPackage),
    sources: dedupeSources(ests.map((e) => e.sources)),
    explanations,
    used: [...new Set(ests.flatMap((e) => e.used))],
  };
}

function toLine(id: LineId, label: string, est: Estimate, hsaFactor: number | null): PlanLine {
  const rounded = est.exact ? roundDollars(est.exact) : null;
  return {
    id,
    label: labelWithTypical(label, est),
    name: label,
    range: rounded,
    hsa: est.exact && hsaFactor !== null ? roundDollars(multiply(est.exact, hsaFactor)) : null,
    basis: est.basis,
    parts: est.parts,
    typicalIds: est.typicalIds,
    prices: est.prices,
    thirdParty: est.thirdParty,
    fromPackage: est.fromPackage,
    sources: est.sources,
    explanations: est.explanations,
  };
}

function unusedPriceNotes(provider: Provider, used: ReadonlySet<Price>): string[] {
  const notes: string[] = [];
  for (const p of provider.prices) {
    if (used.has(p)) continue;
    const r = priceRange(p);
    const figure = r ? formatRange(r) : 'no figure stated';
    const why =
      r === null
        ? 'no figure is published'
        : p.kind === 'monthly'
          ? 'it is a monthly price; ask what it includes and whether it replaces per-session charges'
          : p.kind === 'package' && !p.sessions
            ? 'the number of sessions it covers is not published'
            : p.modality === 'esketamine-nasal' && !isSpravatoOnly(provider)
              ? 'it is a Spravato price, and the plan estimates ketamine sessions'
              : (p.kind === 'session' || p.kind === 'package' || p.kind === 'consultation') && p.publishedBy === 'third-party'
                ? "the clinic's own published price is used instead"
                : 'it does not fit a line of the plan';
    notes.push(`Also published, not included in the estimate: "${p.label}" (${figure}, ${asOfWords(p.asOf)}) — ${why}.`);
  }
  return notes;
}

// ---------------------------------------------------------------------------------------------------
// Public API

/**
 * The cost plan for one provider (null: a clinic the user added by hand, estimated from the quote only,
 * plus the typical consultation range). `options` null or null fields mean "use the default".
 */
export function estimatePlan(
  provider: Provider | null,
  general: General,
  options: PlanOptions | null,
  quote?: Quote | null,
): CostPlan {
  // --- settings
  const fromOptions = (v: number | null | undefined, lo: number): v is number => typeof v === 'number' && Number.isFinite(v) && v >= lo;
  const protocolSessions = provider?.protocol?.initialSessions ?? null;
  const usualSeries = typicalSeries(general, provider);
  const initialSessionsFrom: PlanSettings['initialSessionsFrom'] = fromOptions(options?.initialSessions, 0)
    ? 'options'
    : protocolSessions !== null
      ? 'provider'
      : 'default';
  const initialSessions =
    initialSessionsFrom === 'options'
      ? (options?.initialSessions as number)
      : initialSessionsFrom === 'provider'
        ? (protocolSessions as number)
        : Math.min(Math.max(DEFAULT_INITIAL_SESSIONS, usualSeries.sessionsLow), usualSeries.sessionsHigh);
  // Maintenance counts only once the user turned it on (a number of sessions a month above 0).
  const maintenance = fromOptions(options?.maintenancePerMonth, 0) && (options?.maintenancePerMonth as number) > 0;
  const perMonthSet = maintenance;
  const monthsSet = maintenance && fromOptions(options?.maintenanceMonths, 0);
  const maintenancePerMonth = !maintenance ? 0 : (options?.maintenancePerMonth as number);
  const maintenanceMonths = !maintenance ? 0 : monthsSet ? (options?.maintenanceMonths as number) : DEFAULT_MAINTENANCE_MONTHS;
  const rate = fromOptions(options?.hsaTaxRate, 0) ? Math.min(options?.hsaTaxRate as number, 100) : null;
  const spravatoInsurance = options?.spravatoInsurance === true;
  const settings: PlanSettings = {
    initialSessions,
    initialSessionsFrom,
    maintenance,
    maintenancePerMonth,
    maintenancePerMonthFrom: perMonthSet ? 'options' : 'default',
    maintenanceMonths,
    maintenanceMonthsFrom: monthsSet ? 'options' : 'default',
    hsaTaxRate: rate,
    spravatoInsurance,
  };
  const hsaFactor = rate === null ? null : 1 - rate / 100;
  const quoteSession = quote && fromOptions(quote.perSession, 0) ? quote.perSession : null;
  const quoteConsult = quote && fromOptions(quote.consultation, 0) ? quote.consultation : null;
  const notes: string[] = [];

  // --- Spravato through insurance
  const offersSpravato = provider === null || provider.modalities.value.includes('esketamine-nasal');
  const spravatoApplies = spravatoInsurance && offersSpravato;
  const savings = spravatoSavingsPerTreatment(general);
  const savingsText =
    savings === null
      ? UNKNOWN_OUT_OF_POCKET
      : `${formatDollars(savings)} per treatment for the medication, plus the clinic's own fees for giving it and monitoring you`;
  let spravato: SpravatoInfo | null = null;
  if (spravatoInsurance) {
    const s = general.spravato;
    spravato = {
      applies: spravatoApplies,
      outOfPocket: savings,
      outOfPocketText: savingsText,
      savingsProgramme: s.savingsProgramme,
      coverage: s.coverage,
      explanation: spravatoApplies
        ? `Through insurance with the manufacturer's savings programme, what you pay per Spravato session is ${savingsText}; the programme's terms are quoted below.`
        : 'This provider does not list Spravato, so the insurance option is not applied.',
      sources: dedupeSources([s.savingsProgramme.sources, s.coverage.sources]),
    };
    if (!spravatoApplies) notes.push(spravato.explanation);
  }

  // --- consultation
  let consultation: Estimate;
  {
    const pub = provider ? published(provider, 'consultation') : null;
    const base =
      pub ??
      typical(general, 'consultation', provider ? 'This clinic publishes no consultation price;' : 'For a clinic you added,') ??
      empty('unknown', ['No consultation price is published and no typical range is available; ask the clinic.']);
    consultation = quoteConsult !== null ? quoted(quoteConsult, ' for the consultation', base) : base;
  }

  // --- per session
  let perSession: Estimate;
  let pubSession: Estimate | null = null;
  {
    if (provider) pubSession = published(provider, 'perSession');
    let base: Estimate;
    if (spravatoApplies && savings !== null) {
      // The sourced programme figure, never "Unknown" in its place; the clinic's fees are not in it.
      base = {
        ...empty('published', [
          `With commercial insurance, the manufacturer's savings programme lowers the Spravato medication to ${formatDollars(savings)} per treatment (its terms are quoted below).`,
          "The clinic's own fees for giving the spray and the two-hour monitoring are not included; ask the clinic and your insurer, or enter the clinic's quote.",
        ]),
        exact: point(savings),
        sources: [...general.spravato.savingsProgramme.sources],
      };
    } else if (spravatoApplies) {
      base = empty('unknown', [
        `Through insurance, what you pay per Spravato session is ${UNKNOWN_OUT_OF_POCKET}; ask your insurer and the clinic, or enter the clinic's quote.`,
      ]);
    } else if (pubSession) {
      base = pubSession;
    } else if (provider) {
      base = typicalSession(provider, general);
    } else {
      base = empty('unknown', ['No session price is known for a clinic you added; enter its quote to see an estimate.']);
    }
    perSession = quoteSession !== null ? quoted(quoteSession, ' per session', base.exact ? base : pubSession) : base;
  }

  // --- maintenance session price
  let maintenanceSession: Estimate;
  if (perSession.basis === 'typical' && provider) {
    const id = perSession.typicalIds[0];
    const useMaintenance = id === 'iv-session' || id === 'im-session';
    const maint = useMaintenance
      ? typical(general, 'maintenance-session', 'For maintenance sessions,')
      : null;
    maintenanceSession = maint ?? { ...perSession, explanations: ['Maintenance sessions are assumed to cost the same as the initial sessions.'] };
  } else if (perSession.exact === null) {
    maintenanceSession = { ...perSession, explanations: ['The maintenance session price is unknown.'] };
  } else {
    const which = perSession.basis === 'quote' ? 'your quoted' : spravatoApplies ? "the savings programme's" : "the clinic's published";
    maintenanceSession = {
      ...perSession,
      explanations: [`Maintenance sessions are assumed to cost the same as ${which} price per session; ask the clinic.`],
    };
  }

  // --- derived lines
  const seriesFrom =
    initialSessionsFrom === 'options'
      ? 'your choice'
      : initialSessionsFrom === 'provider'
        ? "the clinic's published initial series"
        : 'a common initial series (this clinic publishes none)';
  const seriesExplanations = [
    initialSessions === 0 && perSession.exact
      ? 'No initial sessions, so $0.'
      : `${plural(initialSessions, 'session')} (${seriesFrom}) × ${perSession.exact ? formatRange(perSession.exact) : 'an unknown price'} per session.`,
  ];
  let seriesSources: Source[] = [];
  if (initialSessionsFrom === 'provider' && provider?.protocol) {
    seriesSources = provider.protocol.sources;
    if (provider.protocol.note) seriesExplanations.push(provider.protocol.note);
  } else if (initialSessionsFrom === 'default') {
    seriesExplanations.push(
      usualSeries === general.initialSeries
        ? `A typical initial series is ${typicalSeriesWords(general, usualSeries)}.`
        : `Spravato usually starts with ${typicalSeriesWords(general, usualSeries)}.`,
    );
    seriesSources = usualSeries.sources;
  }
  const seriesBase = scaled(perSession, initialSessions, seriesExplanations);
  const initialSeries: Estimate = {
    ...seriesBase,
    parts: [{ id: 'perSession', basis: perSession.basis }],
    sources: dedupeSources([perSession.sources, seriesSources]),
  };

  const firstSeries = summed(
    [
      { id: 'consultation', est: consultation },
      { id: 'initialSeries', est: initialSeries },
    ],
    [`The consultation plus the initial series of ${plural(initialSessions, 'session')}.`],
  );
  if (firstSeries.exact === null) {
    firstSeries.explanations.push('The total is unknown because at least one part of it is unknown.');
  }

  const maintenanceMonthly: Estimate = {
    ...scaled(maintenanceSession, maintenancePerMonth, [
      maintenancePerMonth === 0 && maintenanceSession.exact
        ? 'No maintenance sessions, so $0 a month.'
        : `${plural(maintenancePerMonth, 'maintenance session')} a month${perMonthSet ? ' (your choice)' : ' (assumed; change it to match the clinic\u2019s advice)'} × ${
            maintenanceSession.exact ? formatRange(maintenanceSession.exact) : 'an unknown price'
          } per session.`,
      ...maintenanceSession.explanations,
    ]),
    parts: [{ id: 'perSession', basis: maintenanceSession.basis }],
  };

  const maintenanceTotal = scaled(maintenanceMonthly, maintenanceMonths, []);
  const totalMonths = INITIAL_SERIES_MONTHS + maintenanceMonths;
  const withinYear = totalMonths <= 12;
  const firstYear = summed(
    [
      { id: 'consultation', est: consultation },
      { id: 'initialSeries', est: initialSeries },
      { id: 'maintenancePerMonth', est: maintenanceTotal },
    ],
    [
      `Consultation + initial series + ${plural(maintenanceMonths, 'month')} of maintenance${
        monthsSet ? '' : ` (assumed: the rest of the first year after about ${plural(INITIAL_SERIES_MONTHS, 'month')} of initial sessions)`
      }.`,
    ],
  );
  if (firstYear.exact === null) {
    firstYear.explanations.push('The total is unknown because at least one part of it is unknown.');
  }

  const perMonthAfter: Estimate = {
    ...maintenanceMonthly,
    parts: [{ id: 'maintenancePerMonth', basis: maintenanceMonthly.basis }],
    explanations: [
      maintenancePerMonth === 0
        ? 'No maintenance sessions are planned after that.'
        : `If you continue with ${plural(maintenancePerMonth, 'maintenance session')} a month.`,
    ],
  };

  const lines: Record<LineId, PlanLine> = {
    consultation: toLine('consultation', 'Consultation', consultation, hsaFactor),
    perSession: toLine('perSession', spravatoApplies && savings !== null && perSession.basis !== 'quote' ? 'Per session (medication, savings programme)' : 'Per session', perSession, hsaFactor),
    initialSeries: toLine('initialSeries', `Initial series (${plural(initialSessions, 'session')})`, initialSeries, hsaFactor),
    firstSeries: toLine('firstSeries', `Consultation and ${plural(initialSessions, 'session')}`, firstSeries, hsaFactor),
    maintenancePerMonth: toLine(
      'maintenancePerMonth',
      `Maintenance per month (${plural(maintenancePerMonth, 'session')})`,
      maintenanceMonthly,
      hsaFactor,
    ),
    firstYear: toLine('firstYear', withinYear ? 'First year' : `First ${totalMonths} months`, firstYear, hsaFactor),
    perMonthAfter: toLine(
      'perMonthAfter',
      withinYear ? 'Per month after the first year' : `Per month after month ${totalMonths}`,
      perMonthAfter,
      hsaFactor,
    ),
  };

  // --- HSA/FSA
  let hsa: HsaInfo | null = null;
  if (rate !== null && hsaFactor !== null) {
    const accepts = provider ? provider.financing.hsaFsa : null;
    hsa = {
      taxRate: rate,
      factor: hsaFactor,
      explanation: `${general.hsaFsa.text} The HSA/FSA figures take off the ${rate}% tax rate you chose, as if you paid with pre-tax money: each is ${+(100 - rate).toFixed(2)}% of the cash figure.`,
      sources: [...general.hsaFsa.sources],
      clinicAccepts: accepts,
      clinicNote:
        accepts === 'yes'
          ? 'This clinic says it accepts HSA/FSA payment.'
          : accepts === 'no'
            ? "This clinic's published information says it does not accept HSA/FSA payment."
            : accepts === 'unknown'
              ? 'Ask the clinic whether it accepts HSA/FSA payment.'
              : null,
    };
  }

  // --- plan-wide notes
  if (provider) {
    if (provider.pricesNote) notes.push(provider.pricesNote);
    // Published session prices replaced by a quote or by the Spravato option are explained on their line.
    const used = new Set([...consultation.used, ...perSession.used, ...(pubSession?.used ?? [])]);
    notes.push(...unusedPriceNotes(provider, used));
  }

  const all = Object.values(lines);
  const sources = dedupeSources([
    ...all.map((l) => l.sources),
    spravato?.applies ? spravato.sources : [],
    provider && hsa ? provider.financing.sources : [],
    hsa ? hsa.sources : [],
  ]);

  const series: SeriesInfo = {
    sessions: initialSessions,
    from: initialSessionsFrom,
    typical: typicalSeriesWords(general, usualSeries),
    note: initialSessionsFrom === 'provider' ? (provider?.protocol?.note ?? null) : (usualSeries.note ?? null),
    sources: initialSessionsFrom === 'provider' && provider?.protocol ? [...provider.protocol.sources] : [...usualSeries.sources],
  };

  return {
    providerId: provider?.id ?? null,
    series,
    lines,
    settings,
    hsa,
    spravato,
    notes,
    sources,
    caption: ESTIMATE_CAPTION,
  };
}
