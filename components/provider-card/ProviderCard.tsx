import type { ComponentChildren } from 'preact';
import type { Provider } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import {
  CONDITION_LABEL,
  DELIVERY_LABEL,
  INSURANCE_LABEL,
  KIND_LABEL,
  MODALITY_LABEL,
  TRI_LABEL,
} from '@/lib/format/labels';
import { Fact } from '@/components/common/Fact';
import { Unknown } from '@/components/common/Unknown';
import { LocationList } from './LocationList';
import { PriceList } from './PriceList';
import { Section } from '@/components/common/Section';
import { SourcedList } from '@/components/common/SourcedList';
import { SourceRefs } from '@/components/common/SourceRefs';
import { StatusBanner } from './StatusBanner';

interface Props {
  provider: Provider;
  /** Other providers, to name the ones this one is confused with. */
  nameOf: (id: string) => string | undefined;
  today?: Date;
  /** Shortlist and compare buttons, supplied by the view. */
  actions?: ComponentChildren;
  /** "Changed since you saved it" (ChangeNotice), supplied by the view: shown under the title. */
  notice?: ComponentChildren;
  /** Opens another provider's card. */
  onOpen?: (id: string) => void;
  /** The cost plan (CostEstimate), supplied by the view: shown as "What it might cost" after "Costs". */
  estimate?: ComponentChildren;
  /** The question checklist (Checklist), supplied by the view: shown after "Questions to ask". */
  checklist?: ComponentChildren;
  /** General safety facts (BeforeYouStart, collapsible), supplied by the view: shown at the bottom of the card. */
  beforeYouStart?: ComponentChildren;
}

const list = (items: string[]) => (items.length ? items.join(', ') : null);

export function ProviderCard({ provider: p, nameOf, today = new Date(), actions, notice, onOpen, estimate, checklist, beforeYouStart }: Props) {
  const modalities = list(p.modalities.value.map((m) => MODALITY_LABEL[m]));
  const conditions = list([...p.conditions.value.map((c) => CONDITION_LABEL[c]), ...p.conditions.other]);
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
      <StatusBanner provider={p} today={today} />
      {p.confusableWith.map((c) => (
        <div class="notice notice--warn" key={c.id}>
          <p>
            <strong>Not the same as </strong>
            {onOpen ? (
              <button type="button" class="link" onClick={() => onOpen(c.id)}>
                {nameOf(c.id) ?? c.id}
              </button>
            ) : (
              nameOf(c.id) ?? c.id
            )}
            . {c.reason}
          </p>
          <SourceRefs sources={c.sources} today={today} />
        </div>
      ))}
      <p class="card__summary">{p.summary}</p>
      {actions && <div class="card__actions">{actions}</div>}

      <Section title="Treatment" id="treatment">
        <dl class="facts">
          <Fact label="Forms of ketamine" note={p.modalities.note} sources={modalities ? p.modalities.sources : undefined} today={today}>
            {modalities ?? <Unknown />}
          </Fact>
          <Fact label="Where" note={p.delivery.note} sources={p.delivery.value === 'unknown' ? undefined : p.delivery.sources} today={today}>
            {p.delivery.value === 'unknown' ? <Unknown /> : DELIVERY_LABEL[p.delivery.value]}
          </Fact>
          <Fact label="Conditions" note={p.conditions.note} sources={conditions ? p.conditions.sources : undefined} today={today}>
            {conditions ?? <Unknown>Not listed in the sources</Unknown>}
          </Fact>
          {p.protocol && (
            <Fact label="Initial series" note={p.protocol.note} sources={p.protocol.sources} today={today}>
              {p.protocol.initialSessions ? `${p.protocol.initialSessions} sessions` : <Unknown>Not published</Unknown>}
            </Fact>
          )}
        </dl>
      </Section>

      <Section title="Locations" id="locations">
        <LocationList provider={p} today={today} />
      </Section>

      <Section title="Costs" id="costs">
        <PriceList prices={p.prices} note={p.pricesNote} today={today} />
      </Section>

      {estimate && (
        <Section title="What it might cost" id="estimate">
          {estimate}
        </Section>
      )}

      <Section title="Insurance and financing" id="insurance">
        <dl class="facts">
          <Fact label="Insurance" note={p.insurance.note} sources={p.insurance.sources} today={today}>
            {INSURANCE_LABEL[p.insurance.accepted]}
            {p.insurance.networks.length > 0 && <span> — {p.insurance.networks.join(', ')}</span>}
          </Fact>
          <Fact label="Superbill for reimbursement" today={today}>{TRI_LABEL[p.insurance.superbill]}</Fact>
          <Fact label="Medicare / Medicaid" today={today}>
            Medicare: {TRI_LABEL[p.insurance.medicare]} · Medicaid: {TRI_LABEL[p.insurance.medicaid]}
          </Fact>
          <Fact label="HSA / FSA" today={today}>{TRI_LABEL[p.financing.hsaFsa]}</Fact>
          <Fact label="CareCredit" today={today}>{TRI_LABEL[p.financing.careCredit]}</Fact>
          <Fact label="Payment plans" note={p.financing.note} sources={p.financing.sources} today={today}>
            {TRI_LABEL[p.financing.paymentPlans]}
          </Fact>
        </dl>
      </Section>

      <Section title="Staff and therapy" id="staff">
        <dl class="facts">
          <Fact label="Who prescribes" today={today}>{p.staff.prescribers ?? <Unknown />}</Fact>
          <Fact label="Who administers and monitors" note={p.staff.note} sources={p.staff.sources} today={today}>
            {p.staff.administers ?? <Unknown />}
          </Fact>
          <Fact label="Therapy included" note={p.therapy.note} sources={p.therapy.sources} today={today}>
            {TRI_LABEL[p.therapy.integrated]}
          </Fact>
        </dl>
      </Section>

      {p.claims.length > 0 && (
        <Section title="What the provider says about itself" id="claims">
          <p class="fact__note">The provider's own claims, not independently checked.</p>
          <SourcedList items={p.claims} today={today} />
        </Section>
      )}

      {p.comparison.length > 0 && (
        <Section title="Worth knowing when comparing" id="comparison">
          <SourcedList
            items={p.comparison.map((c) => ({
              ...c,
              lead: (
                <>
                  <span class={`tag tag--${c.kind === 'strength' ? 'ok' : 'warn'}`}>{c.kind === 'strength' ? 'Strength' : 'Consider'}</span>{' '}
                </>
              ),
            }))}
            today={today}
          />
        </Section>
      )}

      {p.questions.length > 0 && (
        <Section title="Questions to ask" id="questions">
          <ul class="plain-list">
            {p.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ul>
        </Section>
      )}

      {checklist && (
        <Section title="Your checklist" id="checklist">
          {checklist}
        </Section>
      )}

      <Section title="Sources" id="sources">
        <SourceRefs sources={p.sources} today={today} label="Main sources" />
        <p class="reviewed">
          Facts last reviewed {formatDate(p.lastReviewed)}, from archived copies of public pages. Details may
          have changed since.
        </p>
      </Section>

      {beforeYouStart && <div class="card__before">{beforeYouStart}</div>}
    </article>
  );
}
