/**
 * "What it might cost", in the words people use: the initial series first ("6 sessions over 2–3 weeks",
 * sourced), the consultation and that series as one figure, the session count the user can change; then
 * maintenance as an explicit, optional line (and "first year" only once it is on). Every figure says where
 * it comes from. The arithmetic is lib/cost (estimatePlan, financingNotes); this only shows it.
 *
 * Contract (controlled component — it keeps no plan state of its own):
 *
 *   CostEstimate({ provider, general, options, quote, onOptionsChange?, compact?, today? })
 *
 *   provider         Provider | null   null = a clinic the user added by hand (quote + typical consultation only).
 *   general          General           data/general.json.
 *   options          PlanOptions | null the user's choices; null, or null fields, = the defaults
 *                                       (initial series from the provider's protocol else the common series;
 *                                       no maintenance; no HSA/FSA; no Spravato insurance).
 *   quote            Quote | null      the clinic's quote, owned by the shortlist item; a figure in it replaces
 *                                       the published/typical range and "Using your quote" is shown.
 *                                       The quote is not edited here.
 *   onOptionsChange  (o: PlanOptions) => void
 *                                       called with a complete PlanOptions (never partial) on every valid edit.
 *                                       Values always satisfy the PlanOptions schema. Without it the options
 *                                       are not editable (the settings are described in words instead).
 *   compact          boolean           shortlist/compare: headline, basis, caption and sources; the breakdown
 *                                       sits in a closed <details>; no inputs.
 *   sources          boolean           the figures' "Sources (n)" toggle (default true; the card shows its own).
 *   today            Date              for the "over 12 months old" marks on sources (default: now).
 *
 * The headline sentence is a polite live region, so screen readers hear the new figures after an edit.
 */
import { useMemo } from 'preact/hooks';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { financingNotes } from '@/lib/cost/financing';
import { formatDollars } from '@/lib/format/money';
import { estimatePlan, visibleLines, type CostPlan, type LineId } from '@/lib/cost/plan';
import { basisWords, headline, planSourceGroups, settingsWords } from '@/lib/cost/summary';
import type { PlanOptions, Quote } from '@/lib/shortlist/schema';
import { CostLine } from './CostLine';
import { CostPlanOptions } from './CostPlanOptions';
import { SourceRefs } from '@/components/common/SourceRefs';
import { Glossed } from '@/components/provider-card/Glossed';
import { SectionSources } from '@/components/provider-card/SectionSources';

export interface CostEstimateProps {
  provider: Provider | null;
  general: General;
  options: PlanOptions | null;
  quote: Quote | null;
  onOptionsChange?: (o: PlanOptions) => void;
  compact?: boolean;
  /** Show the figures' own "Sources (n)" toggle (default); false when the page shows them in its own toggle. */
  sources?: boolean;
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
      {visibleLines(plan).map((id) => (
        <CostLine key={id} line={plan.lines[id]} taxRate={rate} />
      ))}
    </dl>
  );
}

