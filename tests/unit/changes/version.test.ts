import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentDatasetVersion, DATASET_HASH } from '../../../data/dataset-version';
import { formatDatasetVersion, sameDatasetVersion } from '../../../lib/changes/version';
import { DatasetVersion } from '../../../lib/changes/schema';
import { readProviderFiles } from '../../../lib/dataset/read-files';
import { datasetHash } from '../../../scripts/dataset-hash';

describe('dataset hash (bundle time)', () => {
  const files = readProviderFiles();

  it('the bundled hash is the hash of data/providers', () => {
    expect(DATASET_HASH).toBe(datasetHash(files));
    expect(DATASET_HASH).toMatch(/^[0-9a-f]{16}$/);
  });

  it('changes with any record, not with file order or formatting', () => {
    const copy = JSON.parse(JSON.stringify(files)) as typeof files;
    expect(datasetHash([...copy].reverse())).toBe(DATASET_HASH);
    (copy[0]!.data as { status: { state: string } }).status.state = 'closed';
    expect(datasetHash(copy)).not.toBe(DATASET_HASH);
    expect(datasetHash(files.slice(1))).not.toBe(DATASET_HASH);
  });
});

describe('dataset version', () => {
  it('is the manifest version plus the data hash', () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Clinic Scout', version: '0.3.1' });
    expect(DatasetVersion.parse(currentDatasetVersion())).toEqual({ app: '0.3.1', data: DATASET_HASH });
  });

  it('differs when either part differs', () => {
    const a = { app: '0.1.0', data: '0123456789abcdef' };
    expect(sameDatasetVersion(a, { ...a })).toBe(true);
    expect(sameDatasetVersion(a, { ...a, app: '0.2.0' })).toBe(false);
    expect(sameDatasetVersion(a, { ...a, data: 'fedcba9876543210' })).toBe(false);
    expect(sameDatasetVersion(a, null)).toBe(false);
  });

  it('is worded by its manifest version; the hash only tells apart two builds of one version', () => {
    const a = { app: '0.2.0', data: '0123456789abcdef' };
    expect(formatDatasetVersion(a)).toBe('version 0.2.0');
    expect(formatDatasetVersion(a, { app: '0.1.0', data: 'fedcba9876543210' })).toBe('version 0.2.0');
    expect(formatDatasetVersion(a, { app: '0.2.0', data: 'fedcba9876543210' })).toBe('version 0.2.0 (data 01234567)');
  });
});
