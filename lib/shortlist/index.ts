// Public API of shortlist storage. Import from 'lib/shortlist' (schema types from './schema').
export {
  openShortlistDb,
  ShortlistDb,
  MIN_POSITION_GAP,
  DEFAULT_SHORTLIST_NAME,
  type OpenShortlistDbOptions,
  type NewItem,
  type ItemPatch,
  type ProviderMembership,
  type WriteAllInput,
  type WriteAllOptions,
} from './repository';
export {
  ItemConflictError,
  RecordsChangedError,
  isItemConflict,
  recordsKey,
  type AttemptedItemChange,
  type ItemField,
  type RecordsSeen,
  type UnreadableRecord,
} from './conflict';
export {
  DB_NAME,
  DB_VERSION,
  UPGRADE_STEPS,
  dumpShortlistDb,
  type UpgradeStep,
  type UpgradeContext,
  type DbDump,
  type StoreDump,
  type IndexDump,
} from './db';
export {
  StorageError,
  STORAGE_ERROR_MESSAGES,
  NEWER_VERSION_MESSAGE,
  toStorageError,
  isQuotaError,
  type StorageErrorKind,
} from './errors';
export { subscribeToChanges, SHORTLIST_CHANNEL, type ShortlistChange } from './sync';
export { requestPersistence } from './persistence';