function HowWorkedOut({ plan }: { plan: CostPlan }) {
  const derived = visibleLines(plan).filter((id) => !BASIS_LINES.includes(id));
  return (
    <details class="cost-how">
      <summary>How these figures are worked out</summary>
      <ul class="cost-basis">
        {BASIS_LINES.flatMap((id) => plan.lines[id].explanations.map((e, i) => <li key={`${id}-${i}`}><Glossed text={e} /></li>))}
      </ul>
      <dl class="cost-how__list">
        {derived.map((id) => {
          const line = plan.lines[id];
          if (line.explanations.length === 0) return null;
          return (
            <div key={id}>
              <dt>{line.label}</dt>
              {line.explanations.map((e, i) => (
                <dd key={i}>
                  <Glossed text={e} />
                </dd>
              ))}
            </div>
          );
        })}
      </dl>
      {plan.notes.length > 0 && (
        <ul class="cost-how__notes">
          {plan.notes.map((n, i) => (
            <li key={i}>
              <Glossed text={n} />
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

/** "Initial series: 6 sessions over 2–3 weeks (typical; …)" — the series in words, before any figure. */
function SeriesWords({ plan }: { plan: CostPlan }) {
  const { series } = plan;
  const what =
    series.from === 'provider'
      ? `${series.sessions} sessions (this clinic's published series)`
      : series.from === 'options'
        ? `${series.sessions} sessions (your choice; typically ${series.typical})`
        : series.typical;
  return (
    <p class="cost-series">
      <span class="cost-series__label">Initial series: </span>
      <strong>{what}</strong>
      {series.from === 'default' && <span class="cost-series__from"> — typical; this clinic publishes none</span>}
      {series.from === 'provider' && series.note && (
        <span class="cost-series__note">
          <Glossed text={series.note} />
        </span>
      )}
    </p>
  );
}

export function CostEstimate({ provider, general, options, quote, onOptionsChange, compact = false, sources = true, today = new Date() }: CostEstimateProps) {
  const plan = useMemo(() => estimatePlan(provider, general, options, quote), [provider, general, options, quote]);
  const financing = useMemo(() => financingNotes(provider, general), [provider, general]);
  const offersSpravato = provider === null || provider.modalities.value.includes('esketamine-nasal');
  const quoted = quote ? quoteWords(quote) : null;
  const editable = !compact && onOptionsChange !== undefined;
  const spravato = plan.spravato;

  if (compact) {
    return (
      <div class="cost cost--compact">
        {quoted && (
          <p class="cost-quote">
            <span class="tag tag--ok">Using your quote</span> {quoted}. It replaces the published or typical range.
          </p>
        )}
        <p class="cost-headline" role="status" aria-live="polite" aria-atomic="true">
          {headline(plan)}
        </p>
        <p class="estimate-note">{plan.caption}</p>
        <p class="cost-basis">
          Based on {basisWords(plan)}; {settingsWords(plan)}.
        </p>
        {spravato?.applies && (
          <p class="notice cost-spravato">
            <strong>Spravato through insurance.</strong> Out of pocket per session: {spravato.outOfPocketText}.
          </p>
        )}
        <details class="cost-how">
          <summary>Breakdown</summary>
          <Breakdown plan={plan} />
        </details>
        <SourceRefs sources={plan.sources} today={today} label="Sources for these figures" />
      </div>
    );
  }

  return (
    <div class="cost">
      {quoted && (
        <p class="cost-quote">
          <span class="tag tag--ok">Using your quote</span> {quoted}. It replaces the published or typical range.
        </p>
      )}

      <SeriesWords plan={plan} />
      <p class="cost-headline" role="status" aria-live="polite" aria-atomic="true">
        {headline(plan)}
      </p>
      <p class="estimate-note">{plan.caption}</p>

      {editable && <CostPlanOptions part="series" plan={plan} options={options} offersSpravato={offersSpravato} onOptionsChange={onOptionsChange} />}

      <Breakdown plan={plan} />

      {spravato?.applies && (
        <div class="notice cost-spravato">
          <p>
            <strong>Spravato through insurance.</strong> Out of pocket per session: {spravato.outOfPocketText}.
          </p>
          <p>{spravato.coverage.text}</p>
          <p>The manufacturer's savings programme, as it describes itself:</p>
          <blockquote class="cost-quote-text">{spravato.savingsProgramme.text}</blockquote>
        </div>
      )}

      {editable && <CostPlanOptions part="extras" plan={plan} options={options} offersSpravato={offersSpravato} onOptionsChange={onOptionsChange} />}
      {!editable && <p class="cost-basis">Assumes a {settingsWords(plan)}.</p>}

      {plan.hsa && (
        <div class="cost-hsa">
          <p>{plan.hsa.explanation}</p>
          {plan.hsa.clinicNote && <p>{plan.hsa.clinicNote}</p>}
        </div>
      )}

      <HowWorkedOut plan={plan} />

      {financing.map((f) => (
        <p class="cost-financing" key={f.id}>
          <strong>Paying over time.</strong> <Glossed text={f.text} />
        </p>
      ))}

      {sources && <SectionSources today={today} groups={planSourceGroups(plan, financing)} />}
    </div>
  );
}
