import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { isItemConflict, StorageError, toStorageError } from '@/lib/shortlist';
import { NOTES_SAVE_DELAY_MS } from '@/lib/shortlist/input';
import { NOTES_MAX } from '@/lib/shortlist/limits';
import { ShortlistConflict } from './ShortlistConflict';

interface Props {
  itemId: string;
  /** The notes as stored (changes when another window saves). */
  saved: string;
  /** The item's revision that `saved` was read at. */
  revision: number;
  store: Pick<ShortlistStore, 'updateItem' | 'noteDrafts'>;
  delayMs?: number;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/** The stored notes this field's text was typed over, and the item's revision then. */
interface Base {
  text: string;
  revision: number;
}

/** "Keep both": this window's text, then the other window's. */
const joined = (mine: string, theirs: string) => [mine.trimEnd(), theirs.trim()].filter((t) => t !== '').join('\n\n');

/**
 * Free-text notes, saved as the user types (debounced), on blur and when the page is hidden. The text
 * stays in the textarea whatever happens: a failed save shows the reason and is retried on the next
 * keystroke or with "Try again"; a change from another window replaces the text only when nothing typed
 * here is unsaved. Every save says which stored revision it was typed over: when another window saved
 * different notes first, nothing is written and both versions are shown side by side for the user to
 * choose (keep mine, keep the other, keep both).
 */
export function ShortlistNotes({ itemId, saved, revision, store, delayMs = NOTES_SAVE_DELAY_MS }: Props) {
  const id = useId();
  // Unsaved text from before this field was last shown (collapsed item, other view) comes back first,
  // with the stored version it was typed over (so a change made elsewhere meanwhile is a conflict).
  const [kept] = useState(() => store.noteDrafts.get(itemId));
  const [draft, setDraft] = useState(kept?.text ?? saved);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<StorageError | null>(null);
  const [conflict, setConflictState] = useState<Base | null>(null);
  const draftRef = useRef(kept?.text ?? saved);
  /** What is known to be stored, and at which revision: every save is made over it. */
  const baseRef = useRef<Base>(kept ? { text: kept.base, revision: kept.revision } : { text: saved, revision });
  /** Open conflict: the other window's saved text and revision; saving waits for the user's choice. */
  const conflictRef = useRef<Base | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const live = useRef(true);

  const setConflict = (c: Base | null) => {
    conflictRef.current = c;
    if (live.current) setConflictState(c);
  };

  /** Keeps unsaved text (with what it was typed over) on the store, for the life of the page. */
  const keepDraft = () => {
    const base = baseRef.current;
    if (draftRef.current === base.text && !conflictRef.current) store.noteDrafts.delete(itemId);
    else store.noteDrafts.set(itemId, { text: draftRef.current, base: base.text, revision: base.revision });
  };

  // Another window (or a reload) changed the item.
  useEffect(() => {
    const base = baseRef.current;
    if (saved === base.text && revision === base.revision) return;
    const open = conflictRef.current;
    if (open) {
      // Keep showing their newest version next to this window's text.
      if (revision > open.revision) setConflict({ text: saved, revision });
      return;
    }
    if (draftRef.current === base.text) {
      // Nothing unsaved here: follow the stored text.
      baseRef.current = { text: saved, revision };
      draftRef.current = saved;
      setDraft(saved);
      keepDraft();
    } else if (saved === base.text) {
      // Only other fields changed: the text typed here is still over the latest notes.
      if (revision > base.revision) baseRef.current = { text: saved, revision };
      keepDraft();
    } else if (revision > base.revision) {
      // Someone else saved other notes while this text was being typed: save now, which shows both.
      void save();
    }
  }, [saved, revision]);

  const save = (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // One save at a time, each with the latest text, so saves never land out of order.
    const run = chain.current.then(async () => {
      if (conflictRef.current) return; // waits for the user's choice
      const text = draftRef.current;
      const base = baseRef.current;
      if (text === base.text) {
        keepDraft();
        if (live.current) setState((s) => (s === 'saving' ? 'saved' : s));
        return;
      }
      if (text.length > NOTES_MAX) {
        if (live.current) {
          setError(
            new StorageError('invalid', {
              field: 'notes',
              message: `Notes can be up to ${NOTES_MAX.toLocaleString('en-US')} characters; these are ${text.length.toLocaleString('en-US')}. Shorten them to save.`,
            }),
          );
          setState('error');
        }
        return;
      }
      if (live.current) setState('saving');
      try {
        const item = await store.updateItem(itemId, { notes: text, expectedRevision: base.revision }, { notes: base.text });
        baseRef.current = { text: item.notes, revision: item.revision };
        keepDraft();
        if (!live.current) return;
        setError(null);
        setState(draftRef.current === text ? 'saved' : 'idle');
      } catch (err) {
        if (isItemConflict(err)) {
          // Nothing was written. This window's text stays in the textarea; theirs is shown beside it.
          setConflict({ text: err.stored.notes, revision: err.stored.revision });
          keepDraft();
          if (live.current) {
            setError(null);
            setState('idle');
          }
          return;
        }
        if (!live.current) return;
        setError(err instanceof StorageError ? err : toStorageError(err));
        setState('error');
      }
    });
    chain.current = run;
    return run;
  };

  /** The user's choice, saved over the other window's revision (a third change shows a new choice). */
  const choose = (text: string) => {
    const theirs = conflictRef.current;
    if (!theirs) return;
    baseRef.current = theirs;
    draftRef.current = text;
    setDraft(text);
    setConflict(null);
    keepDraft();
    void save();
  };

  // Unsaved text is saved when the page is hidden (panel closed, tab switched) or this field goes away.
  useEffect(() => {
    const flush = () => {
      if (draftRef.current !== baseRef.current.text) void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    if (draftRef.current !== baseRef.current.text) void save(); // a draft kept from before: try again now
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      live.current = false;
    };
  }, [itemId]);

  const onInput = (value: string) => {
    draftRef.current = value;
    keepDraft();
    setDraft(value);
    if (state === 'saved') setState('idle');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), delayMs);
  };

  return (
    <div class="sl-notes">
      <div class="sl-notes__head">
        <label for={id} class="sl-label">
          Notes
        </label>
        <span class="sl-notes__status" role="status" aria-live="polite">
          {state === 'saved' ? 'Saved' : ''}
        </span>
        {state === 'saving' && (
          <span class="sl-notes__saving" aria-hidden="true">
            Saving…
          </span>
        )}
      </div>
      <textarea
        id={id}
        class="sl-notes__text"
        value={draft}
        rows={4}
        maxLength={NOTES_MAX}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
        onBlur={() => void save()}
      />
      <p class="sl-hint" id={`${id}-hint`}>
        Saved on this device as you type.
      </p>
      {conflict && (
        <ShortlistConflict
          title="This note was also changed in another window."
          mine={draft}
          theirs={conflict.text}
          onKeepMine={() => choose(draftRef.current)}
          onKeepTheirs={() => choose(conflict.text)}
          onKeepBoth={() => choose(joined(draftRef.current, conflict.text))}
        />
      )}
      {error && (
        <div class="sl-error" id={`${id}-error`} role="alert">
          <p>
            <strong>Not saved yet.</strong> {error.message} Your text is still here.
          </p>
          <button type="button" class="button button--secondary sl-small" onClick={() => void save()}>
            Try again
          </button>
        </div>
      )}
    </div>
  );
}
