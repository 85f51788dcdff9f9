import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ImportDialog } from '@/components/export-import/ImportDialog';
import { EMPTY_BACKUP, NOTHING_CHANGED, summaryText } from '@/lib/export/import-steps';
import { ShortlistStore } from '@/state/shortlists/store';
import { general } from '@/data';
import { toCsv, toJson, toMarkdown } from '@/lib/export';
import { openShortlistDb, ShortlistDb, StorageError, STORAGE_ERROR_MESSAGES } from '@/lib/shortlist';
import { makeItem, makeList } from '@/tests/fixtures/shortlists';
import type { Shortlist, ShortlistItem } from '@/lib/shortlist/schema';

const T = Date.UTC(2026, 3, 20, 12);

const list = (id: string, name: string, extra: Partial<Shortlist> = {}): Shortlist =>
  makeList({ id, name, createdAt: T, updatedAt: T, ...extra });
const item = (id: string, shortlistId: string, providerId: string, extra: Partial<ShortlistItem> = {}): ShortlistItem =>
  makeItem({ id, shortlistId, providerId, snapshot: { name: providerId === 'mindbloom' ? 'Mindbloom' : 'Klarisana', website: null }, createdAt: T, updatedAt: T, ...extra });

const denver = list('l-denver', 'Denver options');
const mind = item('i-mind', denver.id, 'mindbloom', { notes: 'Called Monday.', status: 'contacted' });
const klar = item('i-klar', denver.id, 'klarisana', { position: 1 });
const backup = { shortlists: [denver], items: [mind, klar] };
const EXPORTED = new Date(Date.UTC(2026, 4, 1, 12));

let factory: IDBFactory;
let channelName: string;
const openDb = () => openShortlistDb({ indexedDB: factory, channelName });

beforeEach(() => {
  factory = new IDBFactory();
  channelName = `test-${crypto.randomUUID()}`;
});

async function seed(data: { shortlists: Shortlist[]; items: ShortlistItem[] }) {
  const db = await openDb();
  await db.writeAll(data);
  db.close();
}

async function stored() {
  const db = await openDb();
  const lists = [...(await db.listShortlists()), ...(await db.listDeletedShortlists())];
  // The model's fields (storage keeps a revision per item, which these comparisons leave out).
  const items = (await Promise.all(lists.map((l) => db.listItems(l.id)))).flat().map(({ revision: _revision, ...item }) => item);
  db.close();
  return { lists, items };
}

// The dialog reads and writes through the page's shortlist store; a store that has not started opens
// storage only when the dialog first reads (so `opened` shows whether storage was touched at all).
function setup({ openDb: openStorage, ...props }: Partial<Parameters<typeof ImportDialog>[0]> & { openDb?: () => Promise<ShortlistDb> } = {}) {
  const writeAll = vi.spyOn(ShortlistDb.prototype, 'writeAll');
  const opened = vi.fn(openDb);
  const onImported = vi.fn();
  const store = new ShortlistStore({ open: openStorage ?? opened, channelName });
  render(<ImportDialog store={store} onImported={onImported} {...props} />);
  const opener = screen.getByRole('button', { name: 'Import backup (JSON)' });
  const open = () => {
    opener.focus();
    fireEvent.click(opener);
    return screen.getByRole('dialog');
  };
  const choose = async (file: File) => {
    const input = screen.getByLabelText('Backup file (.json)');
    fireEvent.change(input, { target: { files: [file] } });
  };
  return { writeAll, opened, onImported, opener, open, choose };
}

const file = (text: string, name = 'clinic-scout-all-2026-05-01.json') => new File([text], name, { type: 'application/json' });

describe('ImportDialog: the dialog', () => {
  it('is a labelled modal dialog that starts at the file picker; Escape closes it and focus returns to the opener', async () => {
    const { open, opener, writeAll } = setup();
    const dialog = open();
    expect(dialog.tagName).toBe('DIALOG');
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe(within(dialog).getByRole('heading', { name: 'Import a backup' }).id);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Backup file (.json)')));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(opener);
    expect(writeAll).not.toHaveBeenCalled();
  });

  it('Cancel closes it too, and so does the native cancel event (Escape in a browser)', () => {
    const { open, opener } = setup();
    let dialog = open();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(document.activeElement).toBe(opener);
    dialog = open();
    fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(dialog.hasAttribute('open')).toBe(false);
  });
});

