import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { StorageError, toStorageError } from '@/lib/shortlist';
import { NOTES_SAVE_DELAY_MS } from '@/lib/shortlist/input';
import { NOTES_MAX } from '@/lib/shortlist/schema';


interface Props {
  itemId: string;
  /** The notes as stored (changes when another window saves). */
  saved: string;
  store: Pick<ShortlistStore, 'updateItem' | 'noteDrafts'>;
  delayMs?: number;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'error';

/**
 * Free-text notes, saved as the user types (debounced), on blur and when the page is hidden. The text
 * stays in the textarea whatever happens: a failed save shows the reason and is retried on the next
 * keystroke or with "Try again"; a change from another window replaces the text only when nothing typed
 * here is unsaved.
 */
export function ShortlistNotes({ itemId, saved, store, delayMs = NOTES_SAVE_DELAY_MS }: Props) {
  const id = useId();
  // Unsaved text from before this field was last shown (collapsed item, other view) comes back first.
  const [initial] = useState(() => store.noteDrafts.get(itemId) ?? saved);
  const [draft, setDraft] = useState(initial);
  const [state, setState] = useState<SaveState>('idle');
  const [error, setError] = useState<StorageError | null>(null);
  const draftRef = useRef(initial);
  /** What is known to be stored. */
  const storedRef = useRef(saved);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<void>>(Promise.resolve());
  const live = useRef(true);

  // Another window (or a reload) changed the stored notes.
  useEffect(() => {
    if (saved === storedRef.current) return;
    const clean = draftRef.current === storedRef.current;
    storedRef.current = saved;
    if (clean) {
      draftRef.current = saved;
      setDraft(saved);
    }
  }, [saved]);

  const save = (): Promise<void> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    // One save at a time, each with the latest text, so saves never land out of order.
    const run = chain.current.then(async () => {
      const text = draftRef.current;
      if (text === storedRef.current) {
        if (store.noteDrafts.get(itemId) === text) store.noteDrafts.delete(itemId);
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
        await store.updateItem(itemId, { notes: text });
        storedRef.current = text;
        if (store.noteDrafts.get(itemId) === text) store.noteDrafts.delete(itemId);
        if (!live.current) return;
        setError(null);
        setState(draftRef.current === text ? 'saved' : 'idle');
      } catch (err) {
        if (!live.current) return;
        setError(err instanceof StorageError ? err : toStorageError(err));
        setState('error');
      }
    });
    chain.current = run;
    return run;
  };

  // Unsaved text is saved when the page is hidden (panel closed, tab switched) or this field goes away.
  useEffect(() => {
    const flush = () => {
      if (draftRef.current !== storedRef.current) void save();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    if (draftRef.current !== storedRef.current) void save(); // a draft kept from before: try again now
    return () => {
      removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
      live.current = false;
    };
  }, [itemId]);

  const onInput = (value: string) => {
    draftRef.current = value;
    store.noteDrafts.set(itemId, value);
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
