import type { BrowseEntry } from '../dataset/browse-index';
import { formatDollars } from '../format/money';

type PriceFigures = BrowseEntry['prices'][number];

export interface SessionPrice<P extends PriceFigures = PriceFigures> {
  /** The lowest figure: a session price's `low`, or its `high` when it has no `low`. */
  amount: number;
  /** "up to" when the figure is only an upper bound. */
  bound: 'from' | 'up to';
  price: P;
}

/**
 * The lowest published per-session price: only prices of kind "session" count (a package or monthly price is
 * not a per-session price). Null when none is published.
 */
export function lowestSessionPrice<P extends PriceFigures>(p: { prices: readonly P[] }): SessionPrice<P> | null {
  let best: SessionPrice<P> | null = null;
  for (const price of p.prices) {
    if (price.kind !== 'session') continue;
    const amount = price.low ?? price.high;
    if (amount === null) continue;
    if (!best || amount < best.amount) best = { amount, bound: price.low !== null ? 'from' : 'up to', price };
  }
  return best;
}

export const NO_PRICE = 'no published price';
export const NO_SESSION_PRICE = 'no published per-session price';

/** "from $600 per session", "up to $800 per session", or what is missing. */
export function sessionPriceText(p: Pick<BrowseEntry, 'prices'>): string {
  const s = lowestSessionPrice(p);
  if (s) return `${s.bound} ${formatDollars(s.amount)} per session`;
  return p.prices.length ? NO_SESSION_PRICE : NO_PRICE;
}
