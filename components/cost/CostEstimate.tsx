/**
 * "What it might cost": a first-year cost plan for one provider, as low–high ranges with where every
 * figure comes from. The arithmetic is lib/cost (estimatePlan, financingNotes); this only shows it.
 *
 * Contract (controlled component — it keeps no plan state of its own):
 *
 *   CostEstimate({ provider, general, options, quote, onOptionsChange?, compact?, today? })
 *
 *   provider         Provider | null   null = a clinic the user added by hand (quote + typical consultation only).
 *   general          General           data/general.json.
 *   options          PlanOptions | null the user's choices; null, or null fields, = the defaults
 *                                       (initial series from the provider's protocol else 6; 1 maintenance
 *                                       session a month for 11 months; no HSA/FSA; no Spravato insurance).
 *   quote            Quote | null      the clinic's quote, owned by the shortlist item; a figure in it replaces
 *                                       the published/typical range and "Using your quote" is shown.
 *                                       The quote is not edited here.
 *   onOptionsChange  (o: PlanOptions) => void
 *                                       called with a complete PlanOptions (never partial) on every valid edit;
 *                                       an emptied field is null (= default; for the tax rate, HSA/FSA off).
 *                                       Values always satisfy the PlanOptions schema. Without it the options
 *                                       are not editable (the settings are described in words instead).
 *   compact          boolean           shortlist/compare: headline, basis, caption and sources; the breakdown
 *                                       sits in a closed <details>; no inputs.
 *   today            Date              for the "over 12 months old" marks on sources (default: now).
 *
 * The headline sentence is a polite live region, so screen readers hear the new figures after an edit.
 */
import { useMemo } from 'preact/hooks';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { financingNotes } from '@/lib/cost/financing';
import { formatDollars } from '@/lib/format/money';
import { estimatePlan, LINE_ORDER, type CostPlan, type LineId } from '@/lib/cost/plan';
import { basisWords, headline, settingsWords } from '@/lib/cost/summary';
import type { PlanOptions, Quote } from '@/lib/shortlist/schema';
import { CostLine } from './CostLine';
import { CostPlanOptions } from './CostPlanOptions';
import { Unknown } from '@/components/common/Unknown';
import { SourceRefs } from '@/components/common/SourceRefs';

export interface CostEstimateProps {
  provider: Provider | null;
  general: General;
  options: PlanOptions | null;
  quote: Quote | null;
  onOptionsChange?: (o: PlanOptions) => void;
  compact?: boolean;
  today?: Date;
}

/** Lines whose explanations say where the prices come from (published, typical, quote, unknown). */
const BASIS_LINES: readonly LineId[] = ['consultation', 'perSession'];

function quoteWords(q: Quote): string | null {
  const parts: string[] = [];
  if (q.perSession !== null) parts.push(`${formatDollars(q.perSession)} per session`);
  if (q.consultation !== null) parts.push(`${formatDollars(q.consultation)} for the consultation`);
  return parts.length > 0 ? parts.join(', ') : null;
}

function Breakdown({ plan }: { plan: CostPlan }) {
  const rate = plan.hsa?.taxRate ?? null;
  return (
    <dl class="cost-lines">
      {LINE_ORDER.map((id) => (
        <CostLine key={id} line={plan.lines[id]} taxRate={rate} />
      ))}
    </dl>
  );
}

function HowWorkedOut({ plan }: { plan: CostPlan }) {
  const derived = LINE_ORDER.filter((id) => !BASIS_LINES.includes(id));
  return (
    <details class="cost-how">
      <summary>How these figures are worked out</summary>
      <dl class="cost-how__list">
        {derived.map((id) => {
          const line = plan.lines[id];
          if (line.explanations.length === 0) return null;
          return (
            <div key={id}>
              <dt>{line.label}</dt>
              {line.explanations.map((e, i) => (
                <dd key={i}>{e}</dd>
              ))}
            </div>
          );
        })}
      </dl>
      {plan.notes.length > 0 && (
        <ul class="cost-how__notes">
          {plan.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function CostEstimate({ provider, general, options, quote, onOptionsChange, compact = false, today = new Date() }: CostEstimateProps) {
  const plan = useMemo(() => estimatePlan(provider, general, options, quote), [provider, general, options, quote]);
  const financing = useMemo(() => financingNotes(provider, general), [provider, general]);
  const offersSpravato = provider === null || provider.modalities.value.includes('esketamine-nasal');
  const quoted = quote ? quoteWords(quote) : null;
  const editable = !compact && onOptionsChange !== undefined;
  const spravato = plan.spravato;

  return (
    <div class={`cost${compact ? ' cost--compact' : ''}`}>
      {quoted && (
        <p class="cost-quote">
          <span class="tag tag--ok">Using your quote</span> {quoted}. It replaces the published or typical range.
        </p>
      )}

      <p class="cost-headline" role="status" aria-live="polite" aria-atomic="true">
        {headline(plan)}
      </p>
      <p class="estimate-note">{plan.caption}</p>

      {compact ? (
        <p class="cost-basis">
          Based on {basisWords(plan)}; {settingsWords(plan)}.
        </p>
      ) : (
        <ul class="cost-basis">
          {BASIS_LINES.flatMap((id) => plan.lines[id].explanations.map((e, i) => <li key={`${id}-${i}`}>{e}</li>))}
        </ul>
      )}

      {spravato?.applies && (
        <div class="notice cost-spravato">
          <p>
            <strong>Spravato through insurance.</strong> Out of pocket per session: <Unknown>{spravato.outOfPocketText}</Unknown>
          </p>
          {!compact && (
            <>
              <p>{spravato.coverage.text}</p>
              <SourceRefs sources={spravato.coverage.sources} today={today} />
              <p>The manufacturer's savings programme, as it describes itself:</p>
              <blockquote class="cost-quote-text">{spravato.savingsProgramme.text}</blockquote>
              <SourceRefs sources={spravato.savingsProgramme.sources} today={today} />
            </>
          )}
        </div>
      )}

      {editable && <CostPlanOptions plan={plan} options={options} offersSpravato={offersSpravato} onOptionsChange={onOptionsChange} />}
      {!editable && !compact && <p class="cost-basis">Assumes a {settingsWords(plan)}.</p>}

      {plan.hsa && !compact && (
        <div class="cost-hsa">
          <p>{plan.hsa.explanation}</p>
          {plan.hsa.clinicNote && <p>{plan.hsa.clinicNote}</p>}
        </div>
      )}

      {compact ? (
        <details class="cost-how">
          <summary>Breakdown</summary>
          <Breakdown plan={plan} />
        </details>
      ) : (
        <>
          <Breakdown plan={plan} />
          <HowWorkedOut plan={plan} />
        </>
      )}

      {!compact &&
        financing.map((f) => (
          <div class="cost-financing" key={f.id}>
            <p>
              <strong>Paying over time.</strong> {f.text}
            </p>
            <SourceRefs sources={f.sources} today={today} />
          </div>
        ))}

      <SourceRefs sources={plan.sources} today={today} label="Sources for these figures" />
    </div>
  );
}
