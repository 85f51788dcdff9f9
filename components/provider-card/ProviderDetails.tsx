import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { BeforeYouStart } from './BeforeYouStart';
import { Checklist } from './Checklist';
import { CostEstimate } from '@/components/cost/CostEstimate';
import { ProviderCard } from './ProviderCard';
import { LazyView } from '@/components/common/LazyView';
import { useGeneral, useProviderLookup } from '@/state/dataset';
import { questionsFor } from '@/lib/checklist/questions';
import { estimatePlan, spravatoSavingsPerTreatment } from '@/lib/cost/plan';
import { DEFAULT_FILTERS } from '@/lib/browse/defaults';
import type { Provider, UsState } from '@/lib/dataset/schema';
import type { Route } from '@/lib/route';
import { rememberFilters } from '@/state/browse-memory';
import { useItemPlan } from '@/state/item-plan';
import { membershipOf, unseenItemOf } from '@/state/shortlists/store';
import { useShortlists } from '@/state/shortlists/context';

// Shown only when there is something to show (read after the card's first screen): their code loads then.
const loadChangeNotice = () => import('@/components/shortlist/ChangeNotice').then((m) => m.ChangeNotice);
// Shown only when another window saved different choices: its code loads then, not with the card.
const loadPlanConflict = () => import('@/components/shortlist/ShortlistPlanConflict').then((m) => m.ShortlistPlanConflict);

/**
 * A provider's card with its summary, cost plan, checklist and "Before you start". When the provider is on a
 * shortlist, the plan options and answers are the saved item's (the first list it is on); otherwise they are
 * kept as the provider's unsaved draft for this browser session, and carried into the item when it is added.
 * A closed or acquired provider gets no estimate and no checklist, but a way to find open providers near it.
 * Render with `key={provider.id}`.
 */
export function ProviderDetails({ provider, actions, go }: { provider: Provider; actions?: ComponentChildren; go: (r: Route) => void }) {
  const shortlists = useShortlists();
  const general = useGeneral();
  // Names of the providers this one is confused with: their records only (shown once loaded).
  const confused = useProviderLookup(provider.confusableWith.map((c) => c.id));
  const nameOf = (id: string) => (confused.status === 'ready' ? confused.value(id)?.name : undefined);
  const savedItem = useMemo(() => {
    const list = membershipOf(shortlists, provider.id)[0];
    return list ? ((shortlists.items.get(list.id) ?? []).find((i) => i.providerId === provider.id) ?? null) : null;
  }, [shortlists, provider.id]);
  const changedItem = useMemo(() => unseenItemOf(shortlists, provider.id), [shortlists, provider.id]);
  const plan = useItemPlan(savedItem, provider.id);
  const questions = useMemo(() => questionsFor(provider, general), [provider, general]);
  const gone = provider.status.state === 'closed' || provider.status.state === 'acquired';
  const quote = savedItem?.quote ?? null;
  const costPlan = useMemo(
    () => (gone ? null : estimatePlan(provider, general, plan.options, quote)),
    [gone, provider, general, plan.options, quote],
  );
  const browseState = (state: UsState) => {
    rememberFilters({ filters: { ...DEFAULT_FILTERS, state } });
    go({ view: 'browse' });
  };

  return (
    <ProviderCard
      provider={provider}
      nameOf={nameOf}
      onOpen={(next) => go({ view: 'provider', id: next })}
      actions={actions}
      notice={
        changedItem && (
          <LazyView name="change-notice" load={loadChangeNotice} props={{ item: changedItem, place: 'card' as const, onSeen: () => shortlists.store.markSeen(changedItem) }} />
        )
      }
      plan={costPlan}
      onBrowseState={browseState}
      spravatoSavings={{ perTreatment: spravatoSavingsPerTreatment(general), sources: general.spravato.savingsProgramme.sources }}
      estimate={
        gone ? undefined : (
          <CostEstimate
            provider={provider}
            general={general}
            options={plan.options}
            quote={quote}
            onOptionsChange={plan.onOptionsChange}
            sources={false}
          />
        )
      }
      checklist={
        gone ? undefined : (
          <>
            <p class="fact__note">
              {plan.saved
                ? 'Your ticks and answers are saved with your shortlist.'
                : 'Your ticks, answers and cost choices are kept in this browser until you close it, even if you leave this card. Add the clinic to a shortlist to save them.'}
            </p>
            <Checklist questions={questions} answers={plan.answers} onAnswer={plan.onAnswer} />
            {plan.conflict && <LazyView name="plan-conflict" load={loadPlanConflict} props={{ plan, questions }} />}
            {plan.error && (
              <p class="notice notice--warn" role="alert">
                {plan.error}
              </p>
            )}
          </>
        )
      }
      beforeYouStart={<BeforeYouStart general={general} />}
    />
  );
}
