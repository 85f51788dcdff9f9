// What the Shortlist view (components/shortlist/ShortlistPanel.tsx) shows by default, and each row's facts.
import type { Provider } from '../dataset/schema';
import { formatDollars } from '../format/money';
import { sessionPriceText } from '../browse/price';
import { statusText } from '../browse/summary';
import type { ShortlistItem } from './schema';

/** Rows rendered at first; long lists (imports, years of research) show more on request. */
export const PAGE_SIZE = 50;

/** The empty state: what a shortlist is for, then how to add to it. */
export const EMPTY_TITLE = 'Keep the clinics you are considering in one place';
export const EMPTY_TEXT =
  'A shortlist holds the clinics you are looking at, with your notes, the prices they quote you and where you are with each one. It stays on this device.';
export const EMPTY_STEPS: readonly string[] = [
  "Open a clinic's website, or find one in Browse.",
  'On its card, choose “Add to shortlist”.',
];

/** Characters of the note a collapsed row starts with. */
export const NOTE_PREVIEW_CHARS = 140;

export interface RowFacts {
  /** The provider's status; null for the user's own entry or a provider no longer listed. */
  status: { text: string; tone: 'ok' | 'warn' | 'danger' } | null;
  /** "Denver, CO", "Denver, CO and 2 more", "Telehealth", "Austin, TX · telehealth"; null when unknown. */
  place: string | null;
  /** The user's quote when they have one, else the lowest published per-session price (or that none is published). */
  price: string | null;
  priceIsQuote: boolean;
}

const cityState = (city: string | null, state: string) => (city ? `${city}, ${state}` : state);

/** Where a provider is, short enough for a row: its first place and how many more, or "Telehealth". */
export function shortPlace(p: Provider): string | null {
  const places = [...new Set(p.locations.map((l) => cityState(l.city, l.state)))];
  const telehealth = p.statesServed !== undefined || p.delivery.value === 'at-home';
  const parts: string[] = [];
  if (places.length) parts.push(places.length > 1 ? `${places[0]} and ${places.length - 1} more` : places[0]!);
  if (telehealth) parts.push(parts.length ? 'telehealth' : 'Telehealth');
  return parts.length ? parts.join(' · ') : null;
}

/** The decision facts a shortlist row shows before it is opened. */
export function rowFacts(item: ShortlistItem, provider: Provider | undefined): RowFacts {
  const q = item.quote;
  const quoted =
    q?.perSession != null ? `Your quote: ${formatDollars(q.perSession)} a session`
    : q?.consultation != null ? `Your quote: ${formatDollars(q.consultation)} consultation`
    : null;
  if (item.custom) {
    const place = [item.custom.city, item.custom.state].filter(Boolean).join(', ') || null;
    return { status: null, place, price: quoted, priceIsQuote: quoted !== null };
  }
  if (!provider) return { status: null, place: null, price: quoted, priceIsQuote: quoted !== null };
  const state = provider.status.state;
  const tone = state === 'operating' ? 'ok' : state === 'closed' ? 'danger' : 'warn';
  const price = quoted ?? sessionPriceText(provider).replace(/^./, (c) => c.toUpperCase());
  return { status: { text: statusText(provider), tone }, place: shortPlace(provider), price, priceIsQuote: quoted !== null };
}

/** The start of a note for a collapsed row, cut at a word where one is near. */
export function notePreview(notes: string, max = NOTE_PREVIEW_CHARS): string {
  const text = notes.trim().replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = Array.from(text).slice(0, max).join(''); // never splits an emoji
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}
