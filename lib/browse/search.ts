import type { BrowseEntry } from '../dataset/browse-index';

/** Lowercase, accents and apostrophes dropped, anything else that is not a letter or digit becomes a space. */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const haystacks = new WeakMap<BrowseEntry, string>();

/** What a search looks in: the name, other names (`aka`) and the cities (or area labels) of its locations. */
export function searchText(p: BrowseEntry): string {
  let text = haystacks.get(p);
  if (text === undefined) {
    const places = p.locations.flatMap((l) => [l.city ?? '', l.label ?? '']);
    text = ` ${normalise([p.name, ...p.aka, ...places].join(' | '))} `;
    haystacks.set(p, text);
  }
  return text;
}

/** Every word of the query must appear (as part of a word) in the name, an aka or a city. An empty query matches all. */
export function matchesQuery(p: BrowseEntry, query: string): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = searchText(p);
  return words.every((w) => text.includes(w));
}
