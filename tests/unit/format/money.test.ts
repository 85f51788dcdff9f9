import { describe, expect, it } from 'vitest';
import { ESTIMATE_CAPTION, formatDollars, formatMaybeRange, formatRange } from '../../../lib/format/money';
import { range } from '../../../lib/cost/range';

describe('formatRange', () => {
  it.each([
    [2400, 4800, '$2,400–$4,800'],
    [0, 0, '$0'],
    [600, 600, '$600'],
    [599.6, 600.4, '$600'],
    [99.5, 150.49, '$100–$150'],
    [1234567, 9876543, '$1,234,567–$9,876,543'],
    [999, 1000, '$999–$1,000'],
  ])('%d–%d → %s', (low, high, text) => {
    expect(formatRange(range(low, high))).toBe(text);
  });

  it('uses an en dash and no decimals', () => {
    const text = formatRange(range(12.34, 56.78));
    expect(text).toContain('\u2013');
    expect(text).not.toMatch(/\.\d/);
  });

  it('formats single figures and unknowns', () => {
    expect(formatDollars(-0.2)).toBe('$0');
    expect(formatDollars(1000000)).toBe('$1,000,000');
    expect(formatMaybeRange(null)).toBe('Unknown');
    expect(formatMaybeRange(null, 'unknown — depends on your plan')).toBe('unknown — depends on your plan');
    expect(() => formatDollars(Number.NaN)).toThrow(RangeError);
  });

  it('has the fixed caption', () => {
    expect(ESTIMATE_CAPTION).toBe('Estimate — confirm with the clinic.');
  });
});
