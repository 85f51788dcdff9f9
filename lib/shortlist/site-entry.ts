// "Save this site" on a site already saved: find the user's own entry for that site.
import type { Shortlist, ShortlistItem } from './schema';

const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');

function hostOf(url: string | null | undefined): string | null {
  try {
    return url ? new URL(url).hostname : null;
  } catch {
    return null;
  }
}

/**
 * The user's own entry for `host`, on a list that is not deleted: one read from that site, else one whose
 * website is on it. The most recently changed wins when there are several.
 */
export function savedEntryFor(
  lists: readonly Shortlist[],
  items: ReadonlyMap<string, readonly ShortlistItem[]>,
  host: string,
): { item: ShortlistItem; list: Shortlist } | null {
  const want = bare(host);
  let best: { item: ShortlistItem; list: Shortlist; rank: number } | null = null;
  for (const list of lists) {
    if (list.deletedAt !== null) continue;
    for (const item of items.get(list.id) ?? []) {
      const c = item.custom;
      if (item.providerId !== null || !c) continue;
      const rank = c.read && bare(c.read.host) === want ? 2 : bare(hostOf(c.website) ?? '') === want ? 1 : 0;
      if (rank === 0) continue;
      if (!best || rank > best.rank || (rank === best.rank && item.updatedAt > best.item.updatedAt)) best = { item, list, rank };
    }
  }
  return best && { item: best.item, list: best.list };
}
