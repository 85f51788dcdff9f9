// The light half of change tracking: what the card, the Shortlist row, the store and the exports need to
// show changes (unseen or not, wording) and to start tracking a new item — without the comparison
// (./diff.ts, ./tracking.ts reconcile), which the store loads only when a check runs. zod-free.
import { formatDate } from '../format/dates';
import { localDate } from '../export/filename';
import { snapshotOf, type DecisionFacts } from './snapshot';
import { formatDatasetVersion } from './version';
import type { Change, DatasetVersion, HistoryEntry, Removal, TrackingFields } from './schema';

/** What the v2 → v3 upgrade gives every existing item: nothing yet; the first check fills `facts`. */
export const UNTRACKED: TrackingFields = { facts: null, changeHistory: [], removed: null };

/** The fields of a newly saved item: the provider's facts as the user sees them now. */
export function startTracking(provider: DecisionFacts | null | undefined, version: DatasetVersion, now: number): TrackingFields {
  return {
    facts: provider ? { snapshot: snapshotOf(provider), snapshotSince: now, firstRun: false, version } : null,
    changeHistory: [],
    removed: null,
  };
}

export const unseenEntry = (item: TrackingFields): HistoryEntry | undefined => {
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

