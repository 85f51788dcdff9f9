import 'fake-indexeddb/auto';
import { cleanup } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setDatasetLoader } from '@/state/dataset';
import type { DatasetLoader } from '@/lib/dataset/loader';
import { preloadedDatasetLoader } from './fixtures/packaged-dataset';

// Views read provider records through state/dataset.ts, which in the extension fetches packaged files.
// Tests read the same files built in memory from data/, all loaded up front so views render at once;
// tests of loading and failures install their own loader (and this one is put back after each test).
let preloaded: DatasetLoader;
beforeAll(async () => {
  preloaded = await preloadedDatasetLoader();
  setDatasetLoader(preloaded);
});

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  setDatasetLoader(preloaded);
});
