import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { ShortlistStore } from '@/state/shortlists/store';
import { StorageError, toStorageError } from '@/lib/shortlist';
import { checkListName } from '@/lib/shortlist/input';
import { LIST_NAME_MAX } from '@/lib/shortlist/limits';
import type { Shortlist } from '@/lib/shortlist/schema';

interface Props {
  lists: readonly Shortlist[];
  current: Shortlist | null;
  store: Pick<ShortlistStore, 'createList' | 'renameList' | 'deleteList'>;
  onSelect: (id: string) => void;
  onDeleted: (list: Shortlist) => void;
  /** Short text for the view's live region. */
  onAnnounce: (text: string) => void;
  /** "choose": only which list is shown (above the clinics); "manage": only new, rename, delete (the menu below). */
  part?: 'choose' | 'manage' | 'all';
}

/** Which list is shown, and creating, renaming and deleting lists. */
export function ShortlistPicker({ lists, current, store, onSelect, onDeleted, onAnnounce, part = 'all' }: Props) {
  const id = useId();
  const [mode, setMode] = useState<'create' | 'rename' | null>(null);
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<StorageError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (mode) input.current?.focus();
  }, [mode]);

  const start = (next: 'create' | 'rename', e: Event) => {
    opener.current = e.currentTarget as HTMLButtonElement;
    setMode(next);
    setName(next === 'rename' ? current?.name ?? '' : '');
    setFieldError(null);
    setError(null);
  };

  const close = () => {
    setMode(null);
    setFieldError(null);
    opener.current?.focus();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const checked = checkListName(name);
    if (!checked.ok) {
      setFieldError(checked.message);
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      if (mode === 'create') {
        const list = await store.createList(checked.value);
        onSelect(list.id);
        onAnnounce(`Created the list “${list.name}”.`);
      } else if (mode === 'rename' && current) {
        const list = await store.renameList(current.id, checked.value);
        onAnnounce(`Renamed the list to “${list.name}”.`);
      }
      setError(null);
      close();
    } catch (err) {
      setError(err instanceof StorageError ? err : toStorageError(err)); // the typed name stays
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!current || busy) return;
    setBusy(true);
    try {
      const list = await store.deleteList(current.id);
      setError(null);
      onDeleted(list);
    } catch (err) {
      setError(err instanceof StorageError ? err : toStorageError(err));
    } finally {
      setBusy(false);
    }
  };

  const choose = part !== 'manage';
  const manage = part !== 'choose';
  if (!manage && !(lists.length > 1 && current)) return null;

  return (
    <div class="sl-lists">
      {choose && lists.length > 1 && current && (
        <span class="sl-lists__choose">
          <label for={`${id}-list`} class="sl-label">
            Show list
          </label>
          <select id={`${id}-list`} value={current.id} onChange={(e) => onSelect(e.currentTarget.value)}>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </span>
      )}
      {manage && (
      <span class="sl-lists__actions">
        <button type="button" class="button button--secondary sl-small" onClick={(e) => start('create', e)} aria-expanded={mode === 'create'}>
          New list
        </button>
        {current && (
          <button type="button" class="button button--secondary sl-small" onClick={(e) => start('rename', e)} aria-expanded={mode === 'rename'}>
            Rename list
          </button>
        )}
        {current && (
          <button type="button" class="button button--secondary sl-small" onClick={remove} disabled={busy}>
            Delete list
          </button>
        )}
      </span>
      )}
      {mode && (
        <form class="sl-lists__form" onSubmit={submit} noValidate>
          <label for={`${id}-name`} class="sl-label">
            {mode === 'create' ? 'Name of the new list' : 'New name for the list'}
          </label>
          <input
            id={`${id}-name`}
            ref={input}
            type="text"
            value={name}
            maxLength={LIST_NAME_MAX + 50}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${id}-name-error` : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') close();
            }}
          />
          {fieldError && (
            <p class="sl-field__error" id={`${id}-name-error`}>
              {fieldError}
            </p>
          )}
          <span class="sl-lists__form-actions">
            <button type="submit" class="button sl-small" disabled={busy}>
              {mode === 'create' ? 'Create list' : 'Save name'}
            </button>
            <button type="button" class="button button--secondary sl-small" onClick={close}>
              Cancel
            </button>
          </span>
        </form>
      )}
      {error && (
        <p class="sl-error" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}
