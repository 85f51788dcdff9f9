// Loads provider records and the Browse index from files packaged with the extension (docs/architecture.md,
// "Data loading"), through an injected reader: data/packaged.ts reads the extension's own package in the
// panel; tests and Node scripts pass their own. Records were validated at build time, so nothing is parsed
// with zod here; a file is only checked to be the record asked for.
//
// Every load is cached for the page's life (one read per file, however many views ask), and a failed read
// is forgotten so that "Try again" really reads again.
import type { BrowseIndex } from './browse-index';
import { BROWSE_INDEX_VERSION } from './browse-index';
import type { Provider } from './schema';

export const PROVIDER_DIR = 'data/providers';
export const BROWSE_INDEX_PATH = 'data/browse-index.json';

/** Same rule as the schema's id: a lowercase slug, so an id can never name another path. */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const providerPath = (id: string) => `${PROVIDER_DIR}/${id}.json`;

/** What a reader throws when the file is not in the package (readers map their own failures to it). */
export class PackagedFileMissing extends Error {
  override readonly name = 'PackagedFileMissing';
  constructor(readonly path: string, options?: { cause?: unknown }) {
    super(`${path} is not in the extension package`, options);
  }
}

/**
 * Reads one packaged file (a path relative to the extension's root, no leading slash) and returns its parsed
 * JSON. Rejects with PackagedFileMissing when the file is absent; any other rejection counts as unreadable.
 */
export type PackagedReader = (path: string) => Promise<unknown>;

export type LoadFailure = 'missing' | 'unreadable';

/** The card's message when its record cannot be loaded; always shown with a way to try again. */
export const PROVIDER_LOAD_MESSAGE = "Couldn't load this provider's facts.";
export const BROWSE_LOAD_MESSAGE = "Couldn't load the list of providers.";

/** A provider record could not be loaded: `missing` (not in the package, or not a valid id) or `unreadable`. */
export class ProviderLoadError extends Error {
  override readonly name = 'ProviderLoadError';
  constructor(
    readonly id: string,
    readonly reason: LoadFailure,
    options?: { cause?: unknown },
  ) {
    super(`${PROVIDER_LOAD_MESSAGE} (${id}: ${reason})`, options);
  }
}

export class BrowseIndexLoadError extends Error {
  override readonly name = 'BrowseIndexLoadError';
  constructor(
    readonly reason: LoadFailure,
    options?: { cause?: unknown },
  ) {
    super(`${BROWSE_LOAD_MESSAGE} (${reason})`, options);
  }
}

export interface DatasetLoader {
  /** One record; rejects with ProviderLoadError. */
  loadProvider(id: string): Promise<Provider>;
  /**
   * Several records, in the order asked (duplicates once). By default any failure rejects; with
   * `missing: 'omit'` records absent from the package are left out (a shortlist item whose provider left
   * the dataset), while unreadable ones still reject.
   */
  loadProviders(ids: readonly string[], opts?: { missing?: 'throw' | 'omit' }): Promise<Provider[]>;
  /** The Browse index; rejects with BrowseIndexLoadError. */
  loadBrowseIndex(): Promise<BrowseIndex>;
  /** An already loaded record, synchronously (no loading state for what is in memory). */
  peekProvider(id: string): Provider | undefined;
  peekBrowseIndex(): BrowseIndex | undefined;
}

/** At most this many reads at once for loadProviders (an export of a long list). */
const PARALLEL = 16;

export function createDatasetLoader(read: PackagedReader): DatasetLoader {
  const pending = new Map<string, Promise<Provider>>();
  const loaded = new Map<string, Provider>();
  let indexPending: Promise<BrowseIndex> | null = null;
  let index: BrowseIndex | undefined;

  function loadProvider(id: string): Promise<Provider> {
    const have = loaded.get(id);
    if (have) return Promise.resolve(have);
    let p = pending.get(id);
    if (p) return p;
    p = (async () => {
      if (!ID.test(id)) throw new ProviderLoadError(id, 'missing');
      let data: unknown;
      try {
        data = await read(providerPath(id));
      } catch (e) {
        throw new ProviderLoadError(id, e instanceof PackagedFileMissing ? 'missing' : 'unreadable', { cause: e });
      }
      if (!data || typeof data !== 'object' || (data as { id?: unknown }).id !== id) throw new ProviderLoadError(id, 'unreadable');
      const record = data as Provider;
      loaded.set(id, record);
      return record;
    })();
    pending.set(id, p);
    // Forget failures so the next call reads again; successes are served from `loaded`.
    p.then(
      () => pending.delete(id),
      () => pending.delete(id),
    );
    return p;
  }

  async function loadProviders(ids: readonly string[], opts: { missing?: 'throw' | 'omit' } = {}): Promise<Provider[]> {
    const unique = [...new Set(ids)];
    const out = new Map<string, Provider>();
    let next = 0;
    let failure: unknown = null;
    const worker = async () => {
      while (next < unique.length && failure === null) {
        const id = unique[next++]!;
        try {
          out.set(id, await loadProvider(id));
        } catch (e) {
          if (opts.missing === 'omit' && e instanceof ProviderLoadError && e.reason === 'missing') continue;
          failure ??= e;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, unique.length) }, worker));
    if (failure !== null) throw failure;
    return unique.flatMap((id) => out.get(id) ?? []);
  }

  function loadBrowseIndex(): Promise<BrowseIndex> {
    if (index) return Promise.resolve(index);
    indexPending ??= (async () => {
      let data: unknown;
      try {
        data = await read(BROWSE_INDEX_PATH);
      } catch (e) {
        throw new BrowseIndexLoadError(e instanceof PackagedFileMissing ? 'missing' : 'unreadable', { cause: e });
      }
      const got = data as Partial<BrowseIndex> | null;
      if (!got || got.version !== BROWSE_INDEX_VERSION || !Array.isArray(got.entries) || typeof got.places !== 'object') {
        throw new BrowseIndexLoadError('unreadable');
      }
      index = got as BrowseIndex;
      return index;
    })();
    indexPending.catch(() => {
      indexPending = null;
    });
    return indexPending;
  }

  return {
    loadProvider,
    loadProviders,
    loadBrowseIndex,
    peekProvider: (id) => loaded.get(id),
    peekBrowseIndex: () => index,
  };
}
