import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { BeforeYouStart } from '../../../components/BeforeYouStart';
import { Checklist } from '../../../components/Checklist';
import { CostEstimate } from '../../../components/CostEstimate';
import { ProviderCard } from '../../../components/ProviderCard';
import { general, providerById } from '../../../data';
import { questionsFor } from '../../../lib/checklist/questions';
import type { Provider } from '../../../lib/dataset/schema';
import type { Route } from '../../../lib/route';
import type { Answer, PlanOptions } from '../../../lib/shortlist/schema';
import { ProviderActions } from './ProviderActions';

const nameOf = (id: string) => providerById(id)?.name;

/**
 * A provider's card with its cost plan, checklist and "Before you start".
 *
 * The plan options and answers here are local, unsaved state (render with `key={provider.id}` so they reset
 * when the provider changes). For a shortlisted provider, pass the item's saved `plan`, `quote` and
 * `answers` to CostEstimate/Checklist instead, with handlers that save them; both are controlled components.
 */
export function ProviderDetails({ provider, actions, go }: { provider: Provider; actions?: ComponentChildren; go: (r: Route) => void }) {
  const [options, setOptions] = useState<PlanOptions | null>(null);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const questions = useMemo(() => questionsFor(provider, general), [provider]);
  const onAnswer = (id: string, a: Answer | null) =>
    setAnswers((prev) => {
      const next = { ...prev };
      if (a === null) delete next[id];
      else next[id] = a;
      return next;
    });

  return (
    <ProviderCard
      provider={provider}
      nameOf={nameOf}
      onOpen={(next) => go({ view: 'provider', id: next })}
      actions={actions}
      estimate={<CostEstimate provider={provider} general={general} options={options} quote={null} onOptionsChange={setOptions} />}
      checklist={
        <>
          <p class="fact__note">Your ticks and notes here are kept only while this clinic is open in the panel.</p>
          <Checklist questions={questions} answers={answers} onAnswer={onAnswer} />
        </>
      }
      beforeYouStart={<BeforeYouStart general={general} />}
    />
  );
}

export function ProviderView({ id, go }: { id: string; go: (r: Route) => void }) {
  const provider = providerById(id);
  if (!provider) {
    return (
      <div class="message" role="status">
        <h2>Provider not found</h2>
        <p>This provider is no longer in Clinic Scout's list.</p>
      </div>
    );
  }
  return (
    <ProviderDetails
      key={provider.id}
      provider={provider}
      go={go}
      actions={<ProviderActions provider={provider} incognito={false} go={go} />}
    />
  );
}
