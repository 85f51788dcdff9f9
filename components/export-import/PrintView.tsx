/**
 * A print-friendly page of shortlists: per clinic its key facts from the dataset, the cost estimate, the
 * user's status, quote, notes and checklist answers, and the sources (with their addresses written out, so
 * they survive on paper), under the disclaimer. Presentational: the caller passes the records.
 */
import type { ComponentChildren } from 'preact';
import type { General } from '@/lib/dataset/general-schema';
import type { Provider, Source } from '@/lib/dataset/schema';
import { groupItems, localDate } from '@/lib/export';
import { answerLines, DISCLAIMER, ESTIMATE_NOTE, ITEM_STATUS_LABEL, factsBuilder, quoteText, type ItemFacts } from '@/lib/export/facts';
import { formatDate } from '@/lib/format/dates';
import { safeHref, siteName } from '@/lib/format/links';
import type { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';

export interface PrintViewProps {
  /** The lists to show, in order. */
  shortlists: readonly Shortlist[];
  /** Their items (any order; shown by position). */
  items: readonly ShortlistItem[];
  providerById: (id: string) => Provider | undefined;
  /** For the checklist question texts. */
  general: Pick<General, 'questions'> | null;
  /** The date printed in the header. */
  today: Date;
  /** One-line cost estimate per item (see costLineFor). */
  costLine?: (item: ShortlistItem) => string | undefined;
  /** What the page covers, e.g. the list name; default "all lists". */
  title?: string;
}

export function PrintView({ shortlists, items, providerById, general, today, costLine, title }: PrintViewProps) {
  const facts = factsBuilder(providerById);
  const groups = groupItems(shortlists, items);
  return (
    <article class="print-view" aria-labelledby="print-title">
      <header class="print-view__head">
        <h2 class="print-view__title" id="print-title">
          Clinic Scout shortlist: {title ?? 'all lists'}
        </h2>
        <p class="print-view__date">Prepared {localDate(today)}</p>
        <p class="print-view__disclaimer">{DISCLAIMER}</p>
      </header>
      {groups.length === 0 && <p class="message">There are no clinics to show.</p>}
      {groups.map(({ list, items: listItems }) => (
        <section class="print-list" key={list.id} aria-label={list.name}>
          <h3 class="print-list__title">{list.name}</h3>
          {listItems.length === 0 && <p class="print-list__empty">No clinics on this list.</p>}
          {listItems.map((item) => (
            <PrintItem key={item.id} item={item} facts={facts(item)} general={general} cost={costLine?.(item)} />
          ))}
        </section>
      ))}
    </article>
  );
}

function Row({ label, children }: { label: string; children: ComponentChildren }) {
  if (children === null || children === undefined || children === '') return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

function PrintItem({ item, facts, general, cost }: { item: ShortlistItem; facts: ItemFacts; general: Pick<General, 'questions'> | null; cost: string | undefined }) {
  const c = facts.clinic;
  const answers = answerLines(item, general);
  const quote = quoteText(item);
  const website = safeHref(facts.website);
  const est = (label: string) => `${label} (${ESTIMATE_NOTE})`;
  return (
    <section class="print-item" aria-label={facts.name}>
      <h4 class="print-item__name">{facts.name}</h4>
      {!c.operating && (
        <p class="print-item__warn">
          <strong>{c.status}.</strong> {c.statusDetail}
        </p>
      )}
      <div class="print-item__cols">
        <div class="print-item__col">
          <h5>{c.origin === 'dataset' ? 'Key facts (from Clinic Scout’s data)' : 'Clinic'}</h5>
          <dl class="print-facts">
            <Row label="Clinic status">{c.operating ? c.status : `${c.status}${c.statusDetail ? `. ${c.statusDetail}` : ''}`}</Row>
            <Row label="Website">{website ? <a href={website}>{facts.website}</a> : null}</Row>
            <Row label="Treatments">{c.treatments}</Row>
            <Row label="Delivery">{c.delivery}</Row>
            <Row label="Locations">{c.locations.join('; ')}</Row>
            <Row label={est('Consultation')}>{c.consultation.join('; ') || (c.origin === 'dataset' ? 'not published' : null)}</Row>
            <Row label={est('Per session')}>{c.perSession.join('; ') || (c.origin === 'dataset' ? 'not published' : null)}</Row>
            <Row label={est('Other prices')}>{c.otherPrices.join('; ')}</Row>
            <Row label="About prices">{c.pricesNote}</Row>
            <Row label="Insurance">{c.insurance}</Row>
            <Row label="Financing">{c.financing}</Row>
            <Row label="Cost estimate">{cost}</Row>
          </dl>
        </div>
        <div class="print-item__col">
          <h5>Your notes</h5>
          <dl class="print-facts">
            <Row label="Your status">{ITEM_STATUS_LABEL[item.status]}</Row>
            <Row label="Quote">{quote || item.quote?.note ? [quote, item.quote?.note].filter(Boolean).join(' — ') : null}</Row>
          </dl>
          {item.notes && <p class="print-item__notes">{item.notes}</p>}
          {answers.length > 0 && (
            <>
              <h6 class="print-item__sub">Checklist answers</h6>
              <ul class="print-checklist">
                {answers.map((a) => (
                  <li key={a.questionId}>
                    <span aria-hidden="true">{a.done ? '☑ ' : '☐ '}</span>
                    <span class="visually-hidden">{a.done ? 'Done: ' : 'Not done: '}</span>
                    <span class="print-checklist__q">{a.question}</span>
                    {a.text && <p class="print-checklist__a">{a.text}</p>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
      {c.sources.length > 0 && <Sources sources={c.sources} />}
    </section>
  );
}

function Sources({ sources }: { sources: readonly Source[] }) {
  return (
    <div class="print-sources">
      <h5>Sources</h5>
      <ol>
        {sources.map((s) => {
          const href = safeHref(s.url);
          return (
            <li key={s.url}>
              {href ? <a href={href}>{s.title ?? siteName(s.url)}</a> : (s.title ?? siteName(s.url))}
              {s.date ? `, ${formatDate(s.date)}` : ''}
              {s.thirdParty ? ' (third party)' : ''}
              <span class="print-sources__url"> — {s.url}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
