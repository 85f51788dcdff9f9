// Property tests with hostile imports (issue 17, item 2): whatever the file holds, parseImport returns
// (never throws or overflows the stack), lists at most 20 problems plus a count, and anything it accepts
// is valid under today's model with no address carrying a user name or password.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseImport } from '../../../lib/export/import';
import { MAX_LISTED_ERRORS } from '../../../lib/export/issues';
import { toJson } from '../../../lib/export/json-format';
import { hasUserinfo } from '../../../lib/format/links';
import { Shortlist, ShortlistItem } from '../../../lib/shortlist/schema';
import { makeItem, makeList } from './fixtures';

const AT = new Date('2026-05-01T12:00:00.000Z');
const base = () =>
  JSON.parse(
    toJson(
      {
        shortlists: [makeList({ id: 'l1', name: 'Denver' })],
        items: [makeItem({ id: 'i1', shortlistId: 'l1', notes: 'ok' }), makeItem({ id: 'i2', shortlistId: 'l1', providerId: 'closedco' })],
      },
      AT,
    ),
  ) as Record<string, unknown> & { items: Record<string, unknown>[]; shortlists: Record<string, unknown>[] };

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(
    'https://mindbloom.com@evil.example/',
    'http://user:pass@clinic.example/',
    'javascript:alert(1)',
    '\u0000',
    '\uD800',
    -0,
    1e308,
    -1,
    '',
    ' ',
    'x'.repeat(100_001),
    { __proto__: null },
  ),
);
const FIELDS = ['id', 'shortlistId', 'providerId', 'snapshot', 'custom', 'status', 'notes', 'quote', 'answers', 'plan', 'position', 'createdAt', 'updatedAt', 'extra'];
const LIST_FIELDS = ['id', 'name', 'createdAt', 'updatedAt', 'deletedAt', 'extra'];

/** A valid file with some fields of some records replaced, some records replaced, and many copies of a bad record. */
const hostileFile = fc.record({
  itemEdits: fc.array(fc.tuple(fc.nat(1), fc.constantFrom(...FIELDS), hostileValue), { maxLength: 6 }),
  listEdits: fc.array(fc.tuple(fc.constantFrom(...LIST_FIELDS), hostileValue), { maxLength: 3 }),
  websiteEdits: fc.array(fc.tuple(fc.nat(1), fc.constantFrom('snapshot', 'custom'), fc.tuple(fc.constantFrom('user', 'a:b', 'mindbloom.com', ':x'), fc.domain()).map(([u, d]) => `https://${u}@${d}/`)), { maxLength: 2 }),
  junk: fc.array(hostileValue, { maxLength: 5 }),
  copies: fc.nat(300),
  header: fc.array(fc.tuple(fc.constantFrom('format', 'version', 'exportedAt', 'shortlists', 'items', 'more'), hostileValue), { maxLength: 2 }),
});

describe('parseImport with hostile files (property)', () => {
  it('never throws, lists at most 20 problems and a count, and accepts only valid, safe records', () => {
    fc.assert(
      fc.property(hostileFile, ({ itemEdits, listEdits, websiteEdits, junk, copies, header }) => {
        const file = base();
        for (const [i, field, value] of itemEdits) file.items[i]![field] = value;
        for (const [field, value] of listEdits) file.shortlists[0]![field] = value;
        for (const [i, where, url] of websiteEdits) {
          const item = file.items[i]!;
          if (where === 'snapshot') item.snapshot = { name: 'X', website: url };
          else item.custom = { name: 'X', website: url, city: null, state: null };
        }
        file.items.push(...(junk as Record<string, unknown>[]));
        if (copies > 0) file.items.push(...Array<Record<string, unknown>>(copies).fill({ ...file.items[0]!, notes: 5 }));
        for (const [key, value] of header) (file as Record<string, unknown>)[key] = value;

        let result: ReturnType<typeof parseImport> | undefined;
        expect(() => (result = parseImport(JSON.stringify(file)))).not.toThrow();
        if (!result!.ok) {
          expect(result!.errors.length).toBeGreaterThan(0);
          expect(result!.errors.length).toBeLessThanOrEqual(MAX_LISTED_ERRORS + 2); // + "upgrade" header, + the count
          for (const e of result!.errors) expect(typeof e).toBe('string');
          return;
        }
        for (const l of result!.data.shortlists) expect(Shortlist.safeParse(l).success).toBe(true);
        for (const i of result!.data.items) {
          expect(ShortlistItem.safeParse(i).success).toBe(true);
          for (const url of [i.snapshot.website, i.custom?.website]) if (url) expect(hasUserinfo(url)).toBe(false);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
