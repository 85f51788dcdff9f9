// Something the panel loads from its package (lib/dataset/loader.ts): a record, several, the Browse index.
// `peek` answers synchronously for what is already in memory, so a view shown again never passes
// through a loading state; `retry` reads again after a failure ("Try again").
import { useCallback, useEffect, useState } from 'preact/hooks';

export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: unknown; retry: () => void };

/**
 * Loads `key` with `load` (re-run when the key changes); `peek` returns a value already in memory.
 * `key` is a string identity of what is loaded (an id, ids joined), so callers may pass fresh arrays.
 */
export function useLoadable<T>(key: string | null, load: () => Promise<T>, peek: () => T | undefined): Loadable<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ key: string | null; attempt: number; result: Loadable<T> } | null>(null);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const current = state && state.key === key && state.attempt === attempt ? state.result : null;
  const peeked = current ? undefined : key === null ? undefined : peek();

  useEffect(() => {
    if (key === null || peeked !== undefined) return;
    let live = true;
    load().then(
      (value) => live && setState({ key, attempt, result: { status: 'ready', value } }),
      (error: unknown) => live && setState({ key, attempt, result: { status: 'error', error, retry } }),
    );
    return () => {
      live = false;
    };
    // `load` and `peek` follow `key`; listing them would reload on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, peeked === undefined]);

  if (current) return current;
  if (peeked !== undefined) return { status: 'ready', value: peeked };
  return { status: 'loading' };
}
