// "Near me": distances and what each result says about the user's home location. Pure: the
// placed (confirmed, build-time) locations come in through the sort context, so nothing here loads data.
// The distance sort itself is SORT_BY_DISTANCE in ./sort.ts; ZIP checks are lib/geo/zip.ts.
import type { BrowseEntry } from '../dataset/browse-index';
import type { UsState } from '../dataset/schema';
import { distanceMiles, formatMiles, type LatLon } from '../geo/distance';
import { STATE_NAME } from './states';

/** A confirmed location placed at build time; `index` points into `provider.locations`. */
export type PlacedPoint = LatLon & { index: number };

/** What "near me" needs in a sort context. */
export interface NearContext {
  /** The user's ZIP code centroid; absent or null without a ZIP. */
  origin?: LatLon | null;
  /** The user's state (from the ZIP, or chosen on its own). */
  homeState?: UsState | null;
  /** Confirmed locations of a provider (the Browse index's `places`). Never includes unconfirmed ones. */
  placesOf?: (providerId: string) => readonly PlacedPoint[];
}

// ---------------------------------------------------------------------------------------------------------
// Distance

export interface Nearest {
  miles: number;
  /** Index into `provider.locations` of the nearest placed location. */
  index: number;
}

/** The nearest placed (confirmed) location of `p` to the user's ZIP; null without a ZIP or a placed location. */
export function nearestLocation(p: BrowseEntry, ctx: NearContext): Nearest | null {
  if (!ctx.origin || !ctx.placesOf) return null;
  let best: Nearest | null = null;
  for (const place of ctx.placesOf(p.id)) {
    const miles = distanceMiles(ctx.origin, place);
    if (!best || miles < best.miles) best = { miles, index: place.index };
  }
  return best;
}

/** "about 12 mi (straight line)"; a provider with several places names the nearest. */
export function distanceText(p: BrowseEntry, near: Nearest): string {
  const text = `about ${formatMiles(near.miles)} (straight line)`;
  const places = new Set(p.locations.map((l) => `${l.city ?? l.label ?? ''}|${l.state}`));
  const l = p.locations[near.index];
  return places.size > 1 && l?.city ? `${text} to ${l.city}, ${l.state}` : text;
}

export const LOCATION_NOT_CONFIRMED = 'location not confirmed';
export const NO_CONFIRMED_LOCATION = 'no confirmed location';
export const NO_CONFIRMED_CITY = 'distance unknown (no confirmed city)';

/** Why a provider has no distance: its only locations are unconfirmed, it has no city, or none at all. */
export function unplacedText(p: BrowseEntry): string {
  if (p.locations.some((l) => l.confirmed)) return NO_CONFIRMED_CITY;
  if (p.locations.length) return LOCATION_NOT_CONFIRMED;
  return NO_CONFIRMED_LOCATION;
}

// ---------------------------------------------------------------------------------------------------------
// States

export type Serves = 'serves' | 'not-listed' | 'not-published';

/** Telehealth / at-home: does it serve `state`? Null for providers that publish no telehealth states at all. */
export function servesState(p: BrowseEntry, state: UsState): Serves | null {
  if (p.statesServed === undefined) return p.kind === 'telehealth-programme' ? 'not-published' : null;
  const served = p.statesServed.value;
  if (served === null) return 'not-published';
  return served.includes(state) ? 'serves' : 'not-listed';
}

export const SERVES_TEXT: Record<Serves, (s: UsState) => string> = {
  serves: (s) => `Serves ${s}`,
  'not-listed': (s) => `Not listed for ${s}`,
  'not-published': () => 'States served not published',
};

/** A clinic location in `state`: "confirmed", only unconfirmed ones ("unconfirmed"), or none (null). */
export function inState(p: BrowseEntry, state: UsState): 'confirmed' | 'unconfirmed' | null {
  const here = p.locations.filter((l) => l.state === state);
  if (!here.length) return null;
  return here.some((l) => l.confirmed) ? 'confirmed' : 'unconfirmed';
}

// ---------------------------------------------------------------------------------------------------------
// What a result says

export interface NearNote {
  text: string;
  /** "ok": good news for this user; "unknown": not known (shown as such); "plain": a fact. */
  tone: 'ok' | 'unknown' | 'plain';
}

/**
 * What a result says about the user's home location: with a ZIP, the distance to its nearest confirmed
 * location (or why there is none); with only a state, "In your state"; for telehealth, whether it serves
 * the state. Empty without a home location.
 */
export function nearNotes(p: BrowseEntry, ctx: NearContext): NearNote[] {
  const notes: NearNote[] = [];
  const state = ctx.homeState ?? null;
  const serves = state ? servesState(p, state) : null;
  const telehealthOnly = p.locations.length === 0 && (serves !== null || p.delivery.value === 'at-home');

  if (ctx.origin) {
    const near = nearestLocation(p, ctx);
    if (near) notes.push({ text: distanceText(p, near), tone: 'plain' });
    else if (!telehealthOnly && p.kind !== 'resource') notes.push({ text: unplacedText(p), tone: 'unknown' });
  } else if (state) {
    const here = inState(p, state);
    if (here === 'confirmed') notes.push({ text: 'In your state', tone: 'ok' });
    else if (here === 'unconfirmed') notes.push({ text: `In your state (${LOCATION_NOT_CONFIRMED})`, tone: 'unknown' });
  }

  if (state && serves) {
    notes.push({ text: SERVES_TEXT[serves](state), tone: serves === 'serves' ? 'ok' : serves === 'not-published' ? 'unknown' : 'plain' });
  }
  return notes;
}
