// Two windows editing one item (issue 17, item 1): two ShortlistStores (two panels) on ONE fake-indexeddb
// database and one BroadcastChannel. A and B type, A saves first: nothing is written over A, B sees both
// versions where it typed, and each choice is saved over the revision stored now. No text is lost.
import { fireEvent, render, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ShortlistPanel } from '@/components/shortlist/ShortlistPanel';
import { ShortlistsProvider } from '@/state/shortlists/context';
import { ShortlistStore } from '@/state/shortlists/store';
import { isItemConflict, openShortlistDb, type ShortlistDb } from '@/lib/shortlist';
import type { Provider } from '@/lib/dataset/schema';
import { makeProvider } from '@/tests/fixtures/providers';

const PROVIDER = makeProvider();
const providerById = (id: string) => (id === PROVIDER.id ? (PROVIDER as Provider) : undefined);

async function twoWindows() {
  const factory = new IDBFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const open = () => openShortlistDb({ indexedDB: factory, channelName });
  const db: ShortlistDb = await open();
  const list = await db.createShortlist('My shortlist');
  const item = await db.addItem(list.id, { providerId: PROVIDER.id, snapshot: { name: PROVIDER.name, website: null }, custom: null });
  // Two panels in ONE render (one root keeps useId unique across both, as two pages would).
  const panel = (win: string) => (
    <div data-window={win}>
      <ShortlistsProvider open={open} channelName={channelName} requestPersistence={async () => true}>
        <ShortlistPanel providerById={providerById} />
      </ShortlistsProvider>
    </div>
  );
  const { container } = render(
    <>
      {panel('a')}
      {panel('b')}
    </>,
  );
  const a = container.querySelector<HTMLElement>('[data-window="a"]')!;
  const b = container.querySelector<HTMLElement>('[data-window="b"]')!;
  const stored = async () => (await db.listItems(list.id))[0]!;
  return { db, list, item, a, b, stored, factory, channelName };
}

async function openNotes(win: HTMLElement) {
  const card = await within(win).findByRole('article', { name: PROVIDER.name });
  fireEvent.click(within(card).getByRole('button', { name: /Notes and details/ }));
  return { card, notes: within(card).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement };
}

/** A types, B types, A saves: B shows both versions, its own text still in its textarea. */
async function conflictInB() {
  const w = await twoWindows();
  const A = await openNotes(w.a);
  const B = await openNotes(w.b);
  fireEvent.input(A.notes, { target: { value: 'Typed in window A' } });
  fireEvent.input(B.notes, { target: { value: 'Typed in window B' } });
  fireEvent.blur(A.notes);
  await waitFor(async () => expect((await w.stored()).notes).toBe('Typed in window A'));
  fireEvent.blur(B.notes);
  const conflict = (await within(B.card).findByRole('group', { name: /This note was also changed in another window/ }, { timeout: 3000 })) as HTMLElement;
  return { ...w, A, B, conflict };
}

describe('two windows editing one note', () => {
  it('keeps the first save, shows both versions in the other window, and never switches its textarea', async () => {
    const { B, conflict, stored } = await conflictInB();
    expect(conflict.querySelector('[data-version="mine"]')?.textContent).toBe('Typed in window B');
    expect(conflict.querySelector('[data-version="theirs"]')?.textContent).toBe('Typed in window A');
    expect(within(conflict).getByRole('alert').textContent).toContain('Nothing was overwritten');
    expect(B.notes.value).toBe('Typed in window B');
    // Typing goes on while undecided: nothing is written, and the choice shows the newest text.
    fireEvent.input(B.notes, { target: { value: 'Typed in window B, more' } });
    await new Promise((r) => setTimeout(r, 700));
    expect((await stored()).notes).toBe('Typed in window A');
    expect(conflict.querySelector('[data-version="mine"]')?.textContent).toBe('Typed in window B, more');
  });

  it('"Keep mine" saves this window\'s text over the other revision', async () => {
    const { B, conflict, stored, A } = await conflictInB();
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await stored()).notes).toBe('Typed in window B'));
    await waitFor(() => expect(within(B.card).queryByRole('group', { name: /also changed/ })).toBeNull());
    // The window that saved first had nothing unsaved, so it follows.
    await waitFor(() => expect(A.notes.value).toBe('Typed in window B'));
  });

  it('"Keep the other" puts the other window\'s text in the textarea and keeps it stored', async () => {
    const { B, conflict, stored } = await conflictInB();
    const revision = (await stored()).revision;
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep the other' }));
    await waitFor(() => expect(B.notes.value).toBe('Typed in window A'));
    expect(within(B.card).queryByRole('group', { name: /also changed/ })).toBeNull();
    expect((await stored()).notes).toBe('Typed in window A');
    expect((await stored()).revision).toBe(revision); // nothing to write
  });

  it('"Keep both" stores both texts, and both windows show them', async () => {
    const { A, B, conflict, stored } = await conflictInB();
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep both' }));
    await waitFor(async () => expect((await stored()).notes).toBe('Typed in window B\n\nTyped in window A'));
    expect(B.notes.value).toBe('Typed in window B\n\nTyped in window A');
    await waitFor(() => expect(A.notes.value).toBe('Typed in window B\n\nTyped in window A'));
  });

  it('a change of another field elsewhere is not a conflict for the note', async () => {
    const w = await twoWindows();
    const B = await openNotes(w.b);
    fireEvent.input(B.notes, { target: { value: 'Typed in window B' } });
    await w.db.updateItem(w.item.id, { status: 'contacted' }); // another window, another field
    fireEvent.blur(B.notes);
    await waitFor(async () => expect((await w.stored()).notes).toBe('Typed in window B'));
    expect((await w.stored()).status).toBe('contacted');
    expect(within(B.card).queryByRole('group', { name: /also changed/ })).toBeNull();
  });
});

