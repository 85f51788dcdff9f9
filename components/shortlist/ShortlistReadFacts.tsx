import type { CustomClinic } from '@/lib/shortlist/schema';
import { priceText, readDate } from '@/lib/extract/saved';
import { safeHref } from '@/lib/format/links';

/** What the user saved about their own entry beyond name and place: phone, address, and what was read from its page. */
export function ShortlistReadFacts({ custom }: { custom: CustomClinic }) {
  const phone = custom.phone ? safeHref(`tel:${custom.phone.replace(/[^\d+]/g, '')}`) : undefined;
  const address = [custom.street, [custom.city, custom.state].filter(Boolean).join(', '), custom.zip].filter(Boolean).join(' · ');
  const read = custom.read;
  if (!custom.phone && !custom.street && !custom.zip && !read) return null;
  return (
    <div class="sl-item__read">
      {custom.phone && (
        <p>
          Phone: {phone ? <a href={phone}>{custom.phone}</a> : custom.phone}
        </p>
      )}
      {(custom.street || custom.zip) && <p>Address: {address}</p>}
      {read && read.prices.length > 0 && (
        <>
          <p class="sl-hint">Prices read from {read.host} on {readDate(read.at)} — confirm with the clinic:</p>
          <ul class="sl-item__read-prices">
            {read.prices.map((p, i) => (
              <li key={i}>
                <strong>{priceText(p)}</strong> — “{p.sentence}”
              </li>
            ))}
          </ul>
        </>
      )}
      {read && read.openingHours.length > 0 && <p>Opening hours on the page: {read.openingHours.join('; ')}</p>}
    </div>
  );
}
