const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023" → "2023", "2023-03" → "Mar 2023", "2023-03-10" → "10 Mar 2023", null → "date not shown". */
export function formatDate(date: string | null): string {
  if (!date) return 'date not shown';
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1] ?? m;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The last day a partial date can mean, so "2023-03" is judged by 31 Mar 2023. */
function endOf(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  if (d) return new Date(Date.UTC(y!, m! - 1, d));
  if (m) return new Date(Date.UTC(y!, m!, 0));
  return new Date(Date.UTC(y!, 11, 31));
}

/** True when a dated fact is more than 12 months older than `today`. Undated facts are not judged. */
export function isOlderThanAYear(date: string | null, today: Date): boolean {
  if (!date) return false;
  const limit = new Date(today);
  limit.setUTCFullYear(limit.getUTCFullYear() - 1);
  return endOf(date) < limit;
}

/** The newest date among sources, or null when none is dated. */
export function newestDate(dates: ReadonlyArray<string | null>): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (!best || endOf(d) > endOf(best))) best = d;
  return best;
}

const relative = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  if (Math.abs(diff) < 60_000) return 'just now';
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return relative.format(Math.round(diff / ms), unit);
  }
  return 'just now';
}