describe('ImportDialog: files that are refused write nothing', () => {
  const hostile: Array<[string, () => File, RegExp]> = [
    ['not JSON', () => file('hello there, this is a note'), /^This looks like a CSV file|^This is not a JSON file/],
    ['plain text', () => file('just words'), /^This is not a JSON file/],
    [
      'the CSV export renamed to .json',
      () => file(toCsv({ ...backup, provider: () => undefined, general, exportedAt: EXPORTED })),
      /^This looks like a CSV file \(the spreadsheet export\)/,
    ],
    [
      'the Markdown export renamed',
      () => file(toMarkdown({ ...backup, provider: () => undefined, general, exportedAt: EXPORTED })),
      /^This looks like the Markdown summary/,
    ],
    [
      'a __proto__ key',
      () => file(toJson(backup, EXPORTED).replace('"answers": {}', '"answers": { "__proto__": { "done": true, "text": "x" } }')),
      /^The file contains a field named "__proto__" in items\[\d\] \((Mindbloom|Klarisana)\)\.answers/,
    ],
    [
      'a newer format version',
      () => file(toJson(backup, EXPORTED).replace('"version": 3', '"version": 4')),
      /^This file was made by a newer Clinic Scout \(export format version 4\)/,
    ],
    ['damaged JSON', () => file(toJson(backup, EXPORTED).slice(0, 200)), /^The file is not valid JSON/],
    ['an empty backup', () => file(toJson({ shortlists: [], items: [] }, EXPORTED)), new RegExp(`^${EMPTY_BACKUP}$`)],
  ];
  for (const [what, make, message] of hostile) {
    it(what, async () => {
      const { open, choose, writeAll, opened } = setup();
      const dialog = open();
      await choose(make());
      const alert = await within(dialog).findByRole('alert');
      expect(alert.textContent).toMatch(message);
      expect(within(dialog).getByText(/nothing was imported, and your shortlists are unchanged/)).toBeTruthy();
      expect(within(dialog).getByRole('heading', { name: "This file can't be imported" })).toBeTruthy();
      expect(within(dialog).queryByRole('button', { name: 'Confirm import' })).toBeNull();
      expect(writeAll).not.toHaveBeenCalled();
      expect(opened).not.toHaveBeenCalled(); // storage is not even opened
    });
  }

  it('names the item and the field of every field error', async () => {
    const { open, choose, writeAll } = setup();
    const dialog = open();
    const bad = JSON.parse(toJson(backup, EXPORTED)) as { items: Record<string, unknown>[] };
    bad.items[0]!['notes'] = 42;
    bad.items[1]!['status'] = 'maybe';
    await choose(file(JSON.stringify(bad)));
    const errors = within(await within(dialog).findByRole('alert')).getAllByRole('listitem').map((li) => li.textContent);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^items\[0\] \(Mindbloom\)\.notes: /);
    expect(errors[1]).toMatch(/^items\[1\] \(Klarisana\)\.status: /);
    expect(writeAll).not.toHaveBeenCalled();
  });

  it('refuses a file over 20 MB from its size, without reading it', async () => {
    const { open, choose, writeAll } = setup();
    const dialog = open();
    const big = file('{}');
    Object.defineProperty(big, 'size', { value: 21 * 1024 * 1024 });
    const read = vi.spyOn(big, 'text');
    await choose(big);
    expect((await within(dialog).findByRole('alert')).textContent).toMatch(/^This file is too large to import \(over 20 MB\)/);
    expect(read).not.toHaveBeenCalled();
    expect(writeAll).not.toHaveBeenCalled();
    // And the user can pick another file.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose another file' }));
    expect(screen.getByLabelText('Backup file (.json)')).toBeTruthy();
  });
});

