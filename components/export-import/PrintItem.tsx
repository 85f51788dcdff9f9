import type { General } from '@/lib/dataset/general-schema';
import { answerLines, ESTIMATE_NOTE, ITEM_STATUS_LABEL, quoteText, type ItemFacts } from '@/lib/export/facts';
import { safeHref } from '@/lib/format/links';
import type { ShortlistItem } from '@/lib/shortlist/schema';
import { PrintRow } from './PrintRow';
import { PrintSources } from './PrintSources';

/** One clinic on the print page: its facts, the user's status, quote, notes and answers, and its sources. */
export function PrintItem({ item, facts, general, cost }: { item: ShortlistItem; facts: ItemFacts; general: Pick<General, 'questions'> | null; cost: string | undefined }) {
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
            <PrintRow label="Clinic status">{c.operating ? c.status : `${c.status}${c.statusDetail ? `. ${c.statusDetail}` : ''}`}</PrintRow>
            <PrintRow label="Website">{website ? <a href={website}>{facts.website}</a> : null}</PrintRow>
            <PrintRow label="Treatments">{c.treatments}</PrintRow>
            <PrintRow label="Delivery">{c.delivery}</PrintRow>
            <PrintRow label="Locations">{c.locations.join('; ')}</PrintRow>
            <PrintRow label={est('Consultation')}>{c.consultation.join('; ') || (c.origin === 'dataset' ? 'not published' : null)}</PrintRow>
            <PrintRow label={est('Per session')}>{c.perSession.join('; ') || (c.origin === 'dataset' ? 'not published' : null)}</PrintRow>
            <PrintRow label={est('Other prices')}>{c.otherPrices.join('; ')}</PrintRow>
            <PrintRow label="About prices">{c.pricesNote}</PrintRow>
            <PrintRow label="Insurance">{c.insurance}</PrintRow>
            <PrintRow label="Financing">{c.financing}</PrintRow>
            <PrintRow label="Cost estimate">{cost}</PrintRow>
          </dl>
        </div>
        <div class="print-item__col">
          <h5>Your notes</h5>
          <dl class="print-facts">
            <PrintRow label="Your status">{ITEM_STATUS_LABEL[item.status]}</PrintRow>
            <PrintRow label="Quote">{quote || item.quote?.note ? [quote, item.quote?.note].filter(Boolean).join(' — ') : null}</PrintRow>
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
      {c.sources.length > 0 && <PrintSources sources={c.sources} />}
    </section>
  );
}
