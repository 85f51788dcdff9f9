import type { ComponentChildren } from 'preact';
import type { CostPlan } from '@/lib/cost/plan';
import { planSourceGroups } from '@/lib/cost/summary';
import type { Provider, Source, UsState } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import {
  CONDITION_LABEL,
  DELIVERY_LABEL,
  INSURANCE_LABEL,
  KIND_LABEL,
  MODALITY_LABEL,
  STATUS_LABEL,
  TRI_LABEL,
} from '@/lib/format/labels';
import { Unknown } from '@/components/common/Unknown';
import { Section } from '@/components/common/Section';
import { SourceRefs } from '@/components/common/SourceRefs';
import { CardSummary } from './CardSummary';
import { Glossed } from './Glossed';
import { LocationList } from './LocationList';
import { PriceList } from './PriceList';
import { SectionSources, type SourceGroup } from './SectionSources';

interface Props {
  provider: Provider;
  /** Other providers, to name the ones this one is confused with. */
  nameOf: (id: string) => string | undefined;
  today?: Date;
  /** Shortlist and compare buttons, supplied by the view: shown in the summary. */
  actions?: ComponentChildren;
  /** "Changed since you saved it" (ChangeNotice), supplied by the view: shown under the title. */
  notice?: ComponentChildren;
  /** Opens another provider's card. */
  onOpen?: (id: string) => void;
  /** The cost plan with the user's options, for the summary's first-series estimate (none: no estimate shown). */
  plan?: CostPlan | null;
  /** The cost plan (CostEstimate), supplied by the view: the start of "Costs". Left out for a closed or acquired provider. */
  estimate?: ComponentChildren;
  /** The question checklist (Checklist), supplied by the view: in "Questions". Left out for a closed or acquired provider. */
  checklist?: ComponentChildren;
  /** General safety facts (BeforeYouStart, collapsible), supplied by the view: the "Safety" section. */
  beforeYouStart?: ComponentChildren;
  /** For a closed or acquired provider: open Browse filtered to one of its states. */
  onBrowseState?: (state: UsState) => void;
  /** The Spravato savings programme's statement (general.json), said in the summary of providers offering Spravato. */
  spravatoSavings?: { perTreatment: number | null; sources: readonly Source[] };
}

const list = (items: string[]) => (items.length ? items.join(', ') : null);

/** One fact of a section: label, value and note, with jargon explained; its sources are in the section's toggle. */
function Item({ label, children, note }: { label: string; children: ComponentChildren; note?: string }) {
  return (
    <div class="fact">
      <dt class="fact__label">
        <Glossed text={label} />
      </dt>
      <dd class="fact__value">
        {children}
        {note && (
          <span class="fact__note">
            <Glossed text={note} />
          </span>
        )}
      </dd>
    </div>
  );
}

/** Scrolls to a section and moves focus to its heading (a <details> in it is opened first). */
function jumpTo(id: string) {
  const heading = document.getElementById(`${id}-heading`);
  if (!heading) return;
  const section = heading.closest('section');
  const details = section?.querySelector('details');
  if (details && id === 'safety') details.open = true;
  heading.setAttribute('tabindex', '-1');
  heading.scrollIntoView({ block: 'start' });
  heading.focus({ preventScroll: true });
}

const sourcesOf = (...lists: ReadonlyArray<readonly Source[] | undefined>): Source[] => lists.flatMap((l) => l ?? []);

