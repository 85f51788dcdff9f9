import type { ComponentChildren } from 'preact';
import { useMemo } from 'preact/hooks';
import { BeforeYouStart } from './BeforeYouStart';
import { Checklist } from './Checklist';
import { CostEstimate } from '@/components/cost/CostEstimate';
import { ProviderCard } from './ProviderCard';
import { useGeneral, useProviderLookup } from '@/state/dataset';
import { questionsFor } from '@/lib/checklist/questions';
import type { Provider } from '@/lib/dataset/schema';
import type { Route } from '@/lib/route';
import { useItemPlan } from '@/state/item-plan';
import { membershipOf, unseenItemOf } from '@/state/shortlists/store';
import { ChangeNotice } from '@/components/shortlist/ChangeNotice';
import { useShortlists } from '@/state/shortlists/context';

/**
 * A provider's card with its cost plan, checklist and "Before you start". When the provider is on a
 * shortlist, the plan options and answers are the saved item's (the first list it is on); otherwise they
 * live only while the card is open. Render with `key={provider.id}`.
 */
export function ProviderDetails({ provider, actions, go }: { provider: Provider; actions?: ComponentChildren; go: (r: Route) => void }) {
  const shortlists = useShortlists();
  const general = useGeneral();
  const providerById = useProviderLookup();
  const nameOf = (id: string) => providerById(id)?.name;
  const savedItem = useMemo(() => {
    const list = membershipOf(shortlists, provider.id)[0];
    return list ? (shortlists.items.get(list.id) ?? []).find((i) => i.providerId === provider.id) ?? null : null;
  }, [shortlists, provider.id]);
  const changedItem = useMemo(() => unseenItemOf(shortlists, provider.id), [shortlists, provider.id]);
  const plan = useItemPlan(savedItem);
  const questions = useMemo(() => questionsFor(provider, general), [provider, general]);

  return (
    <ProviderCard
      provider={provider}
      nameOf={nameOf}
      onOpen={(next) => go({ view: 'provider', id: next })}
      actions={actions}
      notice={changedItem && <ChangeNotice item={changedItem} place="card" onSeen={() => shortlists.store.markSeen(changedItem)} />}
      estimate={
        <CostEstimate provider={provider} general={general} options={plan.options} quote={savedItem?.quote ?? null} onOptionsChange={plan.onOptionsChange} />
      }
      checklist={
        <>
          <p class="fact__note">
            {plan.saved
              ? 'Your ticks and answers are saved with your shortlist.'
              : 'Your ticks and notes here are kept only while this clinic is open in the panel. Add it to a shortlist to keep them.'}
          </p>
          <Checklist questions={questions} answers={plan.answers} onAnswer={plan.onAnswer} />
          {plan.error && (
            <p class="notice notice--warn" role="alert">
              {plan.error}
            </p>
          )}
        </>
      }
      beforeYouStart={<BeforeYouStart general={general} />}
    />
  );
}
