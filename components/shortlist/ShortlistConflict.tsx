import { useId } from 'preact/hooks';

export interface ShortlistConflictProps {
  /** What happened, in plain words, e.g. "This note was also changed in another window." */
  title: string;
  /** This window's version (not saved), as text. */
  mine: string;
  /** The version the other window saved, as text. */
  theirs: string;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
  /** Offered for text that can be joined (notes). */
  onKeepBoth?: () => void;
  /** A choice is being saved: buttons wait. */
  busy?: boolean;
  /** Why the last choice could not be saved (the choice is still on offer). */
  error?: string | null;
}

const shown = (text: string) => (text.trim() === '' ? <em>(empty)</em> : text);

/**
 * Two versions of the same thing, side by side, right where the user typed: theirs was saved in another
 * window while this window's was being typed. Nothing is written until the user chooses.
 */
export function ShortlistConflict({ title, mine, theirs, onKeepMine, onKeepTheirs, onKeepBoth, busy = false, error = null }: ShortlistConflictProps) {
  const id = useId();
  return (
    <div class="sl-conflict" role="group" aria-labelledby={`${id}-title`} data-conflict>
      <p class="sl-conflict__title" id={`${id}-title`} role="alert">
        <strong>{title}</strong> Nothing was overwritten. Choose which to keep.
      </p>
      <div class="sl-conflict__versions">
        <div class="sl-conflict__version">
          <p class="sl-conflict__label" id={`${id}-mine`}>
            Yours (not saved yet)
          </p>
          <div class="sl-conflict__text" tabIndex={0} role="region" aria-labelledby={`${id}-mine`} data-version="mine">
            {shown(mine)}
          </div>
        </div>
        <div class="sl-conflict__version">
          <p class="sl-conflict__label" id={`${id}-theirs`}>
            Saved in another window
          </p>
          <div class="sl-conflict__text" tabIndex={0} role="region" aria-labelledby={`${id}-theirs`} data-version="theirs">
            {shown(theirs)}
          </div>
        </div>
      </div>
      <div class="sl-conflict__actions">
        <button type="button" class="button sl-small" disabled={busy} onClick={onKeepMine}>
          Keep mine
        </button>
        <button type="button" class="button button--secondary sl-small" disabled={busy} onClick={onKeepTheirs}>
          Keep the other
        </button>
        {onKeepBoth && (
          <button type="button" class="button button--secondary sl-small" disabled={busy} onClick={onKeepBoth}>
            Keep both
          </button>
        )}
      </div>
      {error && (
        <p class="sl-field__error" role="alert">
          Not saved: {error} Both versions are still here.
        </p>
      )}
    </div>
  );
}
