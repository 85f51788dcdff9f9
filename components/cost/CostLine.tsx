/** One line of the cost plan: label, where the figure comes from, the cash range and the HSA/FSA range. */
import { formatRange } from '@/lib/format/money';
import type { LineBasis, PlanLine } from '@/lib/cost/plan';
import { Unknown } from '@/components/common/Unknown';

const BASIS_TAG: Record<LineBasis, { text: string; tone: 'ok' | 'muted' | 'warn' } | null> = {
  published: { text: 'Published price', tone: 'muted' },
  typical: { text: "Typical range, not this provider's price", tone: 'muted' },
  quote: { text: 'Your quote', tone: 'ok' },
  mixed: { text: 'Mixed', tone: 'muted' },
  unknown: null,
};

export function CostLine({ line, taxRate }: { line: PlanLine; taxRate: number | null }) {
  // A line that rests on a general typical range says so in its label (lib/cost/plan.ts); no second tag then.
  const saysTypical = /not this provider/.test(line.label);
  const tag =
    line.basis === 'published' && line.thirdParty
      ? { text: 'Third-party figure', tone: 'warn' as const }
      : saysTypical && (line.basis === 'typical' || line.basis === 'mixed')
        ? null
        : BASIS_TAG[line.basis];
  const total = line.id === 'firstSeries' || line.id === 'firstYear' || line.id === 'perMonthAfter';
  return (
    <div class={`cost-line${total ? ' cost-line--total' : ''}`} data-line={line.id}>
      <dt class="cost-line__label">
        {line.label}
        {tag && <span class={`tag tag--${tag.tone}`}>{tag.text}</span>}
      </dt>
      <dd class="cost-line__value">
        <span class="cost-line__cash">{line.range ? formatRange(line.range) : <Unknown />}</span>
        {line.hsa && taxRate !== null && (
          <span class="cost-line__hsa">
            {formatRange(line.hsa)} <span class="cost-line__hsa-label">with HSA/FSA</span>
          </span>
        )}
      </dd>
    </div>
  );
}
