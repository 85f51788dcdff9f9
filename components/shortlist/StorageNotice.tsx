import type { ComponentChildren } from 'preact';
import type { StorageError } from '@/lib/shortlist';

const TITLE: Partial<Record<StorageError['kind'], string>> = {
  quota: 'Your browser is out of space for Clinic Scout',
  unavailable: "Shortlists can't be saved here",
  blocked: 'Clinic Scout is busy in another window',
  'upgrade-failed': "Your shortlists couldn't be opened",
};

interface Props {
  error: StorageError;
  /** Offered when trying again can help (opening storage again, repeating a save). */
  onRetry?: () => void;
  /**
   * EXPORT / IMPORT SLOT. The export and import buttons (built separately) go here, so that when storage
   * fails the way to keep a copy is right next to the explanation.
   */
  exportImport?: ComponentChildren;
  /** One short block (on a provider card) instead of the full notice. */
  compact?: boolean;
}

/** Explains a storage problem in the user's words: the StorageError's own message, never a code. */
export function StorageNotice({ error, onRetry, exportImport, compact = false }: Props) {
  const title = TITLE[error.kind] ?? "That couldn't be saved";
  return (
    <div class={`notice notice--warn storage-notice ${compact ? 'storage-notice--compact' : ''}`} role="alert">
      {!compact && <p class="storage-notice__title">{title}</p>}
      <p class="storage-notice__message">{error.message}</p>
      {!compact && (
        <p class="storage-notice__copy">
          Anything you typed is still on screen. To keep a copy of your shortlist, use Export; Import brings it back.
        </p>
      )}
      {/* EXPORT / IMPORT SLOT: the colleague's export and import buttons render here (prop `exportImport`). */}
      {exportImport && (
        <div class="storage-notice__export" data-slot="export-import">
          {exportImport}
        </div>
      )}
      {onRetry && (
        <button type="button" class="button button--secondary storage-notice__retry" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
