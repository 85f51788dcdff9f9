import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '@/components/export-import/ExportMenu';
import { ShortlistExportImport } from '@/components/export-import/ShortlistExportImport';
import { CANNOT_READ, NOTHING_SAVED } from '@/lib/export/messages';
import { costLineFor } from '@/lib/export/prepare';
import { readSavedRecords, type ShortlistData } from '@/lib/shortlist/records';
import { ShortlistStore } from '@/state/shortlists/store';
import { ShortlistPanel } from '@/components/shortlist/ShortlistPanel';
import { PrintView } from '@/components/export-import/PrintView';
import { general } from '@/data';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { PrintPage } from '@/components/export-import/PrintPage';
import type { Provider } from '@/lib/dataset/schema';
import { DISCLAIMER, parseImport } from '@/lib/export';
import { parseRoute, routeHash } from '@/lib/route';
import { openShortlistDb, type DbDump } from '@/lib/shortlist';
import { makeItem, makeList } from '@/tests/fixtures/shortlists';
import type { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

const T = Date.UTC(2026, 3, 20, 12);
const NOW = new Date(2026, 4, 1, 15, 30); // local 1 May 2026
const Q1 = general.questions[0]!;
const Q2 = general.questions[1]!;

const provider = makeProvider();
const closed = closedProvider();
const byId = new Map<string, Provider>([
  [provider.id, provider],
  [closed.id, closed],
]);
const providerById = (id: string) => byId.get(id);

const list = (id: string, name: string, extra: Partial<Shortlist> = {}): Shortlist =>
  makeList({ id, name, createdAt: T, updatedAt: T, ...extra });

const item = (id: string, shortlistId: string, extra: Partial<ShortlistItem> = {}): ShortlistItem =>
  makeItem({ id, shortlistId, providerId: provider.id, snapshot: { name: provider.name, website: 'https://example-clinic.com/' }, createdAt: T, updatedAt: T, ...extra });

const denver = list('l-denver', 'Denver options');
const tele = list('l-tele', 'Telehealth', { createdAt: T + 1 });
const trashed = list('l-old', 'Old ideas', { createdAt: T + 2, deletedAt: T + 5 });
const items: ShortlistItem[] = [
  item('i-1', denver.id, {
    status: 'contacted',
    notes: 'Called Monday, "nice" staff,\nsecond line — 🙂',
    quote: { consultation: 200, perSession: 450, note: 'by phone' },
    answers: { [Q1.id]: { done: true, text: 'Since 2019.' }, [Q2.id]: { done: false, text: 'Ask again' } },
  }),
  item('i-2', denver.id, {
    providerId: null,
    snapshot: { name: 'Dr. Own Clinic', website: null },
    custom: { name: 'Dr. Own Clinic', website: null, city: 'Denver', state: 'CO' },
    notes: '=HYPERLINK("x")',
    position: 1,
  }),
  item('i-3', tele.id, { providerId: closed.id, snapshot: { name: closed.name, website: null } }),
  item('i-4', trashed.id),
];

function dataOf(lists: Shortlist[], deleted: Shortlist[], all: ShortlistItem[] = items): ShortlistData {
  const map = new Map<string, ShortlistItem[]>();
  for (const l of [...lists, ...deleted]) map.set(l.id, all.filter((i) => i.shortlistId === l.id));
  return { status: 'ready', lists, deleted, items: map };
}
const DATA = dataOf([denver, tele], [trashed]);

/** Captures what lib/download hands the browser: the Blob, the <a download> name, the revoke. */
function captureDownloads() {
  const blobs: Blob[] = [];
  const clicks: { download: string; href: string }[] = [];
  const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
    blobs.push(b as Blob);
    return `blob:test/${blobs.length}`;
  });
  const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push({ download: this.download, href: this.getAttribute('href') ?? '' });
  });
  return { blobs, clicks, create, revoke };
}

const bytes = async (b: Blob) => new Uint8Array(await b.arrayBuffer());
const text = async (b: Blob) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytes(b));

