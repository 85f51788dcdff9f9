// Issue 17, item 4: a damaged stored record is set aside (the rest is shown, with a plain message and its
// raw download), and a view that throws shows a message with "Try again" instead of a blank panel.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { useState } from 'preact/hooks';
import { describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '@/components/common/ErrorBoundary';
import { ShortlistPanel } from '@/components/shortlist/ShortlistPanel';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { DB_NAME, openShortlistDb } from '@/lib/shortlist';
import { RAW_FORMAT_NAME } from '@/lib/export';
import { makeProvider } from '@/tests/fixtures/providers';

const PROVIDER = makeProvider();

/** Writes a record straight into the database, as a bug or a damaged disk might leave it. */
function putRaw(factory: IDBFactory, record: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('items', 'readwrite');
      tx.objectStore('items').put(record);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('a saved record that cannot be read', () => {
  it('shows the readable clinics, says one record is set aside, and downloads it raw', async () => {
    const factory = new IDBFactory();
    const channelName = `test-${crypto.randomUUID()}`;
    const open = () => openShortlistDb({ indexedDB: factory, channelName });
    const db = await open();
    const list = await db.createShortlist('My shortlist');
    const good = await db.addItem(list.id, { providerId: PROVIDER.id, snapshot: { name: PROVIDER.name, website: null }, custom: null });
    const { snapshot: _dropped, ...broken } = { ...good, id: 'broken-item', providerId: 'other-clinic', position: 5, notes: 'my precious note' };
    db.close();
    await putRaw(factory, broken);

    render(
      <ShortlistsProvider open={open} channelName={channelName} requestPersistence={async () => true}>
        <ShortlistPanel providerById={(id) => (id === PROVIDER.id ? PROVIDER : undefined)} />
      </ShortlistsProvider>,
    );
    expect(await screen.findByRole('article', { name: PROVIDER.name })).toBeTruthy();
    const message = await screen.findByText(/1 saved record could not be read and is set aside\. Your other clinics are shown\./);
    expect(screen.getByText('1 clinic')).toBeTruthy();
    const notice = message.closest('.sl-unreadable') as HTMLElement;

    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:set-aside';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toMatch(/^clinic-scout-set-aside-\d{4}-\d\d-\d\d\.json$/);
    });
    fireEvent.click(within(notice).getByRole('button', { name: 'Download the set-aside record' }));
    expect(click).toHaveBeenCalledOnce();
    expect(blob).not.toBeNull();
    const file = JSON.parse(await blob!.text());
    expect(file.format).toBe(RAW_FORMAT_NAME);
    expect(file.records).toHaveLength(1);
    expect(file.records[0]).toMatchObject({ store: 'items', key: 'broken-item', shortlistId: list.id });
    expect(file.records[0].raw.notes).toBe('my precious note');
    expect(file.records[0].reason).toMatch(/snapshot/);
  });
});

describe('ErrorBoundary', () => {
  it('shows a plain message with the view name and "Try again" that renders the view afresh', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let fail = true;
    function Fragile() {
      if (fail) throw new TypeError("Cannot read properties of undefined (reading 'name')");
      return <p>The view works</p>;
    }
    function Page() {
      const [n] = useState(0);
      return (
        <div>
          <ErrorBoundary view="Shortlist">
            <Fragile key={n} />
          </ErrorBoundary>
          <p>Other parts of the page</p>
        </div>
      );
    }
    render(<Page />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong showing this view (Shortlist).');
    expect(alert.textContent).toContain('Your saved shortlists are not affected.');
    expect(screen.getByText('Other parts of the page')).toBeTruthy();
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByText('The view works')).toBeTruthy());
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
