// lib/dataset/loader.ts over the files the build packages (scripts/packaged-data.ts), read from memory.
import { describe, expect, it, vi } from 'vitest';
import { DECISION_FACTS_PATH } from '../../../lib/changes/packaged-facts';
import { decisionFacts } from '../../../lib/changes/snapshot';
import {
  BROWSE_INDEX_PATH,
  GENERAL_PATH,
  BrowseIndexLoadError,
  createDatasetLoader,
  PackagedFileMissing,
  PROVIDER_LOAD_MESSAGE,
  providerPath,
  ProviderLoadError,
  type PackagedReader,
} from '../../../lib/dataset/loader';
import { readGeneralFile, readProviderFiles } from '../../../lib/dataset/read-files';
import { parseGeneralFile, parseProviderFiles } from '../../../lib/dataset/validate';
import { packagedDataFiles } from '../../../scripts/packaged-data';

const { providers } = parseProviderFiles(readProviderFiles());
const files = new Map(packagedDataFiles(providers).map((f) => [f.relativeDest, f.contents]));

/** Reads the packaged files from memory; `drop` leaves some out, as a broken package would. */
function memoryReader(drop: readonly string[] = []) {
  const reads: string[] = [];
  const read: PackagedReader = async (path) => {
    reads.push(path);
    const text = drop.includes(path) ? undefined : files.get(path);
    if (text === undefined) throw new PackagedFileMissing(path);
    return JSON.parse(text) as unknown;
  };
  return { read, reads };
}

const [a, b, c, d] = providers;

describe('the packaged data', () => {
  it('is one file per provider, holding the validated record, the Browse index, the general facts and the decision facts', () => {
    expect(files.size).toBe(providers.length + 3);
    expect(JSON.parse(files.get(DECISION_FACTS_PATH)!)).toEqual(providers.map(decisionFacts));
    for (const p of providers) expect(JSON.parse(files.get(providerPath(p.id))!)).toEqual(p);
    expect(files.has(BROWSE_INDEX_PATH)).toBe(true);
    expect(JSON.parse(files.get(GENERAL_PATH)!)).toEqual(parseGeneralFile(readGeneralFile()).general);
  });
});

