import { describe, expect, it } from 'vitest';
import { itemName, recordsOf } from '../../../lib/shortlist/records';
import { makeProvider } from '../../fixtures/providers';
import { makeItem, makeList } from '../../fixtures/shortlists';

describe('shortlist records', () => {
  it('recordsOf: every list, trash included, and their items in display order', () => {
    const a = makeList({ id: 'a' });
    const gone = makeList({ id: 'gone', deletedAt: 5 });
    const i1 = makeItem({ id: '1', shortlistId: 'a' });
    const i2 = makeItem({ id: '2', shortlistId: 'gone' });
    const r = recordsOf({ status: 'ready', lists: [a], deleted: [gone], items: new Map([['a', [i1]], ['gone', [i2]]]) });
    expect(r).toEqual({ shortlists: [a, gone], items: [i1, i2] });
  });

  it("itemName: the user's own entry, else the dataset's current name, else the saved snapshot", () => {
    const item = makeItem({ id: '1', shortlistId: 'a', snapshot: { name: 'Old name', website: null } });
    expect(itemName(item, undefined)).toBe('Old name');
    expect(itemName(item, makeProvider({ name: 'New name' }))).toBe('New name');
    expect(itemName({ ...item, custom: { name: 'Mine', website: null, city: null, state: null } }, makeProvider({ name: 'New name' }))).toBe('Mine');
  });
});
