/**
 * The answer on the first screen (a label in the manner of NewsGuard's: one compact block, sources one tap
 * away): status first when the provider cannot simply be booked, what and where, the price per session or
 * "Not published", the initial-series estimate, insurance, HSA/FSA, CareCredit, the shortlist and compare
 * actions, and jump links to the card's sections. A closed or acquired provider shows what happened, where it
 * was and links to open providers in its states instead of prices, an estimate and payment facts.
 *
 *   CardSummary({ provider, plan, actions?, onJump, onBrowseState?, today })
 *
 *   plan           the cost plan with the user's options (null: no estimate, e.g. closed or acquired).
 *   onJump         (sectionId) => void: the jump links' target (the card scrolls and focuses it).
 *   onBrowseState  for a closed or acquired provider: open Browse filtered to one of its states.
 */
import type { ComponentChildren } from 'preact';
import type { CostPlan } from '@/lib/cost/plan';
import type { Provider, Source, UsState } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import { INSURANCE_LABEL, MODALITY_LABEL, STATUS_LABEL, TRI_LABEL } from '@/lib/format/labels';
import { ESTIMATE_CAPTION, formatDollars, formatMaybeRange, formatRange } from '@/lib/format/money';
import { STATE_NAME } from '@/lib/browse/states';
import { Glossed } from './Glossed';
import { SectionSources, type SourceGroup } from './SectionSources';
import { Unknown } from '@/components/common/Unknown';

interface Props {
  provider: Provider;
  plan: CostPlan | null;
  actions?: ComponentChildren;
  onJump: (id: string) => void;
  onBrowseState?: (state: UsState) => void;
  /** The Spravato savings programme's medication cost per treatment (general.json), for providers offering Spravato. */
  spravatoSavings?: number | null;
  spravatoSavingsSources?: readonly Source[];
  today: Date;
  /** The sections the card has, in order, for the jump links: [id, label]. */
  sections: ReadonlyArray<readonly [string, string]>;
}

const SHORT_MODALITY: Record<Provider['modalities']['value'][number], string> = {
  ...MODALITY_LABEL,
  'esketamine-nasal': 'Spravato (esketamine) nasal spray',
};

function placeName(l: Provider['locations'][number]): string {
  return l.city ? `${l.city}, ${l.state}` : STATE_NAME[l.state];
}

function Where({ p }: { p: Provider }) {
  const delivery = p.delivery.value;
  const mode =
    delivery === 'at-home' ? 'At home (telehealth)' : delivery === 'both' ? 'In clinic and at home' : delivery === 'in-clinic' ? 'In clinic' : null;
  const shown = p.locations.slice(0, 3);
  const more = p.locations.length - shown.length;
  const served = p.statesServed;
  return (
    <>
      {mode ?? <Unknown>In clinic or at home: not published</Unknown>}
      {shown.length > 0 && ': '}
      {shown.map((l, i) => (
        <span key={i}>
          {i > 0 && '; '}
          {placeName(l)}
          {!l.confirmed && <span class="tag tag--warn">not confirmed</span>}
        </span>
      ))}
      {more > 0 && <span> and {more} more</span>}
      {served && (
        <span class="summary__served">
          {' '}
          — {served.value ? `serves ${served.value.length > 6 ? `${served.value.length} states` : served.value.join(', ')}` : 'states served not published'}
        </span>
      )}
      {p.locations.length === 0 && !served && delivery !== 'at-home' && p.kind !== 'medication-programme' && <Unknown> — no location found</Unknown>}
    </>
  );
}

function PerSession({ plan, spravatoSavings }: { plan: CostPlan | null; spravatoSavings: number | null }) {
  const line = plan?.lines.perSession;
  if (line && line.range && plan?.spravato?.applies && line.basis === 'published') {
    return (
      <>
        {formatRange(line.range)} <span class="summary__aside">for the medication with the savings programme, plus the clinic's fees</span>
      </>
    );
  }
  // Where the manufacturer's sourced programme figure applies, it is said here too (the option is in Costs).
  const savings =
    spravatoSavings !== null && plan && !plan.spravato?.applies ? (
      <span class="summary__aside summary__savings">
        {' '}
        With commercial insurance, the savings programme: {formatDollars(spravatoSavings)} per treatment for the medication.
      </span>
    ) : null;
  if (line && line.range && (line.basis === 'published' || line.basis === 'quote')) {
    return (
      <>
        {formatRange(line.range)}
        {line.basis === 'quote' && <span class="tag tag--ok">your quote</span>}
        {line.thirdParty && <span class="tag tag--warn">third-party figure</span>}
        {line.fromPackage && <span class="summary__aside"> (from a package price)</span>}
        {savings}
      </>
    );
  }
  return (
    <>
      <Unknown>Not published</Unknown>
      {savings}
    </>
  );
}

