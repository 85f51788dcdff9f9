import { afterEach, describe, expect, it, vi } from 'vitest';
import { openShortlistDb, subscribeToChanges, type ShortlistChange, type ShortlistDb } from '../../../lib/shortlist';
import { freshFactory } from '../../fixtures/shortlist-db/materialise';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function setup() {
  const factory = freshFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const writer = await openShortlistDb({ indexedDB: factory, channelName });
  const reader = await openShortlistDb({ indexedDB: factory, channelName });
  const changes: ShortlistChange[] = [];
  const unsubscribe = subscribeToChanges((c) => changes.push(c), { channelName });
  cleanups.push(unsubscribe, () => writer.close(), () => reader.close());
  return { writer, reader, changes, unsubscribe, channelName };
}

describe('subscribeToChanges', () => {
  it('uses the BroadcastChannel the test environment provides (Node’s, under happy-dom)', () => {
    expect(typeof BroadcastChannel).toBe('function');
  });

  it('fires after a committed write from another connection, and the other connection sees the data', async () => {
    const { writer, reader, changes } = await setup();
    const list = await writer.createShortlist('From the side panel');
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]).toMatchObject({ type: 'shortlists-changed', source: writer.connectionId, shortlistIds: [list.id], itemIds: [] });
    // By the time the message arrives the transaction has committed: a re-read shows the change.
    expect(await reader.listShortlists()).toEqual([list]);

    const item = await writer.addItem(list.id, { providerId: 'p1', snapshot: { name: 'Clinic', website: null }, custom: null });
    await writer.updateItem(item.id, { notes: 'hello' });
    await vi.waitFor(() => expect(changes).toHaveLength(3));
    expect(changes[2]).toMatchObject({ itemIds: [item.id], shortlistIds: [list.id] });
  });

  it('says nothing when nothing was written (failed, aborted or no-op calls)', async () => {
    const { writer, changes, channelName } = await setup();
    const list = await writer.createShortlist('Mine');
    await writer.addItem(list.id, { providerId: 'p1', snapshot: { name: 'Clinic', website: null }, custom: null });
    await vi.waitFor(() => expect(changes).toHaveLength(2));
    await writer.addItem(list.id, { providerId: 'p1', snapshot: { name: 'Clinic', website: null }, custom: null }); // already there
    await writer.createShortlist('').catch(() => {});
    await writer.ensureDefaultShortlist(); // exists already
    // A marker write from another handle on the same channel: once it arrives, earlier messages would have too.
    const marker = await openShortlistDb({ indexedDB: freshFactory(), channelName });
    cleanups.push(() => marker.close());
    await marker.createShortlist('marker');
    await vi.waitFor(() => expect(changes).toHaveLength(3));
    expect(changes[2]!.source).toBe(marker.connectionId);
  });

  it('stops after unsubscribe', async () => {
    const { writer, changes, unsubscribe } = await setup();
    await writer.createShortlist('One');
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    unsubscribe();
    unsubscribe(); // idempotent
    await writer.createShortlist('Two');
    await new Promise((r) => setTimeout(r, 30));
    expect(changes).toHaveLength(1);
  });

  it('ignores unrelated messages on the channel', async () => {
    const { changes, channelName, writer } = await setup();
    const stranger = new BroadcastChannel(channelName);
    stranger.postMessage({ hello: 'world' });
    stranger.postMessage('text');
    stranger.close();
    await writer.createShortlist('Real');
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]!.source).toBe(writer.connectionId);
  });
});
