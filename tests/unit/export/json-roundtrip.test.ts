import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildExportFile, toJson } from '../../../lib/export/json-format';
import { parseImport } from '../../../lib/export/import';
import { ExportFileV1 } from '../../../lib/export/format-v1';
import { ExportFileV2 } from '../../../lib/export/format-v2';
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
        expect(result.data.sourceVersion).toBe(2);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the documented envelope, and the file passes its own schema', () => {
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i1', shortlistId: 'l1' }), makeItem({ id: 'i2', shortlistId: 'l1', ...CUSTOM_ITEM_FIELDS })] };
    const file = buildExportFile(data, AT);
    expect(Object.keys(file)).toEqual(['format', 'version', 'exportedAt', 'shortlists', 'items']);
    expect(file).toMatchObject({ format: 'clinic-scout-shortlists', version: 2, exportedAt: '2026-05-01T12:00:00.000Z' });
    expect(ExportFileV2.safeParse(JSON.parse(toJson(data, AT))).success).toBe(true);
  });

  it('a version 1 file (no change tracking) imports with every item untracked; nothing else changes', () => {
    const data = { shortlists: [makeList({ id: 'l1' })], items: [makeItem({ id: 'i1', shortlistId: 'l1', notes: 'kept' })] };
    const v2 = JSON.parse(toJson(data, AT));
    const v1 = { ...v2, version: 1, items: v2.items.map(({ facts: _f, changeHistory: _h, removed: _r, ...rest }: Record<string, unknown>) => rest) };
    expect(ExportFileV1.safeParse(v1).success).toBe(true);
    const result = parseImport(JSON.stringify(v1));
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.data.sourceVersion).toBe(1);
    expect(result.data.items).toStrictEqual(data.items);
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