describe('ImportDialog: preview and confirm', () => {
  it('a clean file shows what will be added; Confirm writes once and says how much was imported', async () => {
    const { open, choose, writeAll, onImported } = setup();
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    await within(dialog).findByRole('heading', { name: 'Check what will be imported' });
    expect(within(dialog).getByText('New list: “Denver options”')).toBeTruthy();
    expect(within(dialog).getByText('2 clinics to add:')).toBeTruthy();
    expect(within(dialog).getByText('Mindbloom')).toBeTruthy();
    expect(within(dialog).queryByText('Differences to decide')).toBeNull();
    const confirm = within(dialog).getByRole('button', { name: 'Confirm import' });
    expect(confirm).toHaveProperty('disabled', false);
    fireEvent.click(confirm);
    const done = await within(dialog).findByText('Imported: 1 list added, 2 clinics added.');
    expect(done.getAttribute('role')).toBe('status');
    expect(writeAll).toHaveBeenCalledTimes(1);
    expect(onImported).toHaveBeenCalledWith({ listsAdded: 1, listsUpdated: 0, itemsAdded: 2, itemsUpdated: 0 });
    expect(await stored()).toEqual({ lists: [denver], items: [mind, klar] });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('if another window changed the shortlists after the preview, Confirm shows a new preview instead of writing', async () => {
    const { open, choose, writeAll } = setup();
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    await within(dialog).findByRole('heading', { name: 'Check what will be imported' });
    // Meanwhile, in another window: the same list and a clinic are saved with different notes.
    await seed({ shortlists: [denver], items: [{ ...mind, notes: 'Typed in the other window', updatedAt: T + 99 }] });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm import' }));
    await within(dialog).findByText(/changed in another window since this preview/);
    expect(writeAll).toHaveBeenCalledTimes(1); // only the seed above: the import wrote nothing
    expect((await stored()).items.find((i) => i.id === mind.id)?.notes).toBe('Typed in the other window');
  });

  it('importing the same file again changes nothing and says so', async () => {
    await seed(backup);
    const { open, choose, writeAll } = setup();
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    await within(dialog).findByText('Already in your shortlists and unchanged: 1 list and 2 clinics.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm import' }));
    await within(dialog).findByText(summaryText({ listsAdded: 0, listsUpdated: 0, itemsAdded: 0, itemsUpdated: 0 }));
    expect(writeAll).toHaveBeenCalledTimes(1);
  });

  it('shows each conflict side by side; Confirm stays disabled until every conflict has a choice; the choices are written', async () => {
    const mine = { ...mind, notes: 'My notes: nurse on site.', updatedAt: T + 10 };
    const myKlar = item('i-my-klar', denver.id, 'klarisana', { notes: 'Mine about Klarisana', position: 5 });
    await seed({ shortlists: [denver], items: [mine, myKlar] });
    const theirs = { ...mind, notes: 'Their notes: called back.', status: 'consultation-booked' as const, updatedAt: T + 20 };
    const theirKlar = { ...klar, notes: 'Theirs about Klarisana' };
    const { open, choose, writeAll } = setup();
    const dialog = open();
    await choose(file(toJson({ shortlists: [denver], items: [theirs, theirKlar] }, EXPORTED)));
    await within(dialog).findByRole('heading', { name: 'Differences to decide' });

    const groups = within(dialog).getAllByRole('group');
    expect(groups.map((g) => g.querySelector('legend')!.textContent)).toEqual(['Mindbloom on “Denver options”', 'Klarisana on “Denver options”']);
    const [g1, g2] = groups as [HTMLElement, HTMLElement];
    // Both versions, side by side.
    expect(within(g1).getByText('My notes: nurse on site.')).toBeTruthy();
    expect(within(g1).getByText('Their notes: called back.')).toBeTruthy();
    expect(within(g1).getByText('Consultation booked')).toBeTruthy();
    // One radio group per conflict: same name inside, different names across.
    const r1 = within(g1).getAllByRole('radio') as HTMLInputElement[];
    const r2 = within(g2).getAllByRole('radio') as HTMLInputElement[];
    expect(r1.map((r) => r.labels?.[0]?.textContent?.split(' (')[0])).toEqual(['Keep mine', 'Take theirs', 'Keep both']);
    expect(new Set(r1.map((r) => r.name)).size).toBe(1);
    expect(r1[0]!.name).not.toBe(r2[0]!.name);

    const confirm = within(dialog).getByRole('button', { name: 'Confirm import' });
    expect(confirm).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('Choose what to keep for 2 more differences to continue.')).toBeTruthy();
    fireEvent.click(within(g1).getByRole('radio', { name: /^Take theirs/ }));
    expect(confirm).toHaveProperty('disabled', true);
    expect(within(dialog).getByText('Choose what to keep for 1 more difference to continue.')).toBeTruthy();
    fireEvent.click(within(g2).getByRole('radio', { name: /^Keep mine/ }));
    expect(confirm).toHaveProperty('disabled', false);
    expect(writeAll).not.toHaveBeenCalled();

    fireEvent.click(confirm);
    await within(dialog).findByText('Imported: 1 clinic updated.');
    expect(writeAll).toHaveBeenCalledTimes(1);
    const after = await stored();
    expect(after.items.find((i) => i.id === mind.id)).toEqual(theirs);
    expect(after.items.find((i) => i.id === myKlar.id)).toEqual(myKlar);
    expect(after.items).toHaveLength(2);
  });

  it('keep both on a list conflict puts the file into a copy and its clinics need no choice', async () => {
    const mineList = { ...denver, name: 'Denver (mine)', updatedAt: T + 5 };
    await seed({ shortlists: [mineList], items: [{ ...mind, notes: 'mine' }] });
    const { open, choose } = setup();
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    await within(dialog).findByRole('heading', { name: 'Differences to decide' });
    const listGroup = within(dialog).getByRole('group', { name: 'The list “Denver (mine)”' });
    expect(within(dialog).getAllByRole('group')).toHaveLength(2);
    fireEvent.click(within(listGroup).getByRole('radio', { name: /^Keep both/ }));
    expect(within(dialog).getAllByRole('group')).toHaveLength(1);
    expect(within(dialog).getByText(/1 other difference needs no choice/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm import' }));
    await within(dialog).findByText('Imported: 1 list added, 2 clinics added.');
    const after = await stored();
    expect(after.lists.map((l) => l.name).sort()).toEqual(['Denver (mine)', 'Denver options (imported)']);
    expect(after.items).toHaveLength(3);
  });

  it('Cancel or Escape at the preview writes nothing', async () => {
    await seed({ shortlists: [denver], items: [{ ...mind, notes: 'mine' }] });
    const { open, choose, writeAll, opener } = setup();
    for (const how of ['cancel', 'escape'] as const) {
      const dialog = open();
      await choose(file(toJson(backup, EXPORTED)));
      await within(dialog).findByRole('heading', { name: 'Differences to decide' });
      fireEvent.click(within(dialog).getByRole('radio', { name: /^Take theirs/ }));
      if (how === 'cancel') fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      else fireEvent.keyDown(within(dialog).getByRole('heading', { name: 'Check what will be imported' }), { key: 'Escape' });
      expect(dialog.hasAttribute('open')).toBe(false);
      expect(document.activeElement).toBe(opener);
    }
    expect(writeAll).not.toHaveBeenCalled();
    expect((await stored()).items).toEqual([{ ...mind, notes: 'mine' }]);
  });

  it('a storage error on write shows its message and says nothing was changed', async () => {
    const { open, choose, writeAll, onImported } = setup();
    writeAll.mockRejectedValueOnce(new StorageError('quota'));
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    fireEvent.click(await within(dialog).findByRole('button', { name: 'Confirm import' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(STORAGE_ERROR_MESSAGES.quota + NOTHING_CHANGED);
    expect(within(dialog).getByRole('heading', { name: "The import couldn't be saved" })).toBeTruthy();
    expect(onImported).not.toHaveBeenCalled();
    expect((await stored()).lists).toEqual([]);
  });

  it('storage that cannot be opened is reported before any preview', async () => {
    const { open, choose, writeAll } = setup({ openDb: () => Promise.reject(new DOMException('private', 'InvalidStateError')) });
    const dialog = open();
    await choose(file(toJson(backup, EXPORTED)));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(STORAGE_ERROR_MESSAGES.unavailable + NOTHING_CHANGED);
    expect(writeAll).not.toHaveBeenCalled();
  });
});