describe('createDatasetLoader', () => {
  it('loads one provider by reading its file only, once', async () => {
    const { read, reads } = memoryReader();
    const loader = createDatasetLoader(read);
    expect(loader.peekProvider(a!.id)).toBeUndefined();
    const [x, y] = await Promise.all([loader.loadProvider(a!.id), loader.loadProvider(a!.id)]);
    expect(x).toEqual(a);
    expect(y).toBe(x);
    await loader.loadProvider(a!.id);
    expect(reads).toEqual([providerPath(a!.id)]);
    expect(loader.peekProvider(a!.id)).toBe(x);
  });

  it('loads several in the order asked, each file once, never the index', async () => {
    const { read, reads } = memoryReader();
    const loader = createDatasetLoader(read);
    const got = await loader.loadProviders([c!.id, a!.id, c!.id, b!.id]);
    expect(got.map((p) => p.id)).toEqual([c!.id, a!.id, b!.id]);
    expect([...reads].sort()).toEqual([a, b, c].map((p) => providerPath(p!.id)).sort());
    expect(reads).not.toContain(BROWSE_INDEX_PATH);
  });

  it('loads the Browse index once', async () => {
    const { read, reads } = memoryReader();
    const loader = createDatasetLoader(read);
    const [i1, i2] = await Promise.all([loader.loadBrowseIndex(), loader.loadBrowseIndex()]);
    expect(i1).toBe(i2);
    expect(i1.entries).toHaveLength(providers.length);
    expect(loader.peekBrowseIndex()).toBe(i1);
    expect(reads).toEqual([BROWSE_INDEX_PATH]);
  });

  it('gives a clear error for a record missing from the package, and reads again on retry', async () => {
    const missing = providerPath(a!.id);
    let drop = [missing];
    const reads: string[] = [];
    const loader = createDatasetLoader((path) => {
      reads.push(path);
      return memoryReader(drop).read(path);
    });
    const err = await loader.loadProvider(a!.id).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProviderLoadError);
    expect(err).toMatchObject({ id: a!.id, reason: 'missing' });
    expect((err as Error).message).toContain(PROVIDER_LOAD_MESSAGE);
    // "Try again": the failure is not cached.
    drop = [];
    await expect(loader.loadProvider(a!.id)).resolves.toEqual(a);
    expect(reads).toEqual([missing, missing]);
  });

  it('tells unreadable files from missing ones', async () => {
    const loader = createDatasetLoader(async () => {
      throw new SyntaxError('Unexpected end of JSON input');
    });
    await expect(loader.loadProvider(a!.id)).rejects.toMatchObject({ name: 'ProviderLoadError', reason: 'unreadable' });
    await expect(loader.loadBrowseIndex()).rejects.toMatchObject({ name: 'BrowseIndexLoadError', reason: 'unreadable' });
  });

  it('rejects a file that holds another record, or no record', async () => {
    const loader = createDatasetLoader(async (path) => (path === providerPath(a!.id) ? JSON.parse(files.get(providerPath(b!.id))!) : null));
    await expect(loader.loadProvider(a!.id)).rejects.toMatchObject({ reason: 'unreadable' });
    await expect(loader.loadProvider(c!.id)).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('never reads a path that is not a provider id', async () => {
    const read = vi.fn<PackagedReader>(async () => ({}));
    const loader = createDatasetLoader(read);
    for (const id of ['../manifest', 'a/b', '', 'UPPER', 'x.json']) {
      await expect(loader.loadProvider(id)).rejects.toMatchObject({ reason: 'missing' });
    }
    expect(read).not.toHaveBeenCalled();
  });

  it('loadProviders rejects on a missing record, or leaves it out when asked to', async () => {
    const { read } = memoryReader([providerPath(b!.id)]);
    const loader = createDatasetLoader(read);
    await expect(loader.loadProviders([a!.id, b!.id, c!.id])).rejects.toMatchObject({ id: b!.id, reason: 'missing' });
    const got = await loader.loadProviders([a!.id, b!.id, d!.id], { missing: 'omit' });
    expect(got.map((p) => p.id)).toEqual([a!.id, d!.id]);
  });

  it('loadProviders still rejects an unreadable record with missing: omit', async () => {
    const loader = createDatasetLoader(async (path) => {
      if (path === providerPath(b!.id)) throw new Error('disk error');
      return JSON.parse(files.get(path)!) as unknown;
    });
    await expect(loader.loadProviders([a!.id, b!.id], { missing: 'omit' })).rejects.toMatchObject({ id: b!.id, reason: 'unreadable' });
  });

  it('reports a missing or stale Browse index, and retries', async () => {
    let drop = [BROWSE_INDEX_PATH];
    const loader = createDatasetLoader((path) => memoryReader(drop).read(path));
    const err = await loader.loadBrowseIndex().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrowseIndexLoadError);
    expect(err).toMatchObject({ reason: 'missing' });
    drop = [];
    await expect(loader.loadBrowseIndex()).resolves.toMatchObject({ version: 1 });

    const stale = createDatasetLoader(async () => ({ version: 0, entries: [] }));
    await expect(stale.loadBrowseIndex()).rejects.toMatchObject({ reason: 'unreadable' });
  });

  it('reads at most 16 files at once', async () => {
    let now = 0;
    let peak = 0;
    const loader = createDatasetLoader(async (path) => {
      peak = Math.max(peak, ++now);
      await new Promise((r) => setTimeout(r, 1));
      now--;
      return JSON.parse(files.get(path)!) as unknown;
    });
    const got = await loader.loadProviders(providers.map((p) => p.id));
    expect(got).toHaveLength(providers.length);
    expect(peak).toBe(16);
  });
});
