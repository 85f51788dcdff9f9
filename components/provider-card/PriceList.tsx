import type { Price } from '@/lib/dataset/schema';
import { formatDate } from '@/lib/format/dates';
import { PRICE_KIND_LABEL } from '@/lib/format/labels';
import { ESTIMATE_CAPTION, formatPriceRange } from '@/lib/format/money';
import { Unknown } from '@/components/common/Unknown';
import { Glossed } from './Glossed';

/** The provider's published prices, each with who published it and when; their sources are in the section's "Sources (n)". */
export function PriceList({ prices, note }: { prices: readonly Price[]; note?: string }) {
  if (prices.length === 0) {
    return (
      <p>
        <Unknown>Not published</Unknown>
        {note && (
          <>
            {' — '}
            <Glossed text={note} />
          </>
        )}
      </p>
    );
  }
  return (
    <div>
      <ul class="prices">
        {prices.map((p, i) => (
          <li class="price" key={i}>
            <div class="price__head">
              <span class="price__kind">
                {PRICE_KIND_LABEL[p.kind]}
                {p.kind === 'package' && p.sessions ? ` of ${p.sessions}` : ''}
              </span>
              <span class="price__amount">{formatPriceRange(p.low, p.high)}</span>
            </div>
            <p class="price__label">
              <Glossed text={`${p.label}${p.includes ? ` — includes ${p.includes}` : ''}`} />
            </p>
            <p class="price__meta">
              {p.publishedBy === 'third-party' ? 'Reported by a third party' : 'Published by the provider'}, as of {formatDate(p.asOf)}
            </p>
          </li>
        ))}
      </ul>
      {note && (
        <p class="fact__note">
          <Glossed text={note} />
        </p>
      )}
      <p class="estimate-note">{ESTIMATE_CAPTION}</p>
    </div>
  );
}