describe('two windows changing one status', () => {
  it('shows both statuses and saves the choice', async () => {
    const w = await twoWindows();
    const cardB = await within(w.b).findByRole('article', { name: PROVIDER.name });
    const select = within(cardB).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    // Window A changes the status; B picks another before it has re-read.
    const other = await openShortlistDb({ indexedDB: w.factory, channelName: `${w.channelName}-quiet` });
    await other.updateItem(w.item.id, { status: 'ruled-out' });
    fireEvent.change(select, { target: { value: 'consultation-booked' } });
    const conflict = await within(cardB).findByRole('group', { name: /status was also changed/ });
    expect(conflict.querySelector('[data-version="mine"]')?.textContent).toBe('Consultation booked');
    expect(conflict.querySelector('[data-version="theirs"]')?.textContent).toBe('Ruled out');
    expect((await w.stored()).status).toBe('ruled-out');
    fireEvent.click(within(conflict).getByRole('button', { name: 'Keep mine' }));
    await waitFor(async () => expect((await w.stored()).status).toBe('consultation-booked'));
    await waitFor(() => expect(within(cardB).queryByRole('group', { name: /also changed/ })).toBeNull());
    other.close();
  });
});

describe('a conflict outlives the row', () => {
  it('closing and reopening the details still shows both quotes; nothing chosen for the user', async () => {
    const w = await twoWindows();
    const B = await openNotes(w.b);
    const other = await openShortlistDb({ indexedDB: w.factory, channelName: `${w.channelName}-quiet` });
    await other.updateItem(w.item.id, { quote: { consultation: 300, perSession: null, note: '' } });
    const consultation = within(B.card).getByRole('textbox', { name: 'Consultation' }) as HTMLInputElement;
    fireEvent.input(consultation, { target: { value: '350' } });
    fireEvent.change(consultation, { target: { value: '350' } });
    await within(B.card).findByRole('group', { name: /also changed/ });
    // Close the details (the quote's fields leave the page), then open them again.
    const toggle = within(B.card).getByRole('button', { name: /Notes and details/ });
    fireEvent.click(toggle);
    await waitFor(() => expect(within(B.card).queryByRole('textbox', { name: 'Consultation' })).toBeNull());
    fireEvent.click(within(B.card).getByRole('button', { name: /Notes and details/ }));
    const conflict = await within(B.card).findByRole('group', { name: /also changed/ });
    expect(conflict.querySelector('[data-version="mine"]')?.textContent).toContain('$350');
    expect(conflict.querySelector('[data-version="theirs"]')?.textContent).toContain('$300');
    expect((await w.stored()).quote?.consultation).toBe(300);
    other.close();
  });
});

describe('two windows typing different parts of one quote', () => {
  it('keeps both prices without asking (only the same field typed differently is a conflict)', async () => {
    const w = await twoWindows();
    const B = await openNotes(w.b);
    const other = await openShortlistDb({ indexedDB: w.factory, channelName: `${w.channelName}-quiet` });
    await other.updateItem(w.item.id, { quote: { consultation: 300, perSession: null, note: '' } });
    const perSession = within(B.card).getByRole('textbox', { name: 'Per session' }) as HTMLInputElement;
    fireEvent.input(perSession, { target: { value: '550' } });
    fireEvent.change(perSession, { target: { value: '550' } });
    await waitFor(async () => expect((await w.stored()).quote).toEqual({ consultation: 300, perSession: 550, note: '' }));
    expect(within(B.card).queryByRole('group', { name: /also changed/ })).toBeNull();
    other.close();
  });
});

describe('ShortlistStore.updateItem', () => {
  it('requires the revision it read, and repeats a write whose values nobody else changed', async () => {
    const { factory, channelName, item, db } = await twoWindows();
    const store = new ShortlistStore({ open: () => openShortlistDb({ indexedDB: factory, channelName }), channelName, requestPersistence: async () => true });
    await store.start();
    await db.updateItem(item.id, { answers: { q1: { done: true, text: 'theirs' } } }); // revision 2
    // Another question: not a conflict with a base.
    const saved = await store.updateItem(item.id, { answers: { q2: { done: false, text: 'mine' } }, expectedRevision: 1 }, { answers: {} });
    expect(saved.answers).toEqual({ q1: { done: true, text: 'theirs' }, q2: { done: false, text: 'mine' } });
    // The same question: a conflict, nothing written.
    const err = await store
      .updateItem(item.id, { answers: { q1: { done: false, text: 'mine' } }, expectedRevision: 1 }, { answers: {} })
      .catch((e: unknown) => e);
    expect(isItemConflict(err)).toBe(true);
    expect((await db.listItems(item.shortlistId))[0]!.answers.q1).toEqual({ done: true, text: 'theirs' });
    store.stop();
  });
});
