import { useMemo } from 'preact/hooks';
import { useGeneral } from '@/state/dataset';
import { useItemPlan } from '@/state/item-plan';
import { questionsFor } from '@/lib/checklist/questions';
import type { Provider } from '@/lib/dataset/schema';
import type { StoredShortlistItem } from '@/lib/shortlist/schema';
import { Checklist } from '@/components/provider-card/Checklist';
import { CostEstimate } from '@/components/cost/CostEstimate';
import { ShortlistPlanConflict } from './ShortlistPlanConflict';

/** A shortlisted item's own cost plan and question checklist, saved with the item. */
export function ShortlistItemExtras({ item, provider }: { item: StoredShortlistItem; provider: Provider | undefined }) {
  const plan = useItemPlan(item);
  const general = useGeneral();
  const questions = useMemo(() => questionsFor(provider ?? null, general), [provider, general]);
  return (
    <div class="sl-extras">
      <h4 class="sl-extras__title">What it might cost</h4>
      <CostEstimate
        provider={provider ?? null}
        general={general}
        options={plan.options}
        quote={item.quote}
        onOptionsChange={plan.onOptionsChange}
        compact
      />
      {plan.conflict?.field === 'plan' && <ShortlistPlanConflict plan={plan} questions={questions} />}
      <h4 class="sl-extras__title">Your checklist</h4>
      <Checklist questions={questions} answers={plan.answers} onAnswer={plan.onAnswer} />
      {plan.conflict?.field === 'answers' && <ShortlistPlanConflict plan={plan} questions={questions} />}
      {plan.error && (
        <p class="notice notice--warn" role="alert">
          {plan.error}
        </p>
      )}
    </div>
  );
}