// `readFallback` stands for the raw database: the menu reads it through a shortlist store (ShortlistStore.readSaved).
function renderMenu({ readFallback, ...props }: Partial<Parameters<typeof ExportMenu>[0]> & { readFallback?: () => Promise<DbDump | null> } = {}) {
  const store = readFallback ? new ShortlistStore({ dump: readFallback }) : undefined;
  return render(<ExportMenu data={DATA} listId={denver.id} providerById={providerById} general={general} now={() => NOW} store={store} {...props} />);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('ExportMenu', () => {
  it('exports this list as CSV: UTF-8 with BOM, text/csv, dated name, a row per item with cost line and checklist answers', async () => {
    const d = captureDownloads();
    renderMenu();
    expect(screen.getByRole('radio', { name: 'This list (Denver options)' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await screen.findByText('Your download has started: clinic-scout-denver-options-2026-05-01.csv.');
    expect(d.clicks).toEqual([{ download: 'clinic-scout-denver-options-2026-05-01.csv', href: 'blob:test/1' }]);
    const blob = d.blobs[0]!;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect([...(await bytes(blob)).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>((await text(blob)).slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r['List'], r['Clinic'], r['Your status']])).toEqual([
      ['Denver options', provider.name, 'Contacted'],
      ['Denver options', 'Dr. Own Clinic', 'Considering'],
    ]);
    const [first, second] = parsed.data;
    expect(first!['Notes']).toBe(items[0]!.notes);
    expect(first!['Quoted per session ($)']).toBe('450');
    expect(first![Q1.text]).toBe('Done — Since 2019.');
    expect(first![Q2.text]).toBe('Ask again');
    const costColumn = 'Cost estimate (estimate — confirm with the clinic)';
    expect(first![costColumn]).toBe(costLineFor(items[0]!, providerById, general));
    expect(first![costColumn]).toMatch(/^Consultation and \d+ sessions: \$[\d,]+.*Estimate — confirm with the clinic\.$/);
    expect(second!['Notes']).toBe(`'=HYPERLINK("x")`); // neutralised formula
    expect(second!['Clinic status']).toBe('Your own entry');
  });

  it('exports all lists as JSON (trash included) that parseImport reads back exactly', async () => {
    const d = captureDownloads();
    renderMenu();
    fireEvent.click(screen.getByRole('radio', { name: 'All lists (2)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(/clinic-scout-all-2026-05-01\.json/);
    expect(d.clicks[0]!.download).toBe('clinic-scout-all-2026-05-01.json');
    expect(d.blobs[0]!.type).toBe('application/json');
    const result = parseImport(await d.blobs[0]!.text());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.shortlists).toEqual([denver, tele, trashed]);
    expect(result.data.items).toEqual(items);
    expect(result.data.exportedAt).toBe(NOW.toISOString());
  });

  it('exports Markdown with the disclaimer, the cost estimate and the checklist answers', async () => {
    const d = captureDownloads();
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await screen.findByText(/clinic-scout-denver-options-2026-05-01\.md/);
    expect(d.blobs[0]!.type).toBe('text/markdown;charset=utf-8');
    const md = await d.blobs[0]!.text();
    expect(md).toContain('# Clinic Scout shortlist — 2026-05-01');
    expect(md).toContain(DISCLAIMER);
    expect(md).toContain('- Cost estimate: Consultation and 6 sessions:');
    expect(md).toContain('Since 2019.');
    expect(md).not.toContain('Telehealth');
  });

  it('revokes the object URL after the download has had time to start', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const d = captureDownloads();
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(d.clicks).toHaveLength(1);
    expect(d.revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(60_000);
    expect(d.revoke).toHaveBeenCalledWith('blob:test/1');
  });

  it('says calmly when a file cannot be made, and downloads nothing', async () => {
    const d = captureDownloads();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    d.create.mockImplementation(() => {
      throw new Error('blocked');
    });
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      "The CSV file couldn't be made, so nothing was downloaded. Your shortlists are unchanged. Please try again, or try another format.",
    );
    expect(d.clicks).toEqual([]);
    expect(warn).toHaveBeenCalled(); // the detail goes to the console, not to the user
  });

  it('when storage could not be opened, exports what the fallback reader finds and says what was left out', async () => {
    const d = captureDownloads();
    const dump: DbDump = {
      version: 1,
      stores: {
        shortlists: { keyPath: 'id', autoIncrement: false, indexes: [], records: [denver, { id: 'broken' }] },
        items: { keyPath: 'id', autoIncrement: false, indexes: [], records: [items[0], items[2] /* its list is not readable */] },
      },
    };
    const readFallback = vi.fn(async () => dump);
    renderMenu({ data: { status: 'error', lists: [], deleted: [], items: new Map() }, listId: null, readFallback });
    expect(screen.getByText(/can still try to export a copy/)).toBeTruthy();
    expect(screen.queryByRole('radio')).toBeNull(); // all that is saved, no list to choose
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await screen.findByText(
      "Your download has started: clinic-scout-all-2026-05-01.json. 2 saved records couldn't be read and were left out.",
    );
    const result = parseImport(await d.blobs[0]!.text());
    expect(result.ok && result.data.items).toEqual([items[0]]);
  });

  it('when even the fallback reader fails, or nothing is saved, says so and downloads nothing', async () => {
    const d = captureDownloads();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const errorData: ShortlistData = { status: 'error', lists: [], deleted: [], items: new Map() };
    const { unmount } = renderMenu({ data: errorData, listId: null, readFallback: async () => Promise.reject(new DOMException('no', 'InvalidStateError')) });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe(CANNOT_READ);
    unmount();
    renderMenu({ data: errorData, listId: null, readFallback: async () => null });
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe(NOTHING_SAVED);
    expect(d.clicks).toEqual([]);
  });

  it('links Print to the print page of the chosen scope, in a new tab; nothing to export means disabled buttons', () => {
    const printUrl = (id: string | null) => `page.html${routeHash({ view: 'print', listId: id })}`;
    const { unmount } = renderMenu({ printUrl });
    const link = screen.getByRole('link', { name: 'Print (opens in a new tab)' });
    expect(link.getAttribute('href')).toBe('page.html#/print/l-denver');
    expect(link.getAttribute('target')).toBe('_blank');
    fireEvent.click(screen.getByRole('radio', { name: /All lists/ }));
    expect(link.getAttribute('href')).toBe('page.html#/print');
    unmount();
    renderMenu({ data: dataOf([], []), listId: null });
    for (const name of ['Export CSV', 'Export JSON', 'Export Markdown']) expect(screen.getByRole('button', { name })).toHaveProperty('disabled', true);
    expect(screen.getByText('Nothing to export yet.')).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Print/ })).toBeNull();
  });
});

describe('print route', () => {
  it('parses and writes #/print and #/print/<id>, with ids encoded', () => {
    expect(parseRoute('#/print')).toEqual({ view: 'print', listId: null });
    expect(parseRoute('#/print/')).toEqual({ view: 'print', listId: null });
    expect(parseRoute('#/print/l-denver')).toEqual({ view: 'print', listId: 'l-denver' });
    const odd = 'list/with spaces & ü';
    expect(parseRoute(routeHash({ view: 'print', listId: odd }))).toEqual({ view: 'print', listId: odd });
    expect(parseRoute('#/print/%E0%A4%A')).toEqual({ view: 'print', listId: null });
  });
});

describe('PrintView', () => {
  it("shows each clinic's key facts, cost line, the user's status, quote, notes, checklist answers and sources, under the disclaimer", () => {
    render(
      <PrintView
        shortlists={[denver, tele]}
        items={items}
        providerById={providerById}
        general={general}
        today={NOW}
        costLine={(i) => costLineFor(i, providerById, general)}
        title="Denver options and Telehealth"
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Clinic Scout shortlist: Denver options and Telehealth');
    expect(screen.getByText(DISCLAIMER)).toBeTruthy();
    expect(screen.getByText('Prepared 2026-05-01')).toBeTruthy();
    const first = screen.getByRole('region', { name: provider.name, exact: true });
    expect(within(first).getByText('Contacted')).toBeTruthy();
    expect(within(first).getByText('consultation $200; per session $450 — by phone')).toBeTruthy();
    expect(within(first).getByText((_, el) => el?.className === 'print-item__notes' && el.textContent === items[0]!.notes)).toBeTruthy();
    expect(within(first).getByText(Q1.text)).toBeTruthy();
    expect(within(first).getByText('Since 2019.')).toBeTruthy();
    expect(within(first).getByText(/^Consultation and 6 sessions: /)).toBeTruthy();
    expect(within(first).getByText('Initial consultation: $250 (as of 2024-05-01)')).toBeTruthy();
    expect(within(first).getByRole('heading', { name: 'Sources' })).toBeTruthy();
    expect(first.querySelector('.print-sources')!.textContent).toContain('https://example-clinic.com/prices');

    const own = screen.getByRole('region', { name: 'Dr. Own Clinic' });
    expect(within(own).getByText('Your own entry')).toBeTruthy();
    expect(within(own).getByText('Denver, CO')).toBeTruthy();
    // A closed clinic says so first.
    const shut = screen.getByRole('region', { name: closed.name });
    expect(shut.querySelector('.print-item__warn')!.textContent).toContain('Closed since 2023-03-10.');
    // The trashed list's item is not shown.
    expect(screen.getAllByRole('region', { name: provider.name, exact: true })).toHaveLength(1);
  });
});

describe('PrintPage (the #/print route)', () => {
  let factory: IDBFactory;
  let channelName: string;
  beforeEach(() => {
    factory = new IDBFactory();
    channelName = `test-${crypto.randomUUID()}`;
  });

  it('prints one list from storage, with "Print or save as PDF" calling window.print', async () => {
    const db = await openShortlistDb({ indexedDB: factory, channelName });
    const mindbloom = { id: 'mindbloom', name: 'Mindbloom' };
    await db.writeAll({
      shortlists: [denver, tele],
      items: [
        item('a', denver.id, { providerId: mindbloom.id, snapshot: { name: mindbloom.name, website: null }, notes: 'Ask about the nurse.' }),
        item('b', tele.id, { notes: 'Other list' }),
      ],
    });
    const print = vi.fn();
    Object.defineProperty(window, 'print', { value: print, configurable: true, writable: true });
    render(
      <ShortlistsProvider open={() => openShortlistDb({ indexedDB: factory, channelName })} channelName={channelName} requestPersistence={async () => true}>
        <PrintPage listId={denver.id} />
      </ShortlistsProvider>,
    );
    await screen.findByText('Ask about the nurse.');
    expect(screen.queryByText('Other list')).toBeNull();
    await waitFor(() => expect(document.title).toBe('Clinic Scout — Denver options'));
    expect(screen.getByText(DISCLAIMER)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Print or save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
    // The export tools are on the page too, scoped to this list, without a Print link to itself.
    expect(screen.getByRole('radio', { name: 'This list (Denver options)' })).toHaveProperty('checked', true);
    expect(screen.queryByRole('link', { name: /Print/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Import backup (JSON)' })).toBeTruthy();
    db.close();
  });

  it('says when the list is not there', async () => {
    render(
      <ShortlistsProvider open={() => openShortlistDb({ indexedDB: factory, channelName })} channelName={channelName} requestPersistence={async () => true}>
        <PrintPage listId="nope" />
      </ShortlistsProvider>,
    );
    await screen.findByText(/This list isn't in your shortlists any more/);
  });
});

describe("mounted in the Shortlist view's export/import slot", () => {
  it('exports the list the view shows, and offers the import dialog', async () => {
    const factory = new IDBFactory();
    const channelName = `test-${crypto.randomUUID()}`;
    const db = await openShortlistDb({ indexedDB: factory, channelName });
    await db.writeAll({ shortlists: [denver, tele], items: [items[0]!, items[2]!] });
    const d = captureDownloads();
    render(
      <ShortlistsProvider open={() => openShortlistDb({ indexedDB: factory, channelName })} channelName={channelName} requestPersistence={async () => true}>
        <ShortlistPanel providerById={providerById} exportImport={<ShortlistExportImport providerById={providerById} />} />
      </ShortlistsProvider>,
    );
    const slot = await waitFor(() => {
      const el = document.querySelector<HTMLElement>('[data-slot="export-import"]');
      if (!el || !within(el).queryByRole('radio', { name: 'This list (Denver options)' })) throw new Error('not yet');
      return el;
    });
    fireEvent.change(screen.getByLabelText('Show list'), { target: { value: tele.id } });
    await within(slot).findByRole('radio', { name: 'This list (Telehealth)' });
    fireEvent.click(within(slot).getByRole('button', { name: 'Export CSV' }));
    await within(slot).findByText(/^Your download has started: clinic-scout-telehealth-\d{4}-\d\d-\d\d\.csv\.$/);
    expect(d.clicks).toHaveLength(1);
    expect(within(slot).getByRole('button', { name: 'Import backup (JSON)' })).toBeTruthy();
    db.close();
  });
});

describe('readSavedRecords', () => {
  it('is null when nothing was ever saved', async () => {
    expect(await readSavedRecords(async () => null)).toBeNull();
  });
  it('reads a real database written by the repository', async () => {
    const factory = new IDBFactory();
    const db = await openShortlistDb({ indexedDB: factory, channelName: 'x' });
    await db.writeAll({ shortlists: [denver], items: [items[0]!] });
    db.close();
    const { dumpShortlistDb } = await import('@/lib/shortlist');
    const saved = await readSavedRecords(() => dumpShortlistDb({ indexedDB: factory }));
    expect(saved).toEqual({ shortlists: [denver], items: [items[0]], skipped: 0 });
  });
});
