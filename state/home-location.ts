// The user's home location for "near me": a ZIP code or just a state, kept in `browser.storage.local`
// key `homeLocation` (a preference; the only other one in storage.local is the Browse sort, state/browse-search.ts). The ZIP table chunk is
// loaded only once a ZIP is set or read from storage — never at panel start-up without one.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadZipLookup as defaultLoadZipLookup, type ZipLookup } from '@/data/geo';
import { isUsState } from '@/lib/browse/states';
import type { UsState } from '@/lib/dataset/schema';
import type { LatLon } from '@/lib/geo/distance';
import { checkZip, normaliseZip, ZIP_UNKNOWN } from '@/lib/geo/zip';

export type { ZipLookup };

export const HOME_STORAGE_KEY = 'homeLocation';

export interface HomeLocation {
  zip: string | null;
  state: UsState | null;
}

export const NO_HOME: HomeLocation = { zip: null, state: null };

/** Whatever is stored, as a HomeLocation (anything malformed reads as "not set"). */
export function normaliseHome(value: unknown): HomeLocation {
  if (!value || typeof value !== 'object') return NO_HOME;
  const v = value as Record<string, unknown>;
  const zip = typeof v.zip === 'string' ? normaliseZip(v.zip) : null;
  const state = isUsState(v.state) ? v.state : null;
  return { zip, state };
}

export type ZipStatus = 'idle' | 'loading' | 'ready' | 'failed';

export const ZIP_LOAD_FAILED = 'ZIP codes could not be loaded. Choose your state instead, or try again.';

export interface HomeLocationState {
  home: HomeLocation;
  /** The stored value has been read. */
  loaded: boolean;
  /** The ZIP's coordinates once the table is loaded; null without a ZIP (or while loading). */
  origin: LatLon | null;
  zipStatus: ZipStatus;
  /** Why the last ZIP entered was not used; null when it was (or none was entered). */
  error: string | null;
  /** Validates, loads the table if needed and saves; resolves true when the ZIP was saved. */
  setZip(input: string): Promise<boolean>;
  /** Just a state (clears any ZIP). */
  setState(state: UsState): Promise<void>;
  clear(): Promise<void>;
}

// In memory when storage.local cannot be used, and so a view mounted again starts from the last value.
let memory: { home: HomeLocation; origin: LatLon | null } | null = null;

/** For tests: forget what this page remembers. */
export function resetHomeLocationMemory() {
  memory = null;
}

async function read(): Promise<HomeLocation> {
  try {
    const got = await browser.storage.local.get(HOME_STORAGE_KEY);
    return normaliseHome(got[HOME_STORAGE_KEY]);
  } catch {
    return memory?.home ?? NO_HOME;
  }
}

async function write(home: HomeLocation): Promise<void> {
  try {
    if (home.zip === null && home.state === null) await browser.storage.local.remove(HOME_STORAGE_KEY);
    else await browser.storage.local.set({ [HOME_STORAGE_KEY]: home });
  } catch {
    // Kept in memory for this page.
  }
}

const same = (a: HomeLocation, b: HomeLocation) => a.zip === b.zip && a.state === b.state;

export function useHomeLocation({ loadZipLookup = defaultLoadZipLookup }: { loadZipLookup?: () => Promise<ZipLookup> } = {}): HomeLocationState {
  const [home, setHome] = useState<HomeLocation>(memory?.home ?? NO_HOME);
  const [origin, setOrigin] = useState<LatLon | null>(memory?.origin ?? null);
  const [loaded, setLoaded] = useState(memory !== null);
  const [zipStatus, setZipStatus] = useState<ZipStatus>(memory?.origin ? 'ready' : 'idle');
  const [error, setError] = useState<string | null>(null);
  const live = useRef(true);
  // The latest request wins: a slow table load never overwrites a newer choice.
  const generation = useRef(0);

  /** Shows a stored `next`; with a ZIP, loads the table for its coordinates and state. */
  const apply = useCallback(
    async (next: HomeLocation, gen: number): Promise<HomeLocation> => {
      if (!live.current || gen !== generation.current) return next;
      setHome(next);
      setLoaded(true);
      if (next.zip === null) {
        memory = { home: next, origin: null };
        setOrigin(null);
        setZipStatus('idle');
        return next;
      }
      if (memory?.origin && memory.home.zip === next.zip) {
        setOrigin(memory.origin);
        setZipStatus('ready');
        memory = { home: next, origin: memory.origin };
        return next;
      }
      setOrigin(null);
      setZipStatus('loading');
      let lookup: ZipLookup;
      try {
        lookup = await loadZipLookup();
      } catch {
        if (live.current && gen === generation.current) setZipStatus('failed');
        return next;
      }
      if (!live.current || gen !== generation.current) return next;
      const hit = lookup.get(next.zip);
      if (!hit) setError(ZIP_UNKNOWN);
      const place = hit ? { lat: hit.lat, lon: hit.lon } : null;
      const withState: HomeLocation = hit && isUsState(hit.state) ? { zip: next.zip, state: hit.state } : next;
      memory = { home: withState, origin: place };
      setHome(withState);
      setOrigin(place);
      setZipStatus('ready');
      return withState;
    },
    [loadZipLookup],
  );

  useEffect(() => {
    live.current = true;
    const gen = ++generation.current;
    void read().then((h) => apply(h, gen));
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(HOME_STORAGE_KEY in changes)) return;
      const next = normaliseHome(changes[HOME_STORAGE_KEY]?.newValue);
      if (memory && same(memory.home, next)) return;
      void apply(next, ++generation.current);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live.current = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [apply]);

  const setZip = useCallback(
    async (input: string): Promise<boolean> => {
      const checked = checkZip(input);
      if ('error' in checked) {
        setError(checked.error);
        return false;
      }
      const gen = ++generation.current;
      setError(null);
      setZipStatus('loading');
      let lookup: ZipLookup;
      try {
        lookup = await loadZipLookup();
      } catch {
        if (live.current && gen === generation.current) {
          setZipStatus(memory?.origin ? 'ready' : 'failed');
          setError(ZIP_LOAD_FAILED);
        }
        return false;
      }
      if (!live.current || gen !== generation.current) return false;
      const hit = lookup.get(checked.zip);
      if (!hit) {
        setZipStatus(origin ? 'ready' : 'idle');
        setError(ZIP_UNKNOWN);
        return false;
      }
      const next: HomeLocation = { zip: checked.zip, state: isUsState(hit.state) ? hit.state : null };
      const place = { lat: hit.lat, lon: hit.lon };
      memory = { home: next, origin: place };
      setHome(next);
      setOrigin(place);
      setZipStatus('ready');
      await write(next);
      return true;
    },
    [loadZipLookup, origin],
  );

  const setState = useCallback(async (state: UsState) => {
    ++generation.current;
    const next: HomeLocation = { zip: null, state };
    memory = { home: next, origin: null };
    setError(null);
    setHome(next);
    setOrigin(null);
    setZipStatus('idle');
    await write(next);
  }, []);

  const clear = useCallback(async () => {
    ++generation.current;
    memory = { home: NO_HOME, origin: null };
    setError(null);
    setHome(NO_HOME);
    setOrigin(null);
    setZipStatus('idle');
    await write(NO_HOME);
  }, []);

  return { home, loaded, origin, zipStatus, error, setZip, setState, clear };
}
