/** Shown with every cost figure. */
export const ESTIMATE_CAPTION = 'Estimate — confirm with the clinic.' as const;

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

/** A published price, either bound possibly unknown: "$400–$800", "$600", "from $400", "up to $800". */
export function formatPriceRange(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? formatDollars(low) : `${formatDollars(low)}–${formatDollars(high)}`;
  if (low !== null) return `from ${formatDollars(low)}`;
  if (high !== null) return `up to ${formatDollars(high)}`;
  return 'unknown';
}

/** Shown where a figure cannot be estimated. */
export const UNKNOWN_FIGURE = 'Unknown' as const;

/** A low–high pair of dollar amounts (lib/cost/range.ts's Range fits). */
export interface DollarRange {
  low: number;
  high: number;
}

/** "$2,400–$4,800" (en dash, no spaces); bounds that round to the same dollar give one figure, "$600". */
export function formatRange(r: DollarRange): string {
  const low = formatDollars(r.low);
  const high = formatDollars(r.high);
  return low === high ? low : `${low}–${high}`;
}

/** formatRange, or "Unknown" (or the given text) for a figure that cannot be estimated. */
export function formatMaybeRange(r: DollarRange | null, unknownText: string = UNKNOWN_FIGURE): string {
  return r === null ? unknownText : formatRange(r);
}
