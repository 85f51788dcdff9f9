// Cross-window sync: every committed write is announced on a BroadcastChannel, so the side panel and
// the full-page view (and any other extension page) can re-read. Both Chrome and Firefox deliver
// BroadcastChannel messages between pages of the same extension (same origin).

export const SHORTLIST_CHANNEL = 'clinic-scout-shortlists';

/** What a write changed. Readers should simply re-read what they show; ids are hints. */
export interface ShortlistChange {
  type: 'shortlists-changed';
  /** Id of the connection that wrote (ShortlistDb.connectionId), so a page can skip its own writes. */
  source: string;
  /** Lists created, renamed, deleted, restored or purged, and lists whose items changed. */
  shortlistIds: string[];
  /** Items added, updated, moved or removed. */
  itemIds: string[];
  /** ms since epoch */
  at: number;
}

function isChange(data: unknown): data is ShortlistChange {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.type === 'shortlists-changed' &&
    typeof d.source === 'string' &&
    Array.isArray(d.shortlistIds) &&
    Array.isArray(d.itemIds) &&
    typeof d.at === 'number'
  );
}

/** Posts `change`; never throws (no BroadcastChannel means no other window to tell). */
export function broadcastChange(change: ShortlistChange, channelName: string = SHORTLIST_CHANNEL): void {
  if (typeof BroadcastChannel === 'undefined') return;
  try {
    const channel = new BroadcastChannel(channelName);
    channel.postMessage(change);
    // The message is queued for every other channel at post time, so closing right away is fine.
    channel.close();
  } catch {
    // Sync is best-effort: the data is already committed.
  }
}

/**
 * Calls `cb` after every committed shortlist write, from any connection in any extension page,
 * including this page's own writes (compare `change.source` to skip them). Returns unsubscribe.
 */
export function subscribeToChanges(
  cb: (change: ShortlistChange) => void,
  options: { channelName?: string } = {},
): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => {};
  const channel = new BroadcastChannel(options.channelName ?? SHORTLIST_CHANNEL);
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isChange(event.data)) cb(event.data);
  };
  let open = true;
  return () => {
    if (!open) return;
    open = false;
    channel.close();
  };
}
