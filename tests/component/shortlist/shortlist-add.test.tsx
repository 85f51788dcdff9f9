import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { ShortlistAdd } from '@/components/shortlist/ShortlistAdd';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { ProviderActions } from '@/components/provider-card/ProviderActions';
import { datasetWebsite } from '@/lib/format/links';
import { openShortlistDb, StorageError, STORAGE_ERROR_MESSAGES, type ShortlistDb } from '@/lib/shortlist';
import { makeProvider } from '@/tests/fixtures/providers';

/** A fresh database per test, and a second handle on it to seed and inspect. */
async function setup() {
  const factory = new IDBFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const open = () => openShortlistDb({ indexedDB: factory, channelName });
  // The seeding handle's clock ticks a second per call, so lists created in a row have a fixed order.
  let t = Date.now() - 3_600_000;
  const db: ShortlistDb = await openShortlistDb({ indexedDB: factory, channelName, now: () => (t += 1000) });
  const requestPersistence = vi.fn(async () => true);
  const wrap = (ui: preact.ComponentChildren, opts: { open?: () => Promise<ShortlistDb> } = {}) =>
    render(
      <ShortlistsProvider open={opts.open ?? open} channelName={channelName} requestPersistence={requestPersistence}>
        {ui}
      </ShortlistsProvider>,
    );
  return { db, open, channelName, requestPersistence, wrap };
}

const provider = makeProvider();
const ref = { id: provider.id, name: provider.name, website: datasetWebsite(provider) };

describe('Add to shortlist on a provider card', () => {
  it('adds in one click to the default list, shows "On your shortlist" with a link, asks for persistence once', async () => {
    const { db, wrap, requestPersistence } = await setup();
    const go = vi.fn();
    wrap(<ProviderActions provider={provider} incognito={false} go={go} />);
    const button = await screen.findByRole('button', { name: 'Add to shortlist' });
    fireEvent.click(button);
    const on = await screen.findByText(/On your shortlist:/);
    expect(on.textContent).toBe('✓ On your shortlist: My shortlist');
    // Already on the only list: nothing more to add to.
    expect(screen.queryByRole('button', { name: 'Add to shortlist' })).toBeNull();
    expect(requestPersistence).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Added to My shortlist.')).toBeTruthy();

    const [list] = await db.listShortlists();
    const items = await db.listItems(list!.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ providerId: 'example-clinic', snapshot: { name: 'Example Ketamine Clinic', website: 'https://example-clinic.com/' }, custom: null });

    fireEvent.click(within(on).getByRole('link', { name: 'My shortlist' }));
    expect(go).toHaveBeenCalledWith({ view: 'shortlist' });
    // The colleague's compare control is there too.
    expect(screen.getByRole('checkbox', { name: /Compare/ })).toBeTruthy();
  });

  it('shows at once that a provider is already on a list', async () => {
    const { db, wrap } = await setup();
    const list = await db.createShortlist('Calls this week');
    await db.addItem(list.id, { providerId: provider.id, snapshot: { name: provider.name, website: null }, custom: null });
    wrap(<ShortlistAdd provider={ref} incognito={false} />);
    const on = await screen.findByText(/On your shortlist:/);
    expect(within(on).getByRole('link').textContent).toBe('Calls this week');
  });

  it('with several lists, lets the user choose which (default first) and keeps offering the others', async () => {
    const { db, wrap, requestPersistence } = await setup();
    await db.createShortlist('My shortlist');
    await db.createShortlist('Telehealth');
    await db.createShortlist('Near home');
    wrap(<ShortlistAdd provider={ref} incognito={false} />);
    const select = (await screen.findByRole('combobox', { name: 'List' })) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['My shortlist', 'Telehealth', 'Near home']);
    expect(select.value).toBe((await db.listShortlists())[0]!.id);
    fireEvent.change(select, { target: { value: (await db.listShortlists())[2]!.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Add to shortlist' }));
    await waitFor(() => expect(screen.getByText(/On your shortlist:/).textContent).toContain('Near home'));
    const remaining = screen.getByRole('combobox', { name: 'List' }) as HTMLSelectElement;
    expect(Array.from(remaining.options).map((o) => o.text)).toEqual(['My shortlist', 'Telehealth']);
    fireEvent.click(screen.getByRole('button', { name: 'Add to shortlist' }));
    await waitFor(() => expect(screen.getByText(/On your shortlist:/).textContent).toBe('✓ On your shortlist: My shortlist, Near home'));
    // Items existed already after the first add: persistence is asked for the first item only.
    expect(requestPersistence).toHaveBeenCalledTimes(1);
  });

  it('in a private window, says where the shortlist is kept and saves only on the click', async () => {
    const { db, wrap } = await setup();
    wrap(<ShortlistAdd provider={ref} incognito={true} />);
    expect(await screen.findByText('This window is private, but your shortlist is stored on this device.')).toBeTruthy();
    // Opening the panel wrote nothing: no list was created behind the user's back.
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.listShortlists()).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Add to shortlist' }));
    await screen.findByText(/On your shortlist:/);
    expect(await db.listShortlists()).toHaveLength(1);
  });

  it('when storage is unavailable, shows the reason instead of failing silently, and never crashes', async () => {
    const { wrap } = await setup();
    const open = vi.fn(() => Promise.reject(new StorageError('unavailable')));
    wrap(<ShortlistAdd provider={ref} incognito={false} />, { open });
    expect((await screen.findByRole('alert')).textContent).toContain(STORAGE_ERROR_MESSAGES.unavailable);
    fireEvent.click(screen.getByRole('button', { name: 'Add to shortlist' }));
    await waitFor(() => expect(open).toHaveBeenCalledTimes(2)); // it tried again on the click
    expect((await screen.findByRole('alert')).textContent).toContain(STORAGE_ERROR_MESSAGES.unavailable);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('when the disk is full, says so with the quota message', async () => {
    const { db, wrap } = await setup();
    await db.ensureDefaultShortlist();
    const spy = vi.spyOn(Object.getPrototypeOf(db) as ShortlistDb, 'addItem').mockRejectedValueOnce(new StorageError('quota'));
    wrap(<ShortlistAdd provider={ref} incognito={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Add to shortlist' }));
    expect((await screen.findByRole('alert')).textContent).toContain(STORAGE_ERROR_MESSAGES.quota);
    expect(spy).toHaveBeenCalled();
    expect(screen.queryByText(/On your shortlist:/)).toBeNull();
  });
});
