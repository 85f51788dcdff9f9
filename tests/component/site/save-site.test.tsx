// "Save this site" in the panel, with the browser calls replaced (state/site-reader is mocked; the read
// flow itself is tested in tests/unit/extract/read-site.test.ts and, for real, in tests/e2e/save-site.test.ts).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveSite } from '@/components/site/SaveSite';
import type { ReadSiteResult } from '@/lib/extract/read-site';
import { openShortlistDb, type ShortlistDb } from '@/lib/shortlist';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { extract, fixture, READ_AT } from '../../unit/extract/read-page';

const PAGE = 'https://aspenridge-ketamine.example/pricing';
const reader = vi.hoisted(() => ({ result: null as ReadSiteResult | null, calls: 0 }));

vi.mock('@/state/site-reader', () => ({
  readThisSite: vi.fn(() => {
    reader.calls++;
    return Promise.resolve(reader.result);
  }),
  useTabUrl: () => 'https://aspenridge-ketamine.example/pricing',
}));

async function setup() {
  const factory = new IDBFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const open = () => openShortlistDb({ indexedDB: factory, channelName });
  const db: ShortlistDb = await openShortlistDb({ indexedDB: factory, channelName });
  const wrap = () =>
    render(
      <ShortlistsProvider open={open} channelName={channelName} requestPersistence={async () => true}>
        <SaveSite tabId={7} host="aspenridge-ketamine.example" version={1} />
      </ShortlistsProvider>,
    );
  return { db, wrap };
}

const field = (label: string) => screen.getByLabelText(label, { exact: false, selector: 'input, select, textarea' }) as HTMLInputElement;

describe('Save this site', () => {
  beforeEach(() => {
    reader.calls = 0;
    reader.result = { ok: true, extraction: extract(fixture('jsonld-clinic.html'), PAGE) };
  });

  it('reads only on click, prefills the form with where each value was read, and saves the entry with its provenance and chosen prices', async () => {
    const { db, wrap } = await setup();
    await db.createShortlist('Colorado');
    const list2 = await db.createShortlist('Calls this week');
    wrap();
    expect(reader.calls).toBe(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Save this site' }));
    expect(reader.calls).toBe(1);
    await screen.findByRole('heading', { name: 'Save aspenridge-ketamine.example' });
    expect(field('Clinic name').value).toBe('Aspen Ridge Ketamine Clinic');
    expect(field('Phone').value).toBe('+1 970-555-0142');
    expect(field('City').value).toBe('Fort Collins');
    expect(field('ZIP code').value).toBe('80521');
    expect(screen.getAllByText(/Read from the page’s structured data/).length).toBeGreaterThan(3);

    const prices = screen.getByRole('group', { name: 'Prices on this page' });
    expect(prices.textContent).toMatch(/Read from this page on \d{1,2} \w{3} 2026 — confirm with the clinic/);
    const boxes = within(prices).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    fireEvent.click(boxes[2]!); // drop the package price
    fireEvent.input(field('City'), { target: { value: 'Loveland' } });
    fireEvent.change(await screen.findByLabelText('Save to'), { target: { value: list2.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Save to shortlist' }));
    await screen.findByText(/was saved to/);
    expect(screen.getByRole('status').textContent).toContain('“Calls this week”');

    const [item] = await db.listItems(list2.id);
    expect(item!.custom).toMatchObject({ name: 'Aspen Ridge Ketamine Clinic', city: 'Loveland', state: 'CO', phone: '+1 970-555-0142', zip: '80521' });
    expect(item!.custom!.read!.at).toBe(READ_AT);
    expect(item!.custom!.read!.fields.city).toBeUndefined(); // changed by the user: the user's own value
    expect(item!.custom!.read!.fields.name).toEqual({ source: 'json-ld', at: READ_AT });
    expect(item!.custom!.read!.prices.map((p) => p.text)).toEqual(['$250', '$495']);
  });

  it('the same site saved before: offers to update that entry, and updates it in place', async () => {
    const { db, wrap } = await setup();
    const list = await db.createShortlist('Mine');
    await db.addItem(list.id, {
      providerId: null,
      snapshot: { name: 'Aspen Ridge', website: 'https://aspenridge-ketamine.example/' },
      custom: { name: 'Aspen Ridge', website: 'https://aspenridge-ketamine.example/', city: null, state: null },
    });
    wrap();
    fireEvent.click(await screen.findByRole('button', { name: 'Save this site' }));
    const existing = await screen.findByRole('group', { name: 'You saved this site before' });
    expect(existing.textContent).toContain('“Aspen Ridge” is on “Mine”');
    fireEvent.click(screen.getByRole('button', { name: 'Update entry' }));
    await screen.findByText(/was updated in/);
    const items = await db.listItems(list.id);
    expect(items).toHaveLength(1);
    expect(items[0]!.custom).toMatchObject({ name: 'Aspen Ridge Ketamine Clinic', city: 'Fort Collins' });
  });

  it('a failed read says why, in words, and keeps nothing', async () => {
    reader.result = { ok: false, failure: { kind: 'denied', host: 'aspenridge-ketamine.example' } };
    const { wrap } = await setup();
    wrap();
    fireEvent.click(await screen.findByRole('button', { name: 'Save this site' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/Nothing was read.*wasn’t given access to aspenridge-ketamine\.example/);
    // It can be tried again.
    expect(screen.getByRole('button', { name: 'Save this site' })).toBeTruthy();
  });

  it('markup read from a page is shown as text, never as HTML', async () => {
    reader.result = { ok: true, extraction: extract(fixture('markup-in-values.html'), PAGE) };
    const { wrap } = await setup();
    const { container } = wrap();
    fireEvent.click(await screen.findByRole('button', { name: 'Save this site' }));
    await screen.findByRole('heading', { name: 'Save aspenridge-ketamine.example' });
    await waitFor(() => expect(field('Clinic name').value).toBe('Lantern Ketamine Clinic'));
    expect(container.querySelector('script, img, iframe, b')).toBeNull();
  });
});
