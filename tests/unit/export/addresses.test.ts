// Issue 17, item 5: an imported file can't attach a web address to a known provider, and addresses with
// a user name or password (https://mindbloom.com@evil.example/) are refused everywhere.
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../../lib/export/import';
import { toJson } from '../../../lib/export/json-format';
import { toCsv } from '../../../lib/export/csv';
import { toMarkdown } from '../../../lib/export/markdown';
import { factsBuilder } from '../../../lib/export/facts';
import { hasUserinfo, itemWebsite, safeHref } from '../../../lib/format/links';
import { PROVIDERS, exportInput, makeItem, makeList } from './fixtures';

const PHISH = 'https://phish.example/login';
const USERINFO = 'https://mindbloom.com@evil.example/';
const mindbloom = PROVIDERS.get('mindbloom')!;

describe('a provider in the dataset: its address comes from the dataset only', () => {
  const list = makeList({ id: 'l', name: 'Denver' });
  const item = makeItem({ id: 'i', shortlistId: 'l', providerId: 'mindbloom', snapshot: { name: 'Mindbloom', website: PHISH } });

  it('the row (itemWebsite), the print view and the exports never show the snapshot address', () => {
    expect(itemWebsite(item, mindbloom)).toBe('https://mindbloom.example.com/');
    const facts = factsBuilder((id) => PROVIDERS.get(id))(item);
    expect(facts.website).toBe('https://mindbloom.example.com/'); // what PrintView shows
    const input = exportInput({ shortlists: [list], items: [item] });
    expect(toCsv(input)).not.toContain('phish');
    expect(toMarkdown(input)).not.toContain('phish');
  });

  it('a provider that left the dataset keeps its saved address; the user’s own entry its own', () => {
    const gone = makeItem({ id: 'g', shortlistId: 'l', providerId: 'gone', snapshot: { name: 'Gone', website: 'https://gone.example/' } });
    expect(itemWebsite(gone, undefined)).toBe('https://gone.example/');
    const own = makeItem({ id: 'o', shortlistId: 'l', providerId: null, custom: { name: 'Own', website: 'https://own.example/', city: null, state: null } });
    expect(itemWebsite(own, undefined)).toBe('https://own.example/');
  });
});

describe('addresses with a user name or password are refused everywhere', () => {
  it('link helper', () => {
    expect(hasUserinfo(USERINFO)).toBe(true);
    expect(hasUserinfo('https://user:pass@clinic.example/')).toBe(true);
    expect(hasUserinfo('https://clinic.example/@foo')).toBe(false);
    expect(safeHref(USERINFO)).toBeUndefined();
    expect(safeHref('https://user:pass@clinic.example/')).toBeUndefined();
    expect(safeHref('https://clinic.example/a@b')).toBe('https://clinic.example/a@b');
    expect(itemWebsite(makeItem({ id: 'g', shortlistId: 'l', providerId: 'gone', snapshot: { name: 'Gone', website: USERINFO } }), undefined)).toBeNull();
  });

  it('exports of a provider no longer in the dataset drop such an address', () => {
    const list = makeList({ id: 'l', name: 'Denver' });
    const gone = makeItem({ id: 'g', shortlistId: 'l', providerId: 'gone', snapshot: { name: 'Gone', website: USERINFO } });
    const custom = makeItem({ id: 'c', shortlistId: 'l', providerId: null, custom: { name: 'Own', website: USERINFO, city: null, state: null }, snapshot: { name: 'Own', website: USERINFO } });
    const input = exportInput({ shortlists: [list], items: [gone, custom] });
    expect(toCsv(input)).not.toContain('evil.example');
    expect(toMarkdown(input)).not.toContain('evil.example');
  });

  it('import validation', () => {
    const data = {
      shortlists: [makeList({ id: 'l1', name: 'Denver' })],
      items: [
        makeItem({ id: 'i0', shortlistId: 'l1', snapshot: { name: 'Mindbloom', website: USERINFO } }),
        makeItem({ id: 'i1', shortlistId: 'l1', providerId: null, snapshot: { name: 'Own', website: null }, custom: { name: 'Own', website: 'http://a:b@own.example/', city: null, state: null } }),
      ],
    };
    const r = parseImport(toJson(data, new Date('2026-05-01T12:00:00Z')));
    expect(r.ok).toBe(false);
    const errors = r.ok ? [] : r.errors;
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^items\[0\] \(Mindbloom\)\.snapshot\.website: a web address with a user name or password/);
    expect(errors[1]).toMatch(/^items\[1\] \(Own\)\.custom\.website: a web address with a user name or password/);
  });
});
