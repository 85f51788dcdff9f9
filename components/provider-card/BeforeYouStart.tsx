/**
 * "Before you start": general, sourced facts every reader should have before choosing a clinic — side
 * effects and risks, common reasons a clinic may say ketamine is not suitable, and response rates from
 * studies (not clinic marketing). From general.json; every item carries its sources.
 *
 *   BeforeYouStart({ general, today?, collapsible?, open?, headingLevel? })
 *
 *   collapsible   true (default): a <details> with a summary, for the bottom of a provider card;
 *                 false: a <section> with its own heading, for a view of its own.
 *   open          start expanded (collapsible only).
 *   headingLevel  level of the section heading when not collapsible (default 2); group headings are one
 *                 level below it (or, in a <details>, this level: default 3 under the card's h2).
 *
 * The 988 crisis line is always visible in the panel footer (Disclaimer), so it is not repeated here.
 */
import type { ComponentChildren } from 'preact';
import type { General, Statement } from '@/lib/dataset/general-schema';
import { formatDate } from '@/lib/format/dates';
import { SourcedList } from '@/components/common/SourcedList';

export interface BeforeYouStartProps {
  general: General;
  today?: Date;
  collapsible?: boolean;
  open?: boolean;
  headingLevel?: 2 | 3 | 4;
}

const BEFORE_YOU_START_TITLE = 'Before you start';

type Level = 2 | 3 | 4 | 5;

function Heading({ level, id, children }: { level: Level; id?: string; children: ComponentChildren }) {
  const Tag = `h${level}` as 'h2';
  return (
    <Tag class="before__heading" id={id}>
      {children}
    </Tag>
  );
}

function Group({ title, lead, items, level, today }: { title: string; lead: string; items: readonly Statement[]; level: Level; today: Date }) {
  if (items.length === 0) return null;
  return (
    <div class="before__group">
      <Heading level={level}>{title}</Heading>
      <p class="before__lead">{lead}</p>
      <SourcedList items={items} today={today} class="before__list" />
    </div>
  );
}

const GROUPS = [
  { key: 'sideEffects', title: 'Side effects and risks', lead: 'What studies and regulators report.' },
  { key: 'contraindications', title: 'When a clinic may say it is not suitable', lead: 'Common reasons on screening lists; each clinic sets its own.' },
  { key: 'responseRates', title: 'What studies found', lead: "Results from published studies, not clinics' own figures." },
] as const;

export function BeforeYouStart({ general, today = new Date(), collapsible = true, open = false, headingLevel }: BeforeYouStartProps) {
  const top: Level = headingLevel ?? (collapsible ? 3 : 2);
  const groupLevel: Level = collapsible ? top : ((top + 1) as Level);
  const body = (
    <>
      <p class="before__intro">
        Ketamine treatment helps some people and not others, and it is not suitable for everyone. These are general
        facts from the sources shown, not advice about you. A clinic should check your health before the first session,
        and your own clinician can help you weigh what applies to you.
      </p>
      {GROUPS.map((g) => (
        <Group key={g.key} title={g.title} lead={g.lead} items={general[g.key]} level={groupLevel} today={today} />
      ))}
      <p class="reviewed">Last reviewed {formatDate(general.lastReviewed)}.</p>
    </>
  );

  if (collapsible) {
    return (
      <details class="before" open={open}>
        <summary class="before__summary">
          {BEFORE_YOU_START_TITLE}: side effects, who it may not suit, and what studies found
        </summary>
        {body}
      </details>
    );
  }
  return (
    <section class="before" aria-labelledby="before-you-start-heading">
      <Heading level={top} id="before-you-start-heading">
        {BEFORE_YOU_START_TITLE}
      </Heading>
      {body}
    </section>
  );
}
