import { describe, expect, it } from 'vitest';
import { Provider } from '../../lib/dataset/schema';

describe('schema', () => {
  it('rejects a provider without sources', () => {
    expect(Provider.safeParse({ id: 'x' }).success).toBe(false);
  });
});
