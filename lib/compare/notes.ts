// Neutral sentences derived only from fields present in the data, each with the sources it rests on.
import type { Price, Provider, Source } from '../dataset/schema';
import type { General } from '../dataset/general-schema';
import type { SourcedText } from '../dataset/provenance';
import { formatDate } from '../format/dates';
import { DELIVERY_LABEL, MODALITY_LABEL } from '../format/labels';
import { formatDollars } from '../format/money';
import { lowestSessionPrice, type SessionPrice } from '../browse/price';

export interface CompareNote extends SourcedText {
  id: string;
  /**
   * Where the sentence comes from: `derived` from the compared records' fields, `general` includes Clinic
   * Scout's general information (data/general.json), `provider` is a note from one provider's record.
   */
  origin: 'derived' | 'general' | 'provider';
  /** For `provider` notes: whose record, and whether it is listed as a strength or something to consider. */
  providerId?: string;
  providerName?: string;
  tone?: 'strength' | 'consideration';
  /** Says something about prices: shown with "Estimate — confirm with the clinic." */
  estimate?: boolean;
}

const ESKETAMINE = 'esketamine-nasal';
const IV = 'iv-infusion';

function uniqueSources(list: readonly Source[]): Source[] {
  const seen = new Set<string>();
  return list.filter((s) => !seen.has(s.url) && (seen.add(s.url), true));
}

const names = (ps: readonly Provider[]) =>
  ps.length <= 2 ? ps.map((p) => p.name).join(' and ') : `${ps.slice(0, -1).map((p) => p.name).join(', ')} and ${ps.at(-1)!.name}`;

/** "on 10 Mar 2023", "in Mar 2023", "in 2023", or "" when not dated. */
function when(date: string | null): string {
  if (!date) return '';
  return date.length === 10 ? ` on ${formatDate(date)}` : ` in ${formatDate(date)}`;
}

function statusNote(p: Provider): CompareNote | null {
  const { state, since, sources } = p.status;
  const text =
    state === 'closed' ? `${p.name} closed${when(since)}.`
    : state === 'acquired' ? `${p.name} was acquired${when(since)}.`
    : state === 'unknown' ? `Whether ${p.name} is still operating is not known.`
    : state === 'not-accepting' ? `${p.name} is not accepting new patients.`
    : state === 'not-yet-open' ? `${p.name} has not opened yet.`
    : null;
  return text ? { id: `status-${p.id}`, text, sources: [...sources], origin: 'derived' } : null;
}

const deliveryWord = (p: Provider) => (p.delivery.value === 'unknown' ? null : DELIVERY_LABEL[p.delivery.value].toLowerCase());

/** Lowest per-session prices side by side, with who gives the ketamine where treatment is at home. */
function priceNote(ps: readonly Provider[]): CompareNote | null {
  const priced = ps
    .map((p) => ({ p, s: lowestSessionPrice(p) }))
    .filter((x): x is { p: Provider; s: SessionPrice<Price> } => x.s !== null)
    .sort((a, b) => a.s.amount - b.s.amount);
  if (priced.length < 2) return null;
  const parts = priced.map(({ p, s }) => {
    const where = deliveryWord(p);
    return `${p.name}${where ? ` (${where})` : ''} ${s.bound} ${formatDollars(s.amount)}`;
  });
  let text = `Lowest published price per session: ${parts.join('; ')}.`;
  const sources: Source[] = priced.flatMap(({ s }) => s.price.sources);
  const unpriced = ps.filter((p) => !priced.some((x) => x.p === p));
  if (unpriced.length) text += ` No per-session price is published for ${names(unpriced)}.`;
  // Only when the compared providers differ in where treatment happens, and only what the record says.
  const mixed = new Set(priced.map(({ p }) => p.delivery.value)).size > 1;
  if (mixed) {
    for (const { p } of priced) {
      if ((p.delivery.value === 'at-home' || p.delivery.value === 'both') && p.staff.administers) {
        text += ` Who gives the ketamine at ${p.name}: ${p.staff.administers.replace(/[.\s]+$/, '')}.`;
        sources.push(...p.staff.sources);
      }
    }
  }
  return { id: 'prices', text, sources: uniqueSources(sources), origin: 'derived', estimate: true };
}

/** Spravato and IV ketamine side by side: who offers which, and what the general information says about coverage. */
function insuranceNote(ps: readonly Provider[], general: Pick<General, 'spravato' | 'questions'> | undefined): CompareNote | null {
  if (!general) return null;
  const spravato = ps.filter((p) => p.modalities.value.includes(ESKETAMINE));
  const iv = ps.filter((p) => p.modalities.value.includes(IV));
  if (!spravato.length || !iv.length) return null;
  const statement = general.questions.find((q) => q.id === 'insurance-superbill');
  const coverage = statement ? { text: statement.why, sources: statement.sources } : general.spravato.coverage;
  const text =
    `${MODALITY_LABEL[ESKETAMINE]} is offered by ${names(spravato)}; ${MODALITY_LABEL[IV]} by ${names(iv)}. ` +
    coverage.text;
  const sources = [...spravato.flatMap((p) => p.modalities.sources), ...iv.flatMap((p) => p.modalities.sources), ...coverage.sources];
  return { id: 'insurance', text, sources: uniqueSources(sources), origin: 'general' };
}

/**
 * Notes for the comparison: status changes first, then prices and insurance where they apply, then each
 * provider's own comparison notes, attributed.
 */
export function compareNotes(
  providers: readonly Provider[],
  general?: Pick<General, 'spravato' | 'questions'>,
): CompareNote[] {
  const notes: CompareNote[] = [];
  for (const p of providers) {
    const n = statusNote(p);
    if (n) notes.push(n);
  }
  const price = priceNote(providers);
  if (price) notes.push(price);
  const ins = insuranceNote(providers, general);
  if (ins) notes.push(ins);
  for (const p of providers) {
    p.comparison.forEach((c, i) =>
      notes.push({
        id: `${p.id}-${i}`,
        text: c.text,
        sources: [...c.sources],
        origin: 'provider',
        providerId: p.id,
        providerName: p.name,
        tone: c.kind,
      }),
    );
  }
  return notes;
}
