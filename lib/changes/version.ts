// Which dataset the running extension carries, so a start-up can tell "the data changed since the last
// check" (then shortlisted providers are compared with their snapshots) from "same data, nothing to do".
//
// Decision: the version is the pair
//   app  — the extension's manifest version (runtime.getManifest().version), what the user can see in
//          the browser's extension page and what "no longer listed since <version>" names; and
//   data — a content hash of the provider records computed at bundle time (scripts/dataset-hash.ts via
//          the virtual module virtual:clinic-scout/dataset-hash), so a data-only release, or a rebuild
//          with another dataset under the same manifest version, is detected too.
// Either part differing means "check again". A re-check is cheap and idempotent: it reports nothing when
// no decision fact moved, so a hash change caused by a source date or a reworded note is harmless.
// Note: Chrome keeps running an extension's registered service worker until the extension's version changes,
// so a data-only rebuild under the same manifest version (development only; a store update always bumps the
// version) is noticed by the panel's check when it opens, not by the background's.
import type { DatasetVersion } from './schema';

export type { DatasetVersion } from './schema';

/** A stored value that is a dataset version (storage.local bookkeeping is checked by hand: no zod here). */
export function isDatasetVersion(v: unknown): v is DatasetVersion {
  if (v === null || typeof v !== 'object') return false;
  const { app, data } = v as Record<string, unknown>;
  return typeof app === 'string' && app.length >= 1 && app.length <= 50 && typeof data === 'string' && /^[0-9a-f]{8,64}$/.test(data);
}

export function sameDatasetVersion(a: DatasetVersion, b: DatasetVersion | null | undefined): boolean {
  return !!b && a.app === b.app && a.data === b.data;
}

/** "version 0.2.0" for the user; the hash only when it is all that tells two versions apart. */
export function formatDatasetVersion(v: DatasetVersion, other?: DatasetVersion | null): string {
  return other && other.app === v.app && other.data !== v.data ? `version ${v.app} (data ${v.data.slice(0, 8)})` : `version ${v.app}`;
}
