// The name and description the stores show come from public/_locales/en/messages.json; the stores
// refuse or truncate text past their limits.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const messages = JSON.parse(readFileSync(join(ROOT, 'public', '_locales', 'en', 'messages.json'), 'utf8')) as Record<
  string,
  { message: string; description?: string }
>;
const text = (key: string) => {
  const m = messages[key]?.message;
  if (!m) throw new Error(`public/_locales/en/messages.json has no ${key}`);
  return m;
};

describe('store listing limits (en)', () => {
  it('name: at most 75 characters (Chrome) and 50 (addons.mozilla.org)', () => {
    expect(text('extName').length).toBeLessThanOrEqual(75);
    expect(text('extName').length).toBeLessThanOrEqual(50);
  });

  it('short name: at most 12 characters (Chrome)', () => {
    expect(text('extShortName').length).toBeLessThanOrEqual(12);
  });

  it('description: at most 132 characters (Chrome)', () => {
    expect(text('extDescription').length).toBeLessThanOrEqual(132);
    expect(text('extDescription').length).toBeGreaterThan(20);
  });

  it('every message says where it is used (for translators)', () => {
    for (const [key, value] of Object.entries(messages)) expect(value.description, key).toBeTruthy();
  });

  it('the listing summary in docs/store agrees with the manifest description', () => {
    const listing = readFileSync(join(ROOT, 'docs', 'store', 'listing.md'), 'utf8');
    expect(listing).toContain(text('extDescription'));
    expect(listing).toContain(text('extName'));
  });
});
