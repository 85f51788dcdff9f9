import { useEffect, useRef, useState } from 'preact/hooks';
import type { UsState } from '@/lib/dataset/schema';
import { STATE_NAME } from '@/lib/browse/states';
import type { HomeLocation as Home, ZipStatus } from '@/state/home-location';
import './near-me.css'; // only Browse shows a home location: its styles load with it

interface Props {
  home: Home;
  /** The stored value has been read (until then nothing is offered, so the form does not flash). */
  loaded?: boolean;
  zipStatus: ZipStatus;
  /** Why the ZIP entered was not used (invalid, unknown, table not loaded). */
  error: string | null;
  /** Resolves true when the ZIP was saved. */
  onSetZip: (input: string) => Promise<boolean>;
  onSetState: (state: UsState) => void;
  onClear: () => void;
  /** Shows only providers in (or serving) the home state; left out when that filter is already on. */
  onFilterState?: () => void;
}

const STATES_BY_NAME = (Object.keys(STATE_NAME) as UsState[]).sort((a, b) => STATE_NAME[a].localeCompare(STATE_NAME[b]));

/** Set, change or clear the user's ZIP code (or just a state) for distances and "serves your state". */
export function HomeLocation({ home, loaded = true, zipStatus, error, onSetZip, onSetState, onClear, onFilterState }: Props) {
  const isSet = home.zip !== null || home.state !== null;
  const [editing, setEditing] = useState(false);
  const [zip, setZip] = useState(home.zip ?? '');
  const changeRef = useRef<HTMLButtonElement>(null);
  const zipRef = useRef<HTMLInputElement>(null);
  const [focusAfter, setFocusAfter] = useState<'change' | 'zip' | null>(null);
  const showForm = loaded && (!isSet || editing);

  useEffect(() => {
    if (focusAfter === 'change') changeRef.current?.focus();
    if (focusAfter === 'zip') zipRef.current?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (await onSetZip(zip)) {
      setEditing(false);
      setFocusAfter('change');
    }
  };

  const errorMessage = (
    <p id="home-error" class="home__error" role="alert">
      {error}
    </p>
  );
  const describedBy = ['home-note', error ? 'home-error' : ''].filter(Boolean).join(' ');

  return (
    <section class="home" aria-labelledby="home-title">
      <h3 id="home-title" class="home__title">
        Your location
      </h3>
      {loaded && !showForm && (
        <p class="home__current">
          {home.zip !== null ? (
            <>
              Near ZIP code <strong>{home.zip}</strong>
              {home.state && ` (${STATE_NAME[home.state]})`}
            </>
          ) : (
            <>
              In <strong>{home.state && STATE_NAME[home.state]}</strong> (add a ZIP code to see distances)
            </>
          )}{' '}
          <button
            ref={changeRef}
            type="button"
            class="link"
            onClick={() => {
              setZip(home.zip ?? '');
              setEditing(true);
              setFocusAfter('zip');
            }}
          >
            Change
          </button>{' '}
          <button
            type="button"
            class="link"
            onClick={() => {
              onClear();
              setZip('');
              setEditing(false);
              setFocusAfter('zip');
            }}
          >
            Clear
          </button>
        </p>
      )}
      {showForm && (
        <form class="home__form" onSubmit={submit} noValidate>
          <div class="field">
            <label for="home-zip">ZIP code</label>
            <div class="home__zip">
              <input
                ref={zipRef}
                id="home-zip"
                type="text"
                inputMode="numeric"
                autocomplete="postal-code"
                maxLength={10}
                size={8}
                value={zip}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={describedBy}
                onInput={(e) => setZip(e.currentTarget.value)}
              />
              <button type="submit" class="button">
                Use ZIP code
              </button>
            </div>
            {error && errorMessage}
          </div>
          <div class="field">
            <label for="home-state">Or just your state</label>
            <select
              id="home-state"
              value={home.zip === null ? (home.state ?? '') : ''}
              onChange={(e) => {
                const v = e.currentTarget.value;
                if (!v) return;
                onSetState(v as UsState);
                setEditing(false);
                setFocusAfter('change');
              }}
            >
              <option value="">Choose a state</option>
              {STATES_BY_NAME.map((s) => (
                <option key={s} value={s}>
                  {STATE_NAME[s]}
                </option>
              ))}
            </select>
          </div>
          {isSet && (
            <button type="button" class="link home__cancel" onClick={() => { setEditing(false); setFocusAfter('change'); }}>
              Cancel
            </button>
          )}
        </form>
      )}
      {error && !showForm && errorMessage}
      <p class="home__status" role="status">
        {zipStatus === 'loading' ? 'Loading ZIP codes…' : ''}
      </p>
      <p id="home-note" class="field__hint">
        Kept on this device only.
      </p>
      {onFilterState && home.state && (
        <p class="home__filter">
          <button type="button" class="link" onClick={onFilterState}>
            Show only providers in or serving {STATE_NAME[home.state]}
          </button>
        </p>
      )}
    </section>
  );
}
