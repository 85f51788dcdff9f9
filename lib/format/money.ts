const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });

/** "$400–$800", "$600", "from $400", "up to $800". */
export function formatPriceRange(low: number | null, high: number | null): string {
  if (low !== null && high !== null) return low === high ? dollars.format(low) : `${dollars.format(low)}–${dollars.format(high)}`;
  if (low !== null) return `from ${dollars.format(low)}`;
  if (high !== null) return `up to ${dollars.format(high)}`;
  return 'unknown';
}

export const formatDollars = (n: number) => dollars.format(n);
