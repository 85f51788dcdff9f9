import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import {
  addToSelection,
  COMPARE_STORAGE_KEY,
  mergeIntoSelection,
  normaliseSelection,
  removeFromSelection,
  type AddResult,
} from '@/lib/compare/selection';

export interface CompareSelection {
  /** Chosen provider ids, in the order chosen (at most four). Empty until loaded. */
  ids: string[];
  loaded: boolean;
  has(id: string): boolean;
  add(id: string): Promise<AddResult>;
  remove(id: string): Promise<void>;
  /** Adds or removes; `full` when a fifth was refused. */
  toggle(id: string): Promise<AddResult | 'removed'>;
  /** Adds several (a `#/compare/a,b` link); returns those that did not fit. */
  merge(ids: readonly string[]): Promise<string[]>;
  replace(ids: readonly string[]): Promise<void>;
  clear(): Promise<void>;
}

// In memory when storage.session is not available (it always is in the extension pages it targets).
let fallback: string[] = [];

async function read(): Promise<string[]> {
  try {
    const got = await browser.storage.session.get(COMPARE_STORAGE_KEY);
    return normaliseSelection(got[COMPARE_STORAGE_KEY]);
  } catch {
    return fallback;
  }
}

async function write(ids: string[]): Promise<void> {
  fallback = ids;
  try {
    await browser.storage.session.set({ [COMPARE_STORAGE_KEY]: ids });
  } catch {
    // Kept in memory for this page.
  }
}

// Changes from this page run one after another, each on the stored value, so quick clicks never lose one.
let queue: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The compare selection, shared by every view of the panel (and every panel of the browser session) through
 * `browser.storage.session` key `compareSelection`.
 */
export function useCompareSelection(): CompareSelection {
  const [ids, setIds] = useState<string[] | null>(null);

  useEffect(() => {
    let live = true;
    void read().then((v) => live && setIds((cur) => cur ?? v));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(COMPARE_STORAGE_KEY in changes)) return;
      setIds(normaliseSelection(changes[COMPARE_STORAGE_KEY]?.newValue));
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  const update = useCallback(
    <R,>(change: (cur: string[]) => { ids: string[]; result: R }) =>
      serial(async () => {
        const cur = await read();
        const next = change(cur);
        if (next.ids.join(',') !== cur.join(',')) await write(next.ids);
        setIds(next.ids);
        return next.result;
      }),
    [],
  );

  const current = ids ?? [];
  return {
    ids: current,
    loaded: ids !== null,
    has: (id) => current.includes(id),
    add: (id) => update((cur) => addToSelection(cur, id)),
    remove: (id) => update((cur) => ({ ids: removeFromSelection(cur, id), result: undefined })),
    toggle: (id) =>
      update<AddResult | 'removed'>((cur) =>
        cur.includes(id) ? { ids: removeFromSelection(cur, id), result: 'removed' } : addToSelection(cur, id),
      ),
    merge: (extra) =>
      update((cur) => {
        const r = mergeIntoSelection(cur, extra);
        return { ids: r.ids, result: r.dropped };
      }),
    replace: (next) => update(() => ({ ids: normaliseSelection(next), result: undefined })),
    clear: () => update(() => ({ ids: [], result: undefined })),
  };
}
