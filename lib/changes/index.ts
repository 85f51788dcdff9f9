// Change tracking for shortlisted providers (issue 18): snapshot, diff, item fields, dataset version, badge.
export { DecisionSnapshot, snapshotOf, type PriceSnapshot, type LocationSnapshot, type StatusSnapshot } from './snapshot';
export { Change, ChangeKind, PRIORITY, diffSnapshots, sortChanges, placeName, type ChangeField } from './diff';
export { DatasetVersion, sameDatasetVersion, formatDatasetVersion } from './version';
export {
  ItemFacts,
  HistoryEntry,
  Removal,
  TrackingFields,
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
