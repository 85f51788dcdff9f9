import type { BrowseEntry } from '../dataset/browse-index';
import { formatDate } from '../format/dates';
import { KIND_LABEL, MODALITY_LABEL, STATUS_LABEL } from '../format/labels';
import { sessionPriceText } from './price';

export interface ResultFacts {
  kind: string;
  /** Only when not operating: "Closed since 10 Mar 2023". */
  status: string | null;
  modalities: string;
  where: string;
  price: string;
  /** Information resources are not treatment providers. */
  isResource: boolean;
}

/** "Closed since 10 Mar 2023", "Acquired since 2022", "Status unknown". */
export function statusText(p: Pick<BrowseEntry, 'status'>): string {
  const { state, since } = p.status;
  return state !== 'unknown' && since ? `${STATUS_LABEL[state]} since ${formatDate(since)}` : STATUS_LABEL[state];
}

/** "Los Angeles, CA", "Austin, TX and 2 more places", "telehealth in CA, NY", "telehealth (states not published)". */
export function whereText(p: BrowseEntry): string {
  const places = [...new Set(p.locations.map((l) => (l.city ? `${l.city}, ${l.state}` : l.state)))];
  const parts: string[] = [];
  if (places.length) {
    const shown = places.slice(0, 2).join('; ');
    const more = places.length - 2;
    parts.push(more > 0 ? `${shown} and ${more} more ${more === 1 ? 'place' : 'places'}` : shown);
  }
  if (p.statesServed) {
    const served = p.statesServed.value;
    parts.push(
      served === null
        ? 'telehealth (states not published)'
        : served.length > 6
          ? `telehealth in ${served.length} states`
          : `telehealth in ${served.join(', ')}`,
    );
  }
  if (!parts.length) return 'Location not listed';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The one line of key facts a result shows. */
export function resultFacts(p: BrowseEntry): ResultFacts {
  return {
    kind: KIND_LABEL[p.kind],
    status: p.status.state === 'operating' ? null : statusText(p),
    modalities: p.modalities.value.map((m) => MODALITY_LABEL[m]).join(', ') || 'forms of ketamine not listed',
    where: whereText(p),
    price: sessionPriceText(p),
    isResource: p.kind === 'resource',
  };
}
