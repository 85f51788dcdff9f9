import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, hull, isRange, max, min, multiply, point, range, roundDollars, scale, ZERO, type Range } from '../../../lib/cost/range';

const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
const anyMoney = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
const rangeArb: fc.Arbitrary<Range> = fc.tuple(money, money).map(([a, b]) => range(a, b));
const count = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }));
const ordered = (r: Range) => r.low <= r.high && Number.isFinite(r.low) && Number.isFinite(r.high);

describe('range', () => {
  it('orders its bounds and rejects non-finite numbers', () => {
    expect(range(5, 2)).toEqual({ low: 2, high: 5 });
    expect(point(3)).toEqual({ low: 3, high: 3 });
    expect(() => range(Number.NaN, 1)).toThrow(RangeError);
    expect(() => range(1, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(Object.is(range(-0, 0).low, 0)).toBe(true);
  });

  it('keeps low <= high through every operation', () => {
    fc.assert(
      fc.property(rangeArb, rangeArb, count, fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true }), (a, b, n, f) => {
        for (const r of [add(a, b), scale(a, n), multiply(a, f), min(a, b), max(a, b), hull(a, b), roundDollars(a)]) {
          expect(ordered(r)).toBe(true);
          expect(isRange(r)).toBe(true);
        }
      }),
    );
    fc.assert(fc.property(anyMoney, anyMoney, (a, b) => ordered(roundDollars(range(a, b)))));
  });

  it('adding more sessions never lowers either bound', () => {
    fc.assert(
      fc.property(rangeArb, count, count, (perSession, n, extra) => {
        const fewer = scale(perSession, n);
        const more = scale(perSession, n + extra);
        expect(more.low).toBeGreaterThanOrEqual(fewer.low);
        expect(more.high).toBeGreaterThanOrEqual(fewer.high);
        const sum = add(fewer, perSession);
        expect(sum.low).toBeGreaterThanOrEqual(fewer.low);
        expect(sum.high).toBeGreaterThanOrEqual(fewer.high);
      }),
    );
  });

  it('scaling by 0 gives 0', () => {
    fc.assert(
      fc.property(rangeArb, (r) => {
        expect(scale(r, 0)).toEqual(ZERO);
      }),
    );
    expect(add()).toEqual(ZERO);
  });

  it('rejects a negative or non-finite count', () => {
    expect(() => scale(range(1, 2), -1)).toThrow(RangeError);
    expect(() => scale(range(1, 2), Number.NaN)).toThrow(RangeError);
  });

  it('multiply by a factor in [0, 1] never raises a bound', () => {
    fc.assert(
      fc.property(rangeArb, fc.double({ min: 0, max: 1, noNaN: true }), (r, f) => {
        const m = multiply(r, f);
        expect(m.low).toBeLessThanOrEqual(r.low);
        expect(m.high).toBeLessThanOrEqual(r.high);
      }),
    );
    expect(multiply(range(2, 4), -1)).toEqual({ low: -4, high: -2 });
  });

  it('min, max and hull work bound by bound', () => {
    const a = range(100, 400);
    const b = range(200, 300);
    expect(min(a, b)).toEqual({ low: 100, high: 300 });
    expect(max(a, b)).toEqual({ low: 200, high: 400 });
    expect(hull(b, a)).toEqual({ low: 100, high: 400 });
  });

  it('rounds to whole dollars', () => {
    expect(roundDollars(range(342.857, 1199.5))).toEqual({ low: 343, high: 1200 });
  });
});
