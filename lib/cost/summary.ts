/**
 * Plain-words readings of a CostPlan, shared by the cost view (CostEstimate) and the Markdown export.
 * Pure: no DOM, no storage. Every figure comes from the plan; nothing here computes a new one.
 */
import { ESTIMATE_CAPTION, formatMaybeRange, formatRange } from '../format/money';
import type { Source } from '../dataset/schema';
import { visibleLines, type CostPlan, type LineBasis, type PlanLine } from './plan';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const BASIS_WORDS: Record<Exclude<LineBasis, 'mixed'>, string> = {
  quote: 'your quote',
  published: 'published prices',
  typical: 'typical market ranges',
  unknown: 'an unknown price',
};

/** "your quote and typical market ranges": where the plan's prices come from (consultation, session, maintenance). */
export function basisWords(plan: CostPlan): string {
  const bases = new Set<Exclude<LineBasis, 'mixed'>>();
  const add = (line: PlanLine) => {
    if (line.basis === 'mixed') for (const p of line.parts) add(plan.lines[p.id]);
    else bases.add(line.basis);
  };
  add(plan.lines.consultation);
  add(plan.lines.perSession);
  if (plan.settings.maintenancePerMonth > 0 && plan.settings.maintenanceMonths > 0) add(plan.lines.maintenancePerMonth);
  const order: Array<Exclude<LineBasis, 'mixed'>> = ['quote', 'published', 'typical', 'unknown'];
  const words = order.filter((b) => bases.has(b)).map((b) => BASIS_WORDS[b]);
  if (plan.lines.perSession.thirdParty && bases.has('published')) {
    words[words.indexOf(BASIS_WORDS.published)] = 'prices published by a third party';
  }
  return words.length <= 1 ? (words[0] ?? BASIS_WORDS.unknown) : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** "6-session initial series, no maintenance" or "…, 1 maintenance session a month for 11 months". */
export function settingsWords(plan: CostPlan): string {
  const s = plan.settings;
  const series = `${s.initialSessions}-session initial series`;
  if (s.maintenancePerMonth === 0 || s.maintenanceMonths === 0) return `${series}, no maintenance`;
  return `${series}, ${plural(s.maintenancePerMonth, 'maintenance session')} a month for ${plural(s.maintenanceMonths, 'month')}`;
}

/**
 * The initial series first, in the words people use: "Consultation and 6 sessions: $2,650–$5,190."
 * With maintenance turned on, the first year follows: "With maintenance, first year: $7,900–$9,600; then
 * $450–$550 a month." With a tax rate set, the HSA/FSA figure of the last total:
 * "Paying with HSA/FSA money at 25%: about $5,925–$7,200, then $338–$413 a month."
 */
export function headline(plan: CostPlan): string {
  const { firstSeries, firstYear, perMonthAfter } = plan.lines;
  let text = `${firstSeries.name}: ${formatMaybeRange(firstSeries.range)}.`;
  if (plan.settings.maintenance) {
    text += ` With maintenance, ${firstYear.name.charAt(0).toLowerCase()}${firstYear.name.slice(1)}: ${formatMaybeRange(firstYear.range)}; then ${formatMaybeRange(perMonthAfter.range, 'an unknown amount')} a month.`;
  }
  const total = plan.settings.maintenance ? firstYear : firstSeries;
  if (plan.hsa && total.hsa) {
    const monthly = plan.settings.maintenance && perMonthAfter.hsa && perMonthAfter.hsa.high > 0 ? `, then ${formatRange(perMonthAfter.hsa)} a month` : '';
    text += ` Paying with HSA/FSA money at ${plan.hsa.taxRate}%: about ${formatRange(total.hsa)}${monthly}.`;
  }
  return text;
}

/**
 * One line per shortlist item for the Markdown export, e.g.
 * "First year: $7,900–$9,600; then $450–$550 a month. Based on published prices; 6-session initial series,
 * 1 maintenance session a month for 11 months. Estimate — confirm with the clinic."
 * Spravato through insurance adds that the out-of-pocket cost is unknown. No Markdown syntax, no newline.
 */
export function costSummaryLine(plan: CostPlan): string {
  const parts = [headline(plan), `Based on ${basisWords(plan)}; ${settingsWords(plan)}.`];
  if (plan.spravato?.applies) parts.push(`Spravato through insurance: out of pocket ${plan.spravato.outOfPocketText}.`);
  parts.push(ESTIMATE_CAPTION);
  return parts.join(' ');
}

/** Sources grouped by what they back, for a "Sources (n)" toggle. */
export interface SourceGroupData {
  label: string;
  sources: readonly Source[];
}

/**
 * The sources of every figure the plan shows, by line ("Initial series", "Per session", …), then the
 * Spravato statements and the financing notes; anything else the plan used (e.g. HSA/FSA) last.
 */
export function planSourceGroups(plan: CostPlan, financing: ReadonlyArray<{ sources: readonly Source[] }> = []): SourceGroupData[] {
  const groups: SourceGroupData[] = [
    { label: 'Initial series', sources: plan.series.sources },
    ...visibleLines(plan).map((id) => ({ label: plan.lines[id].label, sources: plan.lines[id].sources })),
    ...(plan.spravato?.applies ? [{ label: 'Spravato through insurance', sources: plan.spravato.sources }] : []),
    ...financing.map((f) => ({ label: 'Paying over time', sources: f.sources })),
  ];
  const seen = new Set(groups.flatMap((g) => g.sources.map((s) => s.url)));
  const rest = plan.sources.filter((s) => !seen.has(s.url));
  if (rest.length > 0) groups.push({ label: plan.hsa ? 'HSA/FSA' : 'Other figures', sources: rest });
  return groups;
}
