import { ITEM_STATUS_LABEL, quoteText } from '@/lib/export/facts';
import { when } from '@/lib/export/import-steps';
import type { ShortlistItem } from '@/lib/shortlist/schema';

/** An item's facts in a conflict. */
export function ImportItemFacts({ item }: { item: ShortlistItem }) {
  const quote = quoteText(item);
  const answers = Object.values(item.answers).filter((a) => a.done || a.text).length;
  const notes = item.notes.length > 400 ? `${item.notes.slice(0, 400)}…` : item.notes;
  return (
    <dl class="import-facts">
      <dt>Status</dt>
      <dd>{ITEM_STATUS_LABEL[item.status]}</dd>
      <dt>Quote</dt>
      <dd>{quote ?? 'none'}{item.quote?.note ? ` (${item.quote.note})` : ''}</dd>
      <dt>Notes</dt>
      <dd class="import-facts__notes">{notes || 'none'}</dd>
      <dt>Checklist answers</dt>
      <dd>{answers}</dd>
      <dt>Last changed</dt>
      <dd>{when(item.updatedAt)}</dd>
    </dl>
  );
}
