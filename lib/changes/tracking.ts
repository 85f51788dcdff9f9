// What a shortlist item keeps to notice changes (schema v3 fields) and the pure steps on it:
// start tracking when an item is saved, reconcile with the current dataset on start, mark as seen.
// No storage, no browser: the ShortlistStore runs these inside its transactions.
//
//   facts          the decision snapshot the user has seen, when it was taken and from which dataset;
//                  null for a custom clinic, or until the first check after the upgrade fills it in
//                  (then `firstRun` is true and the UI says "since <date>", never "since you saved it").
//   changeHistory  oldest first; each entry {seenAt | null, changes}. At most one entry is unseen
//                  (seenAt null) and it is the last: it always equals diff(facts.snapshot, current), so
//                  two dataset updates before the user looks give one notice, not two.
//   removed        set when the provider is no longer in the dataset ("no longer in Clinic Scout's list
//                  since <version>"); cleared if it comes back. Unseen until marked as seen.
// zod-free: the schemas of these fields are in ./schema.ts (types only here).
import { diffSnapshots } from './diff';
import { snapshotOf, type DecisionFacts } from './snapshot';
import type { Change, DatasetVersion, TrackingFields } from './schema';
import { hasUnseen, unseenEntry } from './unseen';

export type { HistoryEntry, ItemFacts, Removal, TrackingFields } from './schema';
// The light half (./unseen.ts), re-exported: importing it from here pulls the comparison in too.
export {
  UNTRACKED,
  startTracking,
  unseenChanges,
  hasUnseen,
  formatDay,
  changedSinceHeading,
  removalText,
  latestChangeLine,
  trackingKey,
} from './unseen';

interface Tracked extends TrackingFields {
  providerId: string | null;
}

const sameChanges = (a: readonly Change[], b: readonly Change[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings an item up to date with the current dataset (`provider`: its record, or null when the provider
 * is no longer in the dataset). Returns the new fields, or null when nothing needs writing — so running
 * it twice, or from two pages at once, is harmless.
 */
export function reconcile<T extends Tracked>(item: T, provider: DecisionFacts | null, version: DatasetVersion, now: number): T | null {
  if (item.providerId === null) return null; // a custom clinic: nothing to compare with
  if (provider === null) {
    if (item.removed !== null) return null;
    return { ...item, removed: { at: now, version, seenAt: null } };
  }
  let next: T = item;
  if (next.removed !== null) next = { ...next, removed: null };
  if (next.facts === null) {
    return { ...next, facts: { snapshot: snapshotOf(provider), snapshotSince: now, firstRun: true, version } };
  }
  const changes = diffSnapshots(next.facts.snapshot, provider);
  const pending = unseenEntry(next);
  const seen = pending ? next.changeHistory.slice(0, -1) : next.changeHistory;
  if (changes.length === 0) {
    if (pending) next = { ...next, changeHistory: seen };
  } else if (!pending || !sameChanges(pending.changes, changes)) {
    next = { ...next, changeHistory: [...seen, { seenAt: null, foundAt: now, version, changes }] };
  }
  return next === item ? null : next;
}

/**
 * "Mark as seen": the unseen entry (and removal) get `seenAt`; the snapshot becomes the current facts,
 * so the old values live on only in the history. Returns null when there was nothing unseen.
 */
export function markSeen<T extends Tracked>(item: T, provider: DecisionFacts | null, version: DatasetVersion, now: number): T | null {
  if (!hasUnseen(item)) return null;
  const pending = unseenEntry(item);
  return {
    ...item,
    changeHistory: pending ? [...item.changeHistory.slice(0, -1), { ...pending, seenAt: now }] : item.changeHistory,
    removed: item.removed && item.removed.seenAt === null ? { ...item.removed, seenAt: now } : item.removed,
    facts: provider ? { snapshot: snapshotOf(provider), snapshotSince: now, firstRun: false, version } : item.facts,
  };
}

