// Change tracking for shortlisted providers (issue 18): snapshot, diff, item fields, dataset version, badge.
// zod-free; the zod schemas are in ./schema.ts (imported directly by lib/shortlist/schema.ts and lib/export).
export { snapshotOf, type DecisionSnapshot, type PriceSnapshot, type LocationSnapshot, type StatusSnapshot } from './snapshot';
export { PRIORITY, diffSnapshots, sortChanges, placeName, type Change, type ChangeKind, type ChangeField } from './diff';
export { sameDatasetVersion, formatDatasetVersion, isDatasetVersion, type DatasetVersion } from './version';
export {
  type ItemFacts,
  type HistoryEntry,
  type Removal,
  type TrackingFields,
  UNTRACKED,
  startTracking,
  reconcile,
  markSeen,
  unseenChanges,
  hasUnseen,
  changedSinceHeading,
  removalText,
  latestChangeLine,
  formatDay,
} from './tracking';
export { changesLook, changesTitle, changesBadgeText, withChanges, CHANGES_BADGE_COLOR } from './badge';
