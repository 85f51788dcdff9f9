import { describe, expect, it } from 'vitest';
import { shallowEqual } from '../../lib/shallow-equal';

describe('shallowEqual (memoised rows)', () => {
  const f = () => undefined;
  it('same values by identity', () => expect(shallowEqual({ a: 1, f }, { a: 1, f })).toBe(true));
  it('a changed or removed prop', () => {
    expect(shallowEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(shallowEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
  });
  it('an added prop left undefined renders the same', () => expect(shallowEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true));
  it('equal-looking new objects are a change', () => expect(shallowEqual({ o: {} }, { o: {} })).toBe(false));
});
