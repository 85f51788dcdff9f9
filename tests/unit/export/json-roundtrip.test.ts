import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExportFile, toJson } from '../../../lib/export/json-format';
import { parseImport } from '../../../lib/export/import';
import { ExportFileV1 } from '../../../lib/export/format-v1';
import { ExportFileV3 } from '../../../lib/export/format-v3';
import { dataArb } from './arbitraries';
import { CUSTOM_ITEM_FIELDS, makeItem, makeList } from './fixtures';

const AT = new Date('2026-05-01T12:00:00.000Z');

describe('JSON export → parseImport', () => {
  it('gives back exactly the same lists and items for arbitrary text (emoji, RTL, astral, control chars)', () => {
    fc.assert(
      fc.property(dataArb, (data) => {
        const result = parseImport(toJson(data, AT));
        if (!result.ok) throw new Error(result.errors.join('\n'));
        expect(result.data.shortlists).toStrictEqual(data.shortlists);
        expect(result.data.items).toStrictEqual(data.items);
        expect(result.data.exportedAt).toBe(AT.toISOString());
        expect(result.data.sourceVersion).toBe(3);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the documented envelope, and the file passes its own schema', () => {
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i1', shortlistId: 'l1' }), makeItem({ id: 'i2', shortlistId: 'l1', ...CUSTOM_ITEM_FIELDS })] };
    const file = buildExportFile(data, AT);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'shortlists', 'items']);
    expect(file).toMatchObject({ format: 'clinic-scout-shortlists', version: 3, exportedAt: '2026-05-01T12:00:00.000Z' });
    expect(ExportFileV3.safeParse(JSON.parse(toJson(data, AT))).success).toBe(true);
  });

  it('version 2 and later keep a saved site’s phone, address and where and when each value was read; a version 1 file still imports', () => {
    const custom = {
      ...CUSTOM_ITEM_FIELDS.custom!,
      phone: '(720) 555-0187',
      street: '14 Meadow Lane',
      zip: '80118',
      read: {
        url: 'https://larkspur-ketamine.example/',
        host: 'larkspur-ketamine.example',
        at: 1_770_000_000_000,
        fields: { name: { source: 'json-ld' as const, at: 1_770_000_000_000 }, website: { source: 'page-url' as const, at: 1_770_000_000_000 } },
        prices: [{ amount: 475, high: null, text: '$475', sentence: 'Each IV ketamine infusion is $475.', at: 1_770_000_000_000 }],
        openingHours: ['Mo-Fr 09:00-17:00'],
        priceRange: null,
      },
    };
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i2', shortlistId: 'l1', ...CUSTOM_ITEM_FIELDS, custom })] };
    const result = parseImport(toJson(data, AT));
    expect(result.ok && result.data.items[0]!.custom).toStrictEqual(custom);
    // The same file as version 1 (without the new fields) is upgraded.
    const v1 = JSON.parse(toJson({ ...data, items: [makeItem({ id: 'i2', shortlistId: 'l1', ...CUSTOM_ITEM_FIELDS })] }, AT));
    v1.version = 1;
    for (const i of v1.items) for (const k of ['facts', 'changeHistory', 'removed']) delete i[k];
    expect(ExportFileV1.safeParse(v1).success).toBe(true);
    const old = parseImport(JSON.stringify(v1));
    expect(old.ok && old.data.sourceVersion).toBe(1);
    expect(old.ok && old.data.items[0]!.custom).toStrictEqual(CUSTOM_ITEM_FIELDS.custom);
  });

  it('a version 1 or 2 file (no change tracking) imports with every item untracked; nothing else changes', () => {
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i1', shortlistId: 'l1', notes: 'kept' })] };
    const v3 = JSON.parse(toJson(data, AT));
    const v1 = { ...v3, version: 1, items: v3.items.map(({ facts: _f, changeHistory: _h, removed: _r, ...rest }: Record<string, unknown>) => rest) };
    expect(ExportFileV1.safeParse(v1).success).toBe(true);
    const result = parseImport(JSON.stringify(v1));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.data.sourceVersion).toBe(1);
    expect(result.data.items).toStrictEqual(data.items);
    const v2 = { ...v1, version: 2 };
    const r2 = parseImport(JSON.stringify(v2));
    if (!r2.ok) throw new Error(r2.errors.join('\n'));
    expect(r2.data.sourceVersion).toBe(2);
    expect(r2.data.items).toStrictEqual(data.items);
  });

  it('leaves out fields a storage layer adds to its records, so its own export always imports', () => {
    const item = { ...makeItem({ id: 'i1', shortlistId: 'l1' }), listIndex: 3 } as ReturnType<typeof makeItem>;
    const list = { ...makeList({ id: 'l1' }), _rev: 2 } as ReturnType<typeof makeList>;
    const text = toJson({ shortlists: [list], items: [item] }, AT);
    expect(text).not.toContain('listIndex');
    expect(text).not.toContain('_rev');
    expect(parseImport(text).ok).toBe(true);
  });

  it('keeps an answer whose key is an unusual string as an own property', () => {
    const answers = Object.fromEntries([['toString', { done: true, text: 'x' }], ['hasOwnProperty', { done: false, text: 'y' }]]);
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i1', shortlistId: 'l1', answers })] };
    const result = parseImport(toJson(data, AT));
    expect(result.ok && result.data.items[0]!.answers).toStrictEqual(answers);
  });
});
