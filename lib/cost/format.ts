import type { Range } from './range';

import { ESTIMATE_CAPTION, formatDollars } from '../format/money';

export { ESTIMATE_CAPTION, formatDollars };

/** Shown where a figure cannot be estimated. */
export const UNKNOWN_FIGURE = 'Unknown' as const;


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
