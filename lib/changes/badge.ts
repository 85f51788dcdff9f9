// The toolbar button when shortlisted providers have unseen changes, and how that combines with the
// per-tab provider badge (lib/tabs/badge.ts).
//
// Precedence (decided here, applied by the background tracker to every tab):
//  - A tab whose page is a recognised provider (or a look-alike) keeps its provider badge (●, ✕, ?):
//    it is about the page the user is looking at and is the only hint that the panel has something on
//    it. Its title still ends with "N changes on your shortlist", so the count is never hidden.
//  - Every other tab shows the count ("3", "99+") with its own colour and the title
//    "Clinic Scout: N changes on your shortlist. …"; so does the global badge, for tabs the tracker has
//    not seen yet.
//  - No unseen changes: exactly the provider badge as before (empty on other tabs).
// A "change" here is one shortlisted provider with something unseen (changed facts or gone from the
// dataset), however many fields moved and however many lists it is on.
import type { BadgeLook } from '../tabs/badge';

export const CHANGES_BADGE_COLOR = '#1a4f8b';

export function changesTitle(count: number): string {
  return `${count} change${count === 1 ? '' : 's'} on your shortlist`;
}

export function changesBadgeText(count: number): string {
  return count <= 0 ? '' : count > 99 ? '99+' : String(count);
}

/** The global badge: the count alone. */
export function changesLook(count: number): BadgeLook {
  return count > 0
    ? { text: changesBadgeText(count), color: CHANGES_BADGE_COLOR, title: `Clinic Scout: ${changesTitle(count)}. Click to see them.` }
    : { text: '', color: '#5f6368', title: 'Clinic Scout' };
}

/** One tab's badge: its provider look, or the change count when the tab has none (see precedence above). */
export function withChanges(tabLook: BadgeLook, count: number): BadgeLook {
  if (count <= 0) return tabLook;
  if (!tabLook.text) return changesLook(count);
  return { ...tabLook, title: `${tabLook.title} — ${changesTitle(count)}.` };
}
