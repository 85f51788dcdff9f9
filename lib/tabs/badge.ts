import type { MatchResult } from '../match';
import type { StatusState } from '../dataset/schema';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

export interface BadgeProvider {
  name: string;
  state: StatusState;
}

/** The warning colour: amber, white text at 4.5:1 or more (tests/unit/icon-badge.test.ts). */
export const WARNING_COLOR = '#9a4d00';

/** Each badge that shows text, as the toolbar shows it (the welcome page's legend draws the same). */
export const BADGE_LEGEND = [
  { text: '●', color: '#0b6e4f', meaning: 'Recognised', detail: 'a provider in Clinic Scout’s list. Open the panel for its sourced facts.' },
  { text: '✕', color: '#8b1a1a', meaning: 'Closed', detail: 'this provider has closed. The panel says when and what happened.' },
  { text: '!', color: WARNING_COLOR, meaning: 'Careful: a look-alike', detail: 'this site resembles a provider in the list but is not it.' },
] as const;

/**
 * The toolbar badge is the only invitation to open the panel (no browser lets an extension open it
 * by itself), so each outcome has its own look: ● recognised, ✕ closed, and ! "careful: this is not X"
 * (a "?" read as "unknown", not as a warning).
 */
export function badgeFor(result: MatchResult, lookup: (id: string) => BadgeProvider | undefined): BadgeLook {
  const none: BadgeLook = { text: '', color: '#5f6368', title: 'Clinic Scout' };
  if (result.kind === 'none') return none;
  const provider = lookup(result.providerId);
  if (!provider) return none;
  if (result.kind === 'lookalike') {
    return { text: '!', color: WARNING_COLOR, title: `Clinic Scout: careful, this site is not ${provider.name}. Click for details.` };
  }
  if (provider.state === 'closed') {
    return { text: '✕', color: BADGE_LEGEND[1].color, title: `Clinic Scout: ${provider.name} has closed. Click for details.` };
  }
  const note: Record<StatusState, string> = {
    operating: '',
    'not-accepting': ' (not accepting new patients)',
    'not-yet-open': ' (not yet open)',
    closed: '',
    acquired: ' (acquired; ownership has changed)',
    unknown: ' (current status unknown)',
  };
  return { text: '●', color: BADGE_LEGEND[0].color, title: `Clinic Scout: ${provider.name}${note[provider.state]}. Click for sourced facts.` };
}
