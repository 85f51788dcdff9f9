// Every failure of the shortlist storage reaches callers as a StorageError: a `kind` the UI can branch
// on and a `message` written for the person using the extension (shown as is), plus `detail` for logs.

export type StorageErrorKind =
  | 'quota'
  | 'unavailable'
  | 'blocked'
  | 'upgrade-failed'
  | 'invalid'
  | 'aborted'
  | 'conflict'
  | 'unknown';

/** The default user-facing message for each kind. Some situations use a more specific one. */
export const STORAGE_ERROR_MESSAGES: Readonly<Record<StorageErrorKind, string>> = {
  quota:
    'Your browser is out of storage space for this extension. Nothing you saved earlier was lost. ' +
    'Export your shortlist to keep a copy, then free some disk space.',
  unavailable:
    "Shortlists can't be saved in a private window, or when your browser blocks storage for extensions. " +
    'Open Clinic Scout in a normal window to use your saved shortlists, or use Export and Import to keep a copy.',
  blocked:
    'Clinic Scout is open in another tab or window that is still using an older version. ' +
    'Close the other Clinic Scout tabs and windows, then try again. Nothing you saved was lost.',
  'upgrade-failed':
    "Clinic Scout couldn't update how your shortlists are stored, so it left them exactly as they were: " +
    'nothing was deleted. Restart your browser and try again. If this keeps happening, export your shortlists to keep a copy.',
  invalid: "This couldn't be saved because part of it isn't valid. Nothing was changed.",
  aborted:
    "Your last change wasn't saved because the browser cancelled it. Everything you saved before is still there. " +
    'Please try again.',
  conflict:
    'This was changed in another window while you were editing it. Nothing was overwritten: ' +
    'both versions are kept, so you can choose which to keep.',
  unknown:
    'Something went wrong while saving your shortlist. Everything you saved before is still there. ' +
    'Please try again; if it keeps happening, export your shortlist to keep a copy.',
};

/** Used when the stored data was written by a newer Clinic Scout (IndexedDB VersionError). */
export const NEWER_VERSION_MESSAGE =
  'Your shortlists were saved by a newer version of Clinic Scout. Nothing was deleted. ' +
  'Update Clinic Scout to see them again.';

export interface StorageErrorOptions {
  /** Overrides the kind's default user-facing message. */
  message?: string;
  /** For 'invalid': the offending field, e.g. "notes" or "items[3].snapshot.website". */
  field?: string | null;
  /** Technical detail for logs and bug reports; never shown to the user. */
  detail?: string;
  cause?: unknown;
}

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly kind: StorageErrorKind;
  readonly field: string | null;
  readonly detail: string;

  constructor(kind: StorageErrorKind, options: StorageErrorOptions = {}) {
    super(options.message ?? STORAGE_ERROR_MESSAGES[kind], { cause: options.cause });
    this.kind = kind;
    this.field = options.field ?? null;
    this.detail = options.detail ?? describe(options.cause) ?? kind;
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);
// Legacy DOMException codes: 22 = QUOTA_EXCEEDED_ERR; 1014 = Firefox's NS_ERROR_DOM_QUOTA_REACHED.
const QUOTA_CODES = new Set([22, 1014]);

/** The DOMException / Error name, if any. */
export function errorName(err: unknown): string | null {
  if (typeof err === 'object' && err !== null && 'name' in err && typeof err.name === 'string') return err.name;
  return null;
}

export function isQuotaError(err: unknown): boolean {
  const name = errorName(err);
  if (name !== null && QUOTA_NAMES.has(name)) return true;
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return typeof code === 'number' && QUOTA_CODES.has(code) && name !== 'AbortError';
}

function describe(err: unknown): string | undefined {
  if (err === undefined || err === null) return undefined;
  const name = errorName(err);
  const message = err instanceof Error || (typeof err === 'object' && 'message' in err) ? String((err as { message: unknown }).message) : String(err);
  return name ? `${name}: ${message}` : message;
}

/**
 * Maps anything thrown by IndexedDB (or by this module) to a StorageError.
 * `context` says where it happened: while opening the database, names like InvalidStateError or
 * SecurityError mean the browser refuses IndexedDB altogether (e.g. Firefox private windows).
 * Pass the transaction's `error` as `err` when available: a quota failure usually surfaces as an
 * AbortError on the request, with the QuotaExceededError on the aborted transaction.
 */
export function toStorageError(err: unknown, context: 'open' | 'transaction' = 'transaction'): StorageError {
  if (err instanceof StorageError) return err;
  const name = errorName(err);
  if (isQuotaError(err)) return new StorageError('quota', { cause: err });
  switch (name) {
    case 'VersionError':
      return new StorageError('upgrade-failed', { cause: err, message: NEWER_VERSION_MESSAGE });
    case 'AbortError':
    case 'TimeoutError':
      return new StorageError(context === 'open' ? 'unavailable' : 'aborted', { cause: err });
    case 'InvalidStateError':
    case 'SecurityError':
    case 'NotAllowedError':
    case 'NotSupportedError':
      return new StorageError('unavailable', { cause: err });
    case 'UnknownError':
      // Chrome: "Internal error opening backing store" (profile damaged / disk trouble).
      return new StorageError(context === 'open' ? 'unavailable' : 'unknown', { cause: err });
    case 'DataError':
    case 'ConstraintError':
    case 'DataCloneError':
      return new StorageError('invalid', { cause: err });
    default:
      if (context === 'open' && err instanceof ReferenceError) return new StorageError('unavailable', { cause: err });
      return new StorageError('unknown', { cause: err });
  }
}
