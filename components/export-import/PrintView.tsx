/**
 * A print-friendly page of shortlists: per clinic its key facts from the dataset, the cost estimate, the
 * user's status, quote, notes and checklist answers, and the sources (with their addresses written out, so
 * they survive on paper), under the disclaimer. Presentational: the caller passes the records.
 */
import type { General } from '@/lib/dataset/general-schema';
import type { Provider } from '@/lib/dataset/schema';
import { groupItems, localDate } from '@/lib/export';
import { DISCLAIMER, factsBuilder } from '@/lib/export/facts';
import type { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';
import { PrintItem } from './PrintItem';

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
