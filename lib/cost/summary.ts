/**
 * Plain-words readings of a CostPlan, shared by the cost view (CostEstimate) and the Markdown export.
 * Pure: no DOM, no storage. Every figure comes from the plan; nothing here computes a new one.
 */
import { ESTIMATE_CAPTION, formatMaybeRange, formatRange } from '../format/money';
import type { CostPlan, LineBasis, PlanLine } from './plan';

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

/** "6-session series, 1 maintenance session a month for 11 months". */
export function settingsWords(plan: CostPlan): string {
  const s = plan.settings;
  const series = `${s.initialSessions}-session initial series`;
  if (s.maintenancePerMonth === 0 || s.maintenanceMonths === 0) return `${series}, no maintenance`;
  return `${series}, ${plural(s.maintenancePerMonth, 'maintenance session')} a month for ${plural(s.maintenanceMonths, 'month')}`;
}

/**
 * "First year: $7,900–$9,600; then $450–$550 a month." With a tax rate set, a second sentence:
 * "Paying with HSA/FSA money at 25%: about $5,925–$7,200, then $338–$413 a month."
 */
export function headline(plan: CostPlan): string {
  const { firstYear, perMonthAfter } = plan.lines;
  let text = `${firstYear.name}: ${formatMaybeRange(firstYear.range)}; then ${formatMaybeRange(perMonthAfter.range, 'an unknown amount')} a month.`;
  if (plan.hsa && firstYear.hsa) {
    const monthly = perMonthAfter.hsa && perMonthAfter.hsa.high > 0 ? `, then ${formatRange(perMonthAfter.hsa)} a month` : '';
    text += ` Paying with HSA/FSA money at ${plan.hsa.taxRate}%: about ${formatRange(firstYear.hsa)}${monthly}.`;
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
