import { describe, expect, it } from 'vitest';
import { toJson } from '../../../lib/export';
import {
  EMPTY_BACKUP,
  fileStep,
  missingChoices,
  parsedStep,
  previewStep,
  sameRecords,
  stepTitle,
  summarise,
  summaryText,
} from '../../../lib/export/import-steps';
import { MAX_IMPORT_BYTES } from '../../../lib/export/preflight';
import { makeItem, makeList } from '../../fixtures/shortlists';

const T = Date.UTC(2026, 3, 20, 12);
const list = makeList({ id: 'l1', name: 'Denver', createdAt: T, updatedAt: T });
const item = makeItem({ id: 'i1', shortlistId: 'l1', createdAt: T, updatedAt: T, notes: 'theirs' });
const EXPORTED = new Date(T + 1000);

describe('import steps', () => {
  it('fileStep refuses a file over the size limit before reading it', () => {
    expect(fileStep({ name: 'a.json', size: 10 })).toEqual({ kind: 'reading', fileName: 'a.json' });
    expect(fileStep({ name: 'big.json', size: MAX_IMPORT_BYTES + 1 })).toMatchObject({ kind: 'invalid', fileName: 'big.json', errors: [expect.any(String)] });
  });

  it('parsedStep lists every reason a file is refused, including an empty backup', () => {
    expect(parsedStep('x.json', 'not json')).toMatchObject({ kind: 'invalid', fileName: 'x.json' });
    expect(parsedStep('e.json', toJson({ shortlists: [], items: [] }, EXPORTED))).toEqual({ kind: 'invalid', fileName: 'e.json', errors: [EMPTY_BACKUP] });
    const ok = parsedStep('b.json', toJson({ shortlists: [list], items: [item] }, EXPORTED));
    expect(ok).toMatchObject({ kind: 'parsed', fileName: 'b.json' });
  });

  it('previewStep plans against what is stored; a conflict needs a choice before Confirm', () => {
    const parsed = parsedStep('b.json', toJson({ shortlists: [list], items: [item] }, EXPORTED));
    if (parsed.kind !== 'parsed') throw new Error('expected parsed');
    const fresh = previewStep('b.json', parsed.data, { shortlists: [], items: [] });
    expect(fresh.kind).toBe('preview');
    expect(fresh.replanned).toBeUndefined();
    expect(missingChoices(fresh.plan, {})).toBe(0);
    const mine = { shortlists: [list], items: [{ ...item, notes: 'mine', updatedAt: T + 5 }] };
    const conflicted = previewStep('b.json', parsed.data, mine, true);
    expect(conflicted.replanned).toBe(true);
    const key = conflicted.plan.items.conflicts[0]!.key;
    expect(missingChoices(conflicted.plan, {})).toBe(1);
    expect(missingChoices(conflicted.plan, { [key]: 'keep-mine' })).toBe(0);
  });

  it('sameRecords notices any change (every write bumps updatedAt), in any order', () => {
    const a = { shortlists: [list], items: [item] };
    expect(sameRecords(a, { items: [item], shortlists: [list] })).toBe(true);
    expect(sameRecords(a, { shortlists: [list], items: [{ ...item, updatedAt: T + 1 }] })).toBe(false);
    expect(sameRecords(a, { shortlists: [list], items: [] })).toBe(false);
  });

  it('summarise and summaryText count what was added and updated', () => {
    const s = summarise({ shortlists: [list], items: [item, { ...item, id: 'i2' }] }, { shortlists: [list], items: [item] });
    expect(s).toEqual({ listsAdded: 0, listsUpdated: 1, itemsAdded: 1, itemsUpdated: 1 });
    expect(summaryText(s)).toBe('Imported: 1 list updated, 1 clinic added, 1 clinic updated.');
    expect(summaryText({ listsAdded: 0, listsUpdated: 0, itemsAdded: 0, itemsUpdated: 0 })).toMatch(/^Nothing new to import/);
  });

  it('stepTitle names each step', () => {
    expect(stepTitle({ kind: 'choose' })).toBe('Import a backup');
    expect(stepTitle({ kind: 'invalid', fileName: 'x', errors: [] })).toBe("This file can't be imported");
    expect(stepTitle({ kind: 'failed', message: 'm' })).toBe("The import couldn't be saved");
  });
});
