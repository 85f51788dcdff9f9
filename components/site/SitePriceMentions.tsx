import { useId } from 'preact/hooks';
import type { PriceMention } from '@/lib/extract/parse';
import { priceText, readDate } from '@/lib/extract/saved';

interface Props {
  prices: readonly PriceMention[];
  /** Indexes of the mentions to keep with the entry. */
  kept: ReadonlySet<number>;
  onToggle: (index: number) => void;
  readAt: number;
}

/** The $ amounts read from the page, each with its sentence; the user chooses which to keep. Plain text only. */
export function SitePriceMentions({ prices, kept, onToggle, readAt }: Props) {
  const id = useId();
  if (prices.length === 0) {
    return <p class="sl-hint save-site__no-prices">No prices were found on this page.</p>;
  }
  return (
    <fieldset class="save-site__prices" aria-describedby={`${id}-caption`}>
      <legend>Prices on this page</legend>
      <p class="sl-hint" id={`${id}-caption`}>
        Read from this page on {readDate(readAt)} — confirm with the clinic. Ticked ones are kept with the entry.
      </p>
      <ul class="save-site__price-list">
        {prices.map((p, i) => (
          <li key={i}>
            <label>
              <input type="checkbox" checked={kept.has(i)} onChange={() => onToggle(i)} />{' '}
              <strong class="save-site__amount">{priceText(p)}</strong> — “{p.sentence}”
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
