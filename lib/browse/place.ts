import type { Location, UsState } from '../dataset/schema';
import { STATE_NAME } from './states';

type Place = Pick<Location, 'city' | 'state' | 'label'>;

/** Whether `text` already names `state` (its code as a word, or its full name). */
export function mentionsState(text: string, state: UsState): boolean {
  return new RegExp(`\\b${state}\\b`).test(text) || text.toLowerCase().includes(STATE_NAME[state].toLowerCase());
}

/**
 * One location in words, always with its state once: "Denver, CO"; a label keeps its wording and gets the
 * state after its place name when it does not already say it ("Los Angeles, CA (current address not
 * confirmed)", "Dallas / Plano / Richardson area, TX"); a state alone when nothing else is known.
 */
export function placeText(l: Place): string {
  if (l.label) {
    if (mentionsState(l.label, l.state)) return l.label;
    const paren = l.label.indexOf(' (');
    return paren > 0 ? `${l.label.slice(0, paren)}, ${l.state}${l.label.slice(paren)}` : `${l.label}, ${l.state}`;
  }
  return l.city ? `${l.city}, ${l.state}` : l.state;
}
