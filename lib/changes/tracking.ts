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
import { formatDate } from '../format/dates';
import { localDate } from '../export/filename';
import { diffSnapshots } from './diff';
import { snapshotOf, type DecisionFacts } from './snapshot';
import { formatDatasetVersion } from './version';
import type { Change, DatasetVersion, HistoryEntry, ItemFacts, Removal, TrackingFields } from './schema';

export type { HistoryEntry, ItemFacts, Removal, TrackingFields } from './schema';

/** What the v2 → v3 upgrade gives every existing item: nothing yet; the first check fills `facts`. */
export const UNTRACKED: TrackingFields = { facts: null, changeHistory: [], removed: null };

interface Tracked extends TrackingFields {
  providerId: string | null;
}

/** The fields of a newly saved item: the provider's facts as the user sees them now. */
export function startTracking(provider: DecisionFacts | null | undefined, version: DatasetVersion, now: number): TrackingFields {
  return {
    facts: provider ? { snapshot: snapshotOf(provider), snapshotSince: now, firstRun: false, version } : null,
    changeHistory: [],
    removed: null,
  };
}

const unseenEntry = (item: TrackingFields): HistoryEntry | undefined => {
  const last = item.changeHistory[item.changeHistory.length - 1];
  return last && last.seenAt === null ? last : undefined;
};

/** The changes the user has not marked as seen, most important first. */
export function unseenChanges(item: TrackingFields): Change[] {
  return unseenEntry(item)?.changes ?? [];
}

/** Unseen changes or an unseen removal from the dataset. */
export function hasUnseen(item: TrackingFields): boolean {
  return unseenChanges(item).length > 0 || (item.removed !== null && item.removed.seenAt === null);
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

// ---- wording shared by the UI and the exports ----

/** "6 Dec 2026" in the user's time zone. */
export const formatDay = (ms: number) => formatDate(localDate(new Date(ms)));

/** The heading of the notice: "Changed since you saved it" or, for a snapshot from a later date, "Changed since 6 Dec 2026". */
export function changedSinceHeading(item: TrackingFields): string {
  const facts = item.facts;
  if (!facts) return 'Changed';
  const savedBefore = facts.firstRun || item.changeHistory.some((e) => e.seenAt !== null);
  return savedBefore ? `Changed since ${formatDay(facts.snapshotSince)}` : 'Changed since you saved it';
}

/** "No longer in Clinic Scout's list since version 0.2.0 (noticed 6 Dec 2026)". */
export function removalText(removed: Removal): string {
  return `No longer in Clinic Scout's list since ${formatDatasetVersion(removed.version)} (noticed ${formatDay(removed.at)})`;
}

/**
 * The latest change, as one line for CSV and Markdown: the removal if any, else the newest history entry
 * ("Changed since you saved it: Now closed (since 10 Mar 2023); …", seen ones dated). Null when none.
 */
export function latestChangeLine(item: TrackingFields): string | null {
  if (item.removed) return removalText(item.removed);
  const last = item.changeHistory[item.changeHistory.length - 1];
  if (!last) return null;
  const list = last.changes.map((c) => c.text).join('; ');
  return last.seenAt === null ? `${changedSinceHeading(item)}: ${list}` : `${list} (found ${formatDay(last.foundAt)}, seen ${formatDay(last.seenAt)})`;
}

/** Changes whenever the tracking fields do (for caches that compare records cheaply, e.g. the panel's store). */
export function trackingKey(item: TrackingFields): string {
  const last = item.changeHistory[item.changeHistory.length - 1];
  return [item.facts?.snapshotSince, item.changeHistory.length, last?.foundAt, last?.seenAt, item.removed?.at, item.removed?.seenAt].join('|');
}
