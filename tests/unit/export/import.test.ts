import { describe, expect, it } from 'vitest';
import { parseImport, type ImportResult } from '../../../lib/export/import';
import { toJson } from '../../../lib/export/json-format';
import { toCsv } from '../../../lib/export/csv';
import { toMarkdown } from '../../../lib/export/markdown';
import { MAX_IMPORT_BYTES, checkImportFileSize, nestsDeeperThan } from '../../../lib/export/preflight';
import { exportInput, makeItem, makeList } from './fixtures';

const AT = new Date('2026-05-01T12:00:00.000Z');
const data = {
  shortlists: [makeList({ id: 'l1', name: 'Denver' })],
  items: [
    makeItem({ id: 'i0', shortlistId: 'l1', snapshot: { name: 'Closed Co', website: null }, providerId: 'closedco' }),
    makeItem({ id: 'i1', shortlistId: 'l1', notes: 'ok' }),
  ],
};
const valid = () => JSON.parse(toJson(data, AT)) as Record<string, unknown> & { items: Record<string, unknown>[] };

function errorsOf(r: ImportResult): string[] {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}
const oneError = (text: string) => {
  const errors = errorsOf(parseImport(text));
  expect(errors).toHaveLength(1);
  return errors[0]!;
};

describe('parseImport: files that are not a valid export', () => {
  it('refuses a file over 20 MB before parsing it', () => {
    const big = `{"format":"clinic-scout-shortlists","notes":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
    expect(oneError(big)).toMatch(/too large.*20 MB/);
    expect(checkImportFileSize(MAX_IMPORT_BYTES + 1)).toMatch(/too large/);
    expect(checkImportFileSize(1000)).toBeNull();
  });

  it('refuses 10,000-deep nesting without overflowing the stack', () => {
    expect(oneError('['.repeat(10_000) + ']'.repeat(10_000))).toMatch(/nested more than 64 levels/);
    expect(oneError('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))).toMatch(/nested more than 64 levels/);
    // Unbalanced too: the scan stops at the limit, it never recurses.
    expect(oneError('{"x":' + '['.repeat(1_000_000))).toMatch(/nested more than 64 levels/);
  });

  it('does not count brackets inside strings as nesting', () => {
    const file = valid();
    file.items[1]!.notes = '[[[[{{{{'.repeat(100) + '\\"[[[';
    expect(nestsDeeperThan(JSON.stringify(file))).toBe(false);
    expect(parseImport(JSON.stringify(file)).ok).toBe(true);
  });

  it('refuses __proto__, constructor and prototype keys anywhere and never pollutes Object.prototype', () => {
    const text = toJson(data, AT).replace('"answers": {}', '"answers": {"__proto__": {"done": true, "text": "x", "polluted": true}}');
    expect(text).toContain('__proto__');
    const error = oneError(text);
    expect(error).toContain('"__proto__"');
    expect(error).toContain('items[0] (Closed Co).answers');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');

    expect(oneError(toJson(data, AT).replace('"format"', '"constructor": {"prototype": {"x": 1}}, "format"'))).toContain('"constructor"');
    const nested = toJson(data, AT).replace('"quote": null', '"quote": {"prototype": 1}');
    expect(oneError(nested)).toMatch(/"prototype" in items\[0\] \(Closed Co\)\.quote/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('names the item and field of wrong types', () => {
    const file = valid();
    file.items[1]!.notes = 42;
    file.items[0]!.status = 'maybe';
    delete file.items[0]!.createdAt;
    const errors = errorsOf(parseImport(JSON.stringify(file)));
    expect(errors).toContain('items[1] (Mindbloom).notes: expected text, found a number');
    expect(errors).toContain('items[0] (Closed Co).status: expected one of "considering", "contacted", "consultation-booked", "ruled-out"');
    expect(errors).toContain('items[0] (Closed Co).createdAt: missing (expected a number)');
  });

  it('names the list, odd keys, unknown fields, bad URLs and out-of-range numbers', () => {
    const file = valid() as Record<string, unknown> & { shortlists: Record<string, unknown>[]; items: Record<string, unknown>[] };
    file.shortlists[0]!.name = '   ';
    file.items[0]!.extra = 1;
    file.items[1]!.snapshot = { name: 'Mindbloom', website: 'javascript:alert(1)' };
    file.items[1]!.answers = { ['x'.repeat(101)]: { done: true, text: '' }, 'who-monitors': { done: 'yes', text: '' } };
    file.items[1]!.plan = { initialSessions: 1.5, maintenancePerMonth: 99, maintenanceMonths: null, hsaTaxRate: null, spravatoInsurance: false };
    const errors = errorsOf(parseImport(JSON.stringify(file)));
    expect(errors).toContain('shortlists[0].name: must not be empty');
    expect(errors).toContain('items[0] (Closed Co): unexpected field "extra"');
    expect(errors).toContain('items[1] (Mindbloom).snapshot.website: expected an http(s) URL');
    expect(errors).toContain(`items[1] (Mindbloom).answers.${'x'.repeat(39)}…: key too long (at most 100 characters)`);
    expect(errors).toContain('items[1] (Mindbloom).answers.who-monitors.done: expected true or false, found text');
    expect(errors).toContain('items[1] (Mindbloom).plan.initialSessions: expected a whole number, found a number');
    expect(errors).toContain('items[1] (Mindbloom).plan.maintenancePerMonth: must be at most 31');
  });

  it('caps the list of problems', () => {
    const file = valid();
    file.items = Array.from({ length: 200 }, (_, i) => ({ ...file.items[1]!, id: `x${i}`, notes: i }));
    const errors = errorsOf(parseImport(JSON.stringify(file)));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toBe('…and 180 more problems.');
  });

  it('a 300 KB file with 150,000 invalid items: no stack overflow, the first 20 problems and a count, quickly', () => {
    const text = `{"format":"clinic-scout-shortlists","version":1,"exportedAt":"2026-05-01T12:00:00.000Z","shortlists":[],"items":[${Array(150_000).fill('1').join(',')}]}`;
    expect(text.length).toBeGreaterThan(290_000);
    const errors = errorsOf(parseImport(text));
    expect(errors).toHaveLength(21);
    expect(errors[0]).toBe('items[0]: expected an object, found a number');
    expect(errors[19]).toBe('items[19]: expected an object, found a number');
    expect(errors[20]).toBe('…and 149980 more problems.');
  }, 30_000); // a guard against a hang, not a timing: the figure itself belongs in npm run bench

  it('150,000 items each with many bad fields, and 30,000 duplicate ids, stay bounded too', () => {
    const bad = '{"id":1,"shortlistId":2,"providerId":3,"snapshot":4,"custom":5,"status":6,"notes":7,"quote":8,"answers":9,"plan":10,"position":"x","createdAt":-1,"updatedAt":-1,"x":1}';
    const text = `{"format":"clinic-scout-shortlists","version":1,"exportedAt":"2026-05-01T12:00:00.000Z","shortlists":[],"items":[${Array(20_000).fill(bad).join(',')}]}`;
    const errors = errorsOf(parseImport(text));
    expect(errors).toHaveLength(21);
    expect(errors[20]).toMatch(/^…and \d+ more problems\.$/);
    const file = valid();
    file.items = Array.from({ length: 30_000 }, () => file.items[1]!);
    const dupes = errorsOf(parseImport(JSON.stringify(file)));
    expect(dupes).toHaveLength(21);
    expect(dupes[20]).toBe('…and 29979 more problems.');
  }, 30_000);

  it('reports duplicate ids and items on lists not in the file', () => {
    const file = valid();
    file.items[1]!.id = 'i0';
    file.items[0]!.shortlistId = 'nope';
    const errors = errorsOf(parseImport(JSON.stringify(file)));
    expect(errors).toContain('items[1] (Mindbloom).id: another clinic in the file has the same id');
    expect(errors).toContain('items[0] (Closed Co).shortlistId: no list with this id is in the file');
  });

  it('recognises a CSV export renamed to .json', () => {
    const csv = toCsv(exportInput(data));
    expect(oneError(csv)).toMatch(/^This looks like a CSV file/);
    expect(oneError('name,notes\nMindbloom,ok\n')).toMatch(/^This looks like a CSV file/);
  });

  it('recognises the Markdown summary', () => {
    expect(oneError(toMarkdown(exportInput(data)))).toMatch(/^This looks like the Markdown summary/);
  });

  it('recognises an image, a PDF and a ZIP/XLSX read as text', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect(oneError(new TextDecoder().decode(png))).toMatch(/looks like an image/);
    expect(oneError(String.fromCharCode(...png))).toMatch(/looks like an image/);
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
    expect(oneError(new TextDecoder().decode(jpeg))).toMatch(/looks like an image/);
    expect(oneError('GIF89a\u0001\u0000')).toMatch(/looks like an image/);
    expect(oneError('%PDF-1.7\n%âãÏÓ')).toMatch(/looks like a PDF/);
    expect(oneError('PK\u0003\u0004\u0014\u0000')).toMatch(/ZIP or Excel/);
    expect(oneError('\u0000\u0001\u0002binary')).toMatch(/binary file/);
  });

  it('recognises a JSON file re-saved as UTF-16', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Array.from('{"format"', (c) => [c.charCodeAt(0), 0]).flat()]);
    expect(oneError(new TextDecoder().decode(le))).toMatch(/UTF-16/);
  });

  it('says when the file is empty', () => {
    for (const t of ['', '   \n\t', '\uFEFF']) expect(oneError(t)).toMatch(/^The file is empty/);
  });

  it('says when it is not JSON, damaged JSON, or JSON from something else', () => {
    expect(oneError('hello there')).toMatch(/not a JSON file/);
    expect(oneError('<!DOCTYPE html><html>')).toMatch(/web page/);
    expect(oneError(toJson(data, AT).slice(0, 200))).toMatch(/^The file is not valid JSON — it may be damaged or cut short/);
    expect(oneError('[]')).toMatch(/not a Clinic Scout shortlist export/);
    expect(oneError('{"format":"something-else","version":1}')).toMatch(/not a Clinic Scout shortlist export/);
    expect(oneError('{"format":"clinic-scout-shortlists"}')).toMatch(/no valid "version"/);
  });

  it('says a file from a newer version was made by a newer Clinic Scout', () => {
    const file = { ...valid(), version: 4 };
    expect(oneError(JSON.stringify(file))).toMatch(/made by a newer Clinic Scout \(export format version 4\).*up to version 3/);
    expect(oneError(JSON.stringify({ ...file, version: 0 }))).toMatch(/unknown export format version \(0\)/);
    expect(oneError(JSON.stringify({ ...file, version: 1.5 }))).toMatch(/unknown export format version \(1\.5\)/);
  });

  it('accepts a file with a BOM and Windows line ends', () => {
    const text = '\uFEFF' + toJson(data, AT).replace(/\n/g, '\r\n');
    const r = parseImport(text);
    expect(r.ok && r.data.items).toStrictEqual(data.items);
  });

  it('imports 100,000-character notes (the model limit) and refuses longer', () => {
    const file = valid();
    file.items[1]!.notes = '🧠'.repeat(50_000);
    expect(parseImport(JSON.stringify(file)).ok).toBe(true);
    file.items[1]!.notes = 'x'.repeat(100_001);
    expect(oneError(JSON.stringify(file))).toBe('items[1] (Mindbloom).notes: too long (at most 100000 characters)');
  });
});
