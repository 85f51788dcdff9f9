import { describe, expect, it } from 'vitest';
import {
  addToSelection,
  LIMIT_MESSAGE,
  MAX_COMPARE,
  mergeIntoSelection,
  normaliseSelection,
  removeFromSelection,
} from '../../../lib/compare/selection';

describe('compare selection', () => {
  it('keeps stored values clean: ids only, no repeats, at most four', () => {
    expect(normaliseSelection(undefined)).toEqual([]);
    expect(normaliseSelection('a')).toEqual([]);
    expect(normaliseSelection(['a', 'a', 3, 'B!', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds in order, refuses a fifth and says why plainly', () => {
    let ids: string[] = [];
    for (const id of ['a', 'b', 'c', 'd']) ids = addToSelection(ids, id).ids;
    expect(ids).toEqual(['a', 'b', 'c', 'd']);
    expect(addToSelection(ids, 'e')).toEqual({ ids, result: 'full' });
    expect(addToSelection(ids, 'b').result).toBe('already');
    expect(removeFromSelection(ids, 'b')).toEqual(['a', 'c', 'd']);
    expect(MAX_COMPARE).toBe(4);
    expect(LIMIT_MESSAGE).toMatch(/up to 4 providers/);
  });

  it('merges a link into the selection and reports what did not fit', () => {
    expect(mergeIntoSelection(['a', 'b', 'c'], ['b', 'd', 'e'])).toEqual({ ids: ['a', 'b', 'c', 'd'], dropped: ['e'] });
  });
});
