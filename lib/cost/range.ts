/**
 * Interval arithmetic on dollar ranges. Every function returns a range with `low <= high` and finite
 * bounds; inputs that would break that (NaN, Infinity, a negative count) throw a RangeError rather than
 * produce a silently wrong estimate.
 */

export interface Range {
  readonly low: number;
  readonly high: number;
}

export const ZERO: Range = Object.freeze({ low: 0, high: 0 });

function finite(n: number, what: string): number {
  if (!Number.isFinite(n)) throw new RangeError(`${what} must be a finite number, got ${n}`);
  // Normalise -0 so results compare and format plainly.
  return n === 0 ? 0 : n;
}

function make(a: number, b: number): Range {
  return a <= b ? { low: a, high: b } : { low: b, high: a };
}

/** A range from two bounds in either order; one argument gives a single figure. */
export function range(a: number, b: number = a): Range {
  return make(finite(a, 'low'), finite(b, 'high'));
}

/** A single figure as a range. */
export function point(n: number): Range {
  return range(n, n);
}

export function isRange(x: unknown): x is Range {
  if (typeof x !== 'object' || x === null) return false;
  const { low, high } = x as { low?: unknown; high?: unknown };
  return typeof low === 'number' && typeof high === 'number' && Number.isFinite(low) && Number.isFinite(high) && low <= high;
}

/** Sum of ranges (bound by bound); no ranges give ZERO. */
export function add(...ranges: readonly Range[]): Range {
  let low = 0;
  let high = 0;
  for (const r of ranges) {
    low += r.low;
    high += r.high;
  }
  return range(low, high);
}

/** A range times a count of things (sessions, months). The count must be finite and non-negative. */
export function scale(r: Range, count: number): Range {
  finite(count, 'count');
  if (count < 0) throw new RangeError(`count must not be negative, got ${count}`);
  if (count === 0) return ZERO;
  return range(r.low * count, r.high * count);
}

/** A range times any finite factor (e.g. 1 − tax rate); a negative factor swaps the bounds. */
export function multiply(r: Range, factor: number): Range {
  finite(factor, 'factor');
  return range(r.low * factor, r.high * factor);
}

/** Bound-by-bound minimum: the cheaper of two options at each end. */
export function min(a: Range, b: Range): Range {
  return range(Math.min(a.low, b.low), Math.min(a.high, b.high));
}

/** Bound-by-bound maximum: the dearer of two options at each end. */
export function max(a: Range, b: Range): Range {
  return range(Math.max(a.low, b.low), Math.max(a.high, b.high));
}

/** The smallest range covering all the given ranges (e.g. several published prices); needs at least one. */
export function hull(first: Range, ...rest: readonly Range[]): Range {
  let low = first.low;
  let high = first.high;
  for (const r of rest) {
    low = Math.min(low, r.low);
    high = Math.max(high, r.high);
  }
  return range(low, high);
}

/** Both bounds rounded to whole dollars (half up); rounding is monotone, so low <= high still holds. */
export function roundDollars(r: Range): Range {
  return range(Math.round(r.low), Math.round(r.high));
}
