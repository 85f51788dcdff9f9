import { relativeTime } from '@/lib/format/dates';

const absolute = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
/** "Updated 3 days ago (24 Nov 2026, 2:05 PM)": when the user last touched the item. */
export function ShortlistUpdated({ at, now = Date.now() }: { at: number; now?: number }) {
  const date = new Date(at);
  return (
    <span class="sl-updated">
      Updated <time dateTime={date.toISOString()}>{relativeTime(at, now)}</time> ({absolute.format(date)})
    </span>
  );
}