function FirstSeries({ plan }: { plan: CostPlan }) {
  const { series, lines } = plan;
  const line = lines.firstSeries;
  const what = series.from === 'default' ? series.typical : `${series.sessions} sessions`;
  const basis =
    line.basis === 'typical'
      ? "typical prices, not this clinic's"
      : line.basis === 'mixed' && line.typicalIds.length > 0
        ? "partly typical prices, not this clinic's"
        : line.basis === 'quote'
          ? 'your quote'
          : null;
  return (
    <>
      <span class="summary__series">{what}</span>
      {line.range ? (
        <>
          : <strong>about {formatMaybeRange(line.range)}</strong> with the consultation
        </>
      ) : (
        <>
          : <Unknown>no price found</Unknown>
        </>
      )}
      {basis && <span class="summary__aside"> ({basis})</span>}
      <span class="summary__caption"> {ESTIMATE_CAPTION.replace(/\.$/, '')}.</span>
    </>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="summary__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CardSummary({ provider: p, plan, actions, onJump, onBrowseState, spravatoSavings = null, spravatoSavingsSources = [], today, sections }: Props) {
  const { status } = p;
  // Closed or acquired: what happened and where to look, instead of an estimate.
  const gone = status.state === 'closed' || status.state === 'acquired';
  const blocked = status.state !== 'operating';
  const tone = status.state === 'closed' ? 'danger' : 'warn';
  const since = status.since ? ` since ${formatDate(status.since)}` : '';
  const states = [...new Set(p.locations.map((l) => l.state))];
  const modalities = p.modalities.value.map((m) => SHORT_MODALITY[m]).join(', ');

  const groups: SourceGroup[] = [
    { label: `Status: ${STATUS_LABEL[status.state]}`, sources: status.sources },
    { label: 'What', sources: p.modalities.sources },
    { label: 'Where', sources: [...p.delivery.sources, ...p.locations.flatMap((l) => l.sources), ...(p.statesServed?.sources ?? [])] },
    { label: 'Per session', sources: plan && plan.lines.perSession.basis === 'published' ? plan.lines.perSession.sources : [] },
    ...(spravatoSavings !== null && p.modalities.value.includes('esketamine-nasal') ? [{ label: 'Spravato savings programme', sources: spravatoSavingsSources }] : []),
    { label: 'Initial series', sources: plan ? [...plan.series.sources, ...plan.lines.firstSeries.sources] : [] },
    { label: 'Insurance', sources: p.insurance.sources },
    { label: 'HSA/FSA and CareCredit', sources: p.financing.sources },
  ];

  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h3 class="visually-hidden" id="summary-heading">
        At a glance
      </h3>
      {blocked && (
        <div class={`status status--${tone} summary__status`} role={gone ? 'alert' : undefined}>
          <p class="status__state">
            <strong>{STATUS_LABEL[status.state]}</strong>
            {since}
          </p>
          <p class="status__detail">
            <Glossed text={status.detail} />
          </p>
          {gone && onBrowseState && states.length > 0 && (
            <div class="summary__elsewhere">
              <p class="summary__elsewhere-lead">Find open providers near its {status.state === 'closed' ? 'former ' : ''}locations:</p>
              <ul class="summary__states">
                {states.map((s) => (
                  <li key={s}>
                    <button type="button" class="link" onClick={() => onBrowseState(s)} aria-label={`Browse open providers in ${STATE_NAME[s]}`}>
                      {STATE_NAME[s]}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
      <dl class="summary__facts">
        {!blocked && (
          <Row label="Status">
            <span class="summary__ok">{STATUS_LABEL[status.state]}</span>
          </Row>
        )}
        <Row label="What">{modalities || <Unknown>Not published</Unknown>}</Row>
        <Row label="Where">
          <Where p={p} />
        </Row>
        {!gone && (
          <>
            <Row label="Per session">
              <PerSession plan={plan} spravatoSavings={p.modalities.value.includes('esketamine-nasal') && p.insurance.accepted !== 'no' ? spravatoSavings : null} />
            </Row>
            {plan && (
              <Row label="First series">
                <FirstSeries plan={plan} />
              </Row>
            )}
            <Row label="Insurance">
              {INSURANCE_LABEL[p.insurance.accepted]}
              {p.insurance.accepted !== 'unknown' && p.insurance.medicare === 'yes' && <span class="summary__aside"> · Medicare: yes</span>}
            </Row>
            <Row label="HSA/FSA">
              {TRI_LABEL[p.financing.hsaFsa]}
              <span class="summary__aside"> · CareCredit: </span>
              {TRI_LABEL[p.financing.careCredit]}
            </Row>
          </>
        )}
      </dl>
      {actions && <div class="summary__actions">{actions}</div>}
      <SectionSources groups={groups} today={today} />
      <nav class="summary__jump" aria-label="On this card">
        <ul>
          {sections.map(([id, label]) => (
            <li key={id}>
              <a
                href={`#${id}-heading`}
                onClick={(e) => {
                  e.preventDefault();
                  onJump(id);
                }}
              >
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
