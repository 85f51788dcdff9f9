import type { BrowseEntry } from '../dataset/browse-index';
import type { Condition, Modality, UsState } from '../dataset/schema';
import { CONDITION_LABEL, MODALITY_LABEL } from '../format/labels';
import { STATE_NAME, isUsState } from './states';

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

/** Words people search with for each treatment, besides its label ("spravato" finds every esketamine provider). */
const MODALITY_WORDS: Record<Modality, string> = {
  'iv-infusion': 'intravenous infusions',
  'im-injection': 'intramuscular injections',
  subcutaneous: 'injections',
  'esketamine-nasal': 'spravato esketamine nasal spray',
  'oral-sublingual': 'lozenges troches tablets',
  'ketamine-assisted-psychotherapy': 'KAP therapy',
};

const CONDITION_WORDS: Partial<Record<Condition, string>> = {
  'treatment-resistant-depression': 'TRD',
  ptsd: 'post-traumatic stress trauma',
  ocd: 'obsessive-compulsive',
  'suicidal-ideation': 'suicidal ideation',
  'chronic-pain': 'CRPS fibromyalgia',
  'substance-use': 'addiction alcohol',
};

/** The states a provider has a location in or serves by telehealth. */
export function statesOf(p: BrowseEntry): ReadonlySet<UsState> {
  return new Set([...p.locations.map((l) => l.state), ...(p.statesServed?.value ?? [])]);
}

interface Haystack {
  text: string;
  states: ReadonlySet<UsState>;
}

const haystacks = new WeakMap<BrowseEntry, Haystack>();

function haystack(p: BrowseEntry): Haystack {
  let h = haystacks.get(p);
  if (h === undefined) {
    const places = p.locations.flatMap((l) => [l.city ?? '', l.label ?? '']);
    const treatments = p.modalities.value.flatMap((m) => [MODALITY_LABEL[m], MODALITY_WORDS[m]]);
    const conditions = [...p.conditions.value.flatMap((c) => [CONDITION_LABEL[c], CONDITION_WORDS[c] ?? '']), ...p.conditions.other];
    const states = statesOf(p);
    const stateNames = [...states].map((s) => STATE_NAME[s]);
    const text = ` ${normalise([p.name, ...p.aka, ...places, ...treatments, ...conditions, ...stateNames].join(' | '))} `;
    h = { text, states };
    haystacks.set(p, h);
  }
  return h;
}

/**
 * What a search looks in: the name, other names (`aka`), the cities (or area labels) of its locations, its
 * treatments (with the words people use: "Spravato", "KAP"), the conditions it lists, and the full names of
 * the states it is in or serves.
 */
export function searchText(p: BrowseEntry): string {
  return haystack(p).text;
}

/**
 * Every word of the query must appear (as part of a word) in what searchText covers. A two-letter word that
 * is a state code ("CO", "ny") means that state: the provider is in it or serves it, or the word stands alone
 * in its text ("Ketamine Clinics LA"). An empty query matches all.
 */
export function matchesQuery(p: BrowseEntry, query: string): boolean {
  const words = normalise(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const { text, states } = haystack(p);
  return words.every((w) => {
    const code = w.toUpperCase();
    if (w.length === 2 && isUsState(code)) return states.has(code) || text.includes(` ${w} `);
    return text.includes(w);
  });
}
