import type { Range } from './range';

/** Shown under every cost figure. */
export const ESTIMATE_CAPTION = 'Estimate — confirm with the clinic.' as const;

/** Shown where a figure cannot be estimated. */
export const UNKNOWN_FIGURE = 'Unknown' as const;

/**
 * "$2,400": whole dollars (rounded half up), comma-grouped, no decimals. Written by hand rather than with
 * Intl so the output is identical in every browser and in tests.
 */
export function formatDollars(amount: number): string {
  if (!Number.isFinite(amount)) throw new RangeError(`cannot format ${amount} as dollars`);
  const n = Math.round(amount);
  const digits = BigInt(Math.abs(n)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return n < 0 ? `-$${digits}` : `$${digits}`;
}

/** "$2,400–$4,800" (en dash, no spaces); bounds that round to the same dollar give one figure, "$600". */
export function formatRange(r: Range): string {
  const low = formatDollars(r.low);
  const high = formatDollars(r.high);
  return low === high ? low : `${low}–${high}`;
}

/** formatRange, or "Unknown" (or the given text) for a figure that cannot be estimated. */
export function formatMaybeRange(r: Range | null, unknownText: string = UNKNOWN_FIGURE): string {
  return r === null ? unknownText : formatRange(r);
}