export function ProviderCard({
  provider: p,
  nameOf,
  today = new Date(),
  actions,
  notice,
  onOpen,
  plan = null,
  estimate,
  checklist,
  beforeYouStart,
  onBrowseState,
  spravatoSavings,
}: Props) {
  const modalities = list(p.modalities.value.map((m) => MODALITY_LABEL[m]));
  const conditions = list([...p.conditions.value.map((c) => CONDITION_LABEL[c]), ...p.conditions.other]);
  const hasQuestions = p.questions.length > 0 || checklist !== undefined;
  const sections: Array<readonly [string, string]> = [
    ['costs', 'Costs'],
    ['insurance', 'Insurance'],
    ['treatment', 'Treatment'],
    ['staff', 'Staff'],
    ...(hasQuestions ? [['questions', 'Questions'] as const] : []),
    ...(beforeYouStart ? [['safety', 'Safety'] as const] : []),
    ['sources', 'Sources'],
  ];

  const priceGroups: SourceGroup[] = p.prices.map((x) => ({ label: `Published price: ${x.label}`, sources: x.sources }));
  const costGroups: SourceGroup[] = [...(estimate && plan ? planSourceGroups(plan) : []), ...priceGroups];

  return (
    <article class="card" aria-labelledby="card-title">
      <header class="card__header">
        <p class="card__kind">{KIND_LABEL[p.kind]}</p>
        <h2 class="card__title" id="card-title">
          {p.name}
        </h2>
        {p.aka.length > 0 && <p class="card__aka">Also known as {p.aka.join(', ')}</p>}
      </header>
      {notice}
      <CardSummary
        provider={p}
        plan={plan}
        actions={actions}
        onJump={jumpTo}
        onBrowseState={onBrowseState}
        spravatoSavings={spravatoSavings?.perTreatment ?? null}
        spravatoSavingsSources={spravatoSavings?.sources ?? []}
        today={today}
        sections={sections}
      />

      {p.confusableWith.map((c) => (
        <div class="notice notice--warn card__confusable" key={c.id}>
          <p>
            <strong>Not the same as </strong>
            {onOpen ? (
              <button type="button" class="link" onClick={() => onOpen(c.id)}>
                {nameOf(c.id) ?? c.id}
              </button>
            ) : (
              (nameOf(c.id) ?? c.id)
            )}
            . {c.reason}
          </p>
          <SectionSources groups={[{ label: 'Not the same provider', sources: c.sources }]} today={today} />
        </div>
      ))}

      <Section title="Costs" id="costs">
        {estimate}
        {estimate ? <h4 class="card__subhead">Published prices</h4> : null}
        <PriceList prices={p.prices} note={p.pricesNote} />
        <SectionSources groups={costGroups} today={today} />
      </Section>

      <Section title="Insurance and paying" id="insurance">
        <dl class="facts">
          <Item label="Insurance" note={p.insurance.note}>
            {INSURANCE_LABEL[p.insurance.accepted]}
            {p.insurance.networks.length > 0 && (
              <span>
                {' — '}
                <Glossed text={p.insurance.networks.join(', ')} />
              </span>
            )}
          </Item>
          <Item label="Superbill for reimbursement">{TRI_LABEL[p.insurance.superbill]}</Item>
          <Item label="Medicare / Medicaid">
            Medicare: {TRI_LABEL[p.insurance.medicare]} · Medicaid: {TRI_LABEL[p.insurance.medicaid]}
          </Item>
          <Item label="HSA / FSA">{TRI_LABEL[p.financing.hsaFsa]}</Item>
          <Item label="CareCredit">{TRI_LABEL[p.financing.careCredit]}</Item>
          <Item label="Payment plans" note={p.financing.note}>
            {TRI_LABEL[p.financing.paymentPlans]}
          </Item>
        </dl>
        <SectionSources
          groups={[
            { label: 'Insurance', sources: p.insurance.sources },
            { label: 'HSA/FSA, CareCredit and payment plans', sources: p.financing.sources },
          ]}
          today={today}
        />
      </Section>

      <Section title="Treatment and locations" id="treatment">
        <p class="card__summary">
          <Glossed text={p.summary} />
        </p>
        <dl class="facts">
          <Item label="Forms of ketamine" note={p.modalities.note}>
            {modalities ? <Glossed text={modalities} /> : <Unknown />}
          </Item>
          <Item label="Where" note={p.delivery.note}>
            {p.delivery.value === 'unknown' ? <Unknown /> : DELIVERY_LABEL[p.delivery.value]}
          </Item>
          <Item label="Conditions" note={p.conditions.note}>
            {conditions ? <Glossed text={conditions} /> : <Unknown>Not listed in the sources</Unknown>}
          </Item>
          {p.protocol && (
            <Item label="Initial series" note={p.protocol.note}>
              {p.protocol.initialSessions ? `${p.protocol.initialSessions} sessions` : <Unknown>Not published</Unknown>}
            </Item>
          )}
          <Item label="Locations">
            <LocationList provider={p} />
          </Item>
        </dl>
        <SectionSources
          groups={[
            { label: 'Forms of ketamine', sources: p.modalities.sources },
            { label: 'In clinic or at home', sources: p.delivery.sources },
            { label: 'Conditions', sources: p.conditions.sources },
            { label: 'Initial series', sources: p.protocol?.sources ?? [] },
            ...p.locations.map((l) => ({ label: `Location: ${l.city ?? l.state}`, sources: l.sources })),
            { label: 'States served', sources: p.statesServed?.value ? p.statesServed.sources : [] },
          ]}
          today={today}
        />
      </Section>

      <Section title="Staff and therapy" id="staff">
        <dl class="facts">
          <Item label="Who prescribes">{p.staff.prescribers ? <Glossed text={p.staff.prescribers} /> : <Unknown />}</Item>
          <Item label="Who administers and monitors" note={p.staff.note}>
            {p.staff.administers ? <Glossed text={p.staff.administers} /> : <Unknown />}
          </Item>
          <Item label="Therapy included" note={p.therapy.note}>
            {TRI_LABEL[p.therapy.integrated]}
          </Item>
        </dl>
        <SectionSources
          groups={[
            { label: 'Staff', sources: p.staff.sources },
            { label: 'Therapy', sources: p.therapy.sources },
          ]}
          today={today}
        />
      </Section>

      {p.comparison.length > 0 && (
        <Section title="Worth knowing when comparing" id="comparison">
          <ul class="plain-list">
            {p.comparison.map((c, i) => (
              <li key={i}>
                <span class={`tag tag--${c.kind === 'strength' ? 'ok' : 'warn'}`}>{c.kind === 'strength' ? 'Strength' : 'Consider'}</span>{' '}
                <Glossed text={c.text} />
              </li>
            ))}
          </ul>
          <SectionSources groups={p.comparison.map((c, i) => ({ label: `Note ${i + 1}`, sources: c.sources }))} today={today} />
        </Section>
      )}

      {p.claims.length > 0 && (
        <Section title="What the provider says about itself" id="claims">
          <p class="fact__note">The provider's own claims, not independently checked.</p>
          <ul class="plain-list">
            {p.claims.map((c, i) => (
              <li key={i}>
                <Glossed text={c.text} />
              </li>
            ))}
          </ul>
          <SectionSources groups={p.claims.map((c, i) => ({ label: `Claim ${i + 1}`, sources: c.sources }))} today={today} />
        </Section>
      )}

      {hasQuestions && (
        <Section title="Questions to ask" id="questions">
          {p.questions.length > 0 && (
            <>
              <h4 class="card__subhead">About this provider</h4>
              <ul class="plain-list card__questions">
                {p.questions.map((q, i) => (
                  <li key={i}>
                    <Glossed text={q} />
                  </li>
                ))}
              </ul>
            </>
          )}
          {checklist && (
            <>
              <h4 class="card__subhead" id="checklist-heading">
                Your checklist
              </h4>
              {checklist}
            </>
          )}
        </Section>
      )}

      {beforeYouStart && (
        <Section title="Safety" id="safety">
          {beforeYouStart}
        </Section>
      )}

      <Section title="Sources" id="sources">
        <p class="card__status-detail">
          <strong>Status: {STATUS_LABEL[p.status.state]}.</strong> <Glossed text={p.status.detail} />
        </p>
        <SourceRefs sources={sourcesOf(p.status.sources)} today={today} label="Status sources" />
        <SourceRefs sources={p.sources} today={today} label="Main sources" />
        <p class="reviewed">
          Facts last reviewed {formatDate(p.lastReviewed)}, from archived copies of public pages. Details may have
          changed since.
        </p>
      </Section>
    </article>
  );
}
