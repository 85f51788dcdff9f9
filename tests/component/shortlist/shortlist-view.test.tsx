import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { ShortlistPanel } from '@/components/shortlist/ShortlistPanel';
import { EMPTY_TEXT, EMPTY_TITLE } from '@/lib/shortlist/view';
import { PURGE_AFTER_MS } from '@/state/shortlists/store';
import { ShortlistsProvider } from '@/state/shortlists/context';
import type { Provider } from '@/lib/dataset/schema';
import { openShortlistDb, StorageError, STORAGE_ERROR_MESSAGES, type ShortlistDb } from '@/lib/shortlist';
import type { ShortlistItem } from '@/lib/shortlist/schema';
import { closedProvider, makeProvider } from '@/tests/fixtures/providers';

const PROVIDERS = new Map<string, Provider>(
  [
    makeProvider(),
    makeProvider({ id: 'second-clinic', name: 'Second Test Clinic' }),
    makeProvider({ id: 'third-clinic', name: 'Third Test Clinic' }),
    closedProvider(),
    makeProvider({ id: 'tele-clinic', name: 'Tele Test Programme', locations: [], delivery: { value: 'at-home', sources: [] }, statesServed: { value: ['CO'], sources: [] } }),
  ].map((p) => [p.id, p]),
);
const providerById = (id: string) => PROVIDERS.get(id);

async function setup(opts: { now?: () => number } = {}) {
  const factory = new IDBFactory();
  const channelName = `test-${crypto.randomUUID()}`;
  const open = () => openShortlistDb({ indexedDB: factory, channelName, now: opts.now });
  let t = Date.now() - 3_600_000;
  const db: ShortlistDb = await openShortlistDb({ indexedDB: factory, channelName, now: opts.now ?? (() => (t += 1000)) });
  const panel = <ShortlistPanel providerById={providerById} />;
  const view = (extra: { open?: () => Promise<ShortlistDb> } = {}) => {
    const tree = (child: preact.ComponentChildren) => (
      <ShortlistsProvider open={extra.open ?? open} channelName={channelName} requestPersistence={async () => true}>
        {child}
      </ShortlistsProvider>
    );
    const result = render(tree(panel));
    /** Shows something else inside the same provider (another view of the same page), or the panel again. */
    const show = (child: preact.ComponentChildren = panel) => result.rerender(tree(child));
    return { ...result, show };
  };
  const add = async (listId: string, providerId: string | null, name = providerId ? PROVIDERS.get(providerId)?.name ?? providerId : 'Own clinic') =>
    db.addItem(listId, {
      providerId,
      snapshot: { name, website: 'https://snapshot.example/' },
      custom: providerId ? null : { name, website: null, city: 'Austin', state: 'TX' },
    });
  return { db, factory, channelName, view, add };
}

const item = (name: string | RegExp) => screen.getByRole('article', { name });
const names = () => screen.getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);

async function expand(name: string) {
  const card = await screen.findByRole('article', { name });
  fireEvent.click(within(card).getByRole('button', { name: /Notes and details/ }));
  return card;
}

describe('Shortlist view', () => {
  it('says what a shortlist is for and how to add, first; list options and export sit in a menu below', async () => {
    const { view } = await setup();
    const { container } = view();
    const title = await screen.findByRole('heading', { name: EMPTY_TITLE });
    const empty = title.closest('.sl-empty') as HTMLElement;
    expect(empty.textContent).toContain(EMPTY_TEXT);
    expect(within(empty).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      "Open a clinic's website, or find one in Browse.",
      'On its card, choose “Add to shortlist”.',
    ]);
    expect(within(empty).getByRole('link', { name: 'Browse providers' }).getAttribute('href')).toBe('#/browse');
    // Nothing (no greyed export button) comes before the empty state; list management is in the closed menu below.
    const menu = container.querySelector('details.sl-menu') as HTMLDetailsElement;
    expect(menu.open).toBe(false);
    expect(menu.querySelector('summary')!.textContent).toBe('List options, export and import');
    expect(empty.compareDocumentPosition(menu) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(menu).getByRole('button', { name: 'New list' })).toBeTruthy();
    for (const button of container.querySelectorAll('button')) {
      if (!menu.contains(button)) expect(empty.compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING, button.textContent!).toBeTruthy();
    }
  });

  it('each row shows status (a closure first), place or telehealth, price or the quote, the user status and the start of the note', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    const closed = await add(list.id, 'example-closed');
    const open = await add(list.id, 'example-clinic');
    const tele = await add(list.id, 'tele-clinic');
    await add(list.id, null, 'My own clinic');
    await db.updateItem(open.id, { quote: { consultation: null, perSession: 400, note: '' }, notes: `First line of my note ${'word '.repeat(80)}` });
    await db.updateItem(tele.id, { status: 'contacted' });
    view();
    const facts = async (name: string) => {
      const card = await screen.findByRole('article', { name });
      return Array.from(card.querySelectorAll('.sl-item__facts > span')).map((s) => s.textContent);
    };
    expect(await facts('Example Closed Chain')).toEqual(['Closed since 10 Mar 2023', 'Springfield, IL', 'No published price']);
    expect(await facts('Example Ketamine Clinic')).toEqual(['Operating', 'Springfield, IL', 'Your quote: $400 a session']);
    expect(await facts('Tele Test Programme')).toEqual(['Operating', 'Telehealth', 'From $450 per session']);
    expect(await facts('My own clinic')).toEqual(['Austin, TX']);
    const closedCard = item('Example Closed Chain');
    expect(closedCard.querySelector('.sl-item__facts > :first-child')!.className).toContain('tag--danger');
    expect((within(item('Tele Test Programme')).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('contacted');
    const preview = item('Example Ketamine Clinic').querySelector('.sl-item__preview')!;
    expect(preview.textContent).toMatch(/^First line of my note (word )+word…$/);
    expect(preview.textContent!.length).toBeLessThan(160);
    expect(preview.getAttribute('dir')).toBe('auto');
    void closed;
  });

  it('shows when an item was last touched in its details', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    view();
    const card = await expand('Example Ketamine Clinic');
    expect((within(card).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('considering');
    expect(within(card).getByText(/Updated/).textContent).toMatch(/^Updated (just now|\d+ minutes? ago|\d+ hours? ago|an hour ago) \(.+\d{4}.+\)$/);
    expect(card.querySelector('time')?.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('saves notes as the user types (debounced) and on blur, and says "Saved" politely', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    const it1 = await add(list.id, 'example-clinic');
    view();
    const card = await expand('Example Ketamine Clinic');
    const notes = within(card).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    fireEvent.input(notes, { target: { value: 'Called Monday; consult $250 🙂' } });
    const status = within(card).getByText((_, el) => el?.classList.contains('sl-notes__status') ?? false);
    expect(status.getAttribute('aria-live')).toBe('polite');
    await waitFor(() => expect(status.textContent).toBe('Saved'), { timeout: 3000 });
    expect((await db.listItems(list.id)).find((i) => i.id === it1.id)?.notes).toBe('Called Monday; consult $250 🙂');

    // Blur saves at once, without waiting for the pause.
    fireEvent.input(notes, { target: { value: 'مرحبا — second line' } });
    fireEvent.blur(notes);
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.notes).toBe('مرحبا — second line'));
  });

  it('keeps the text in the textarea and shows why when a note cannot be saved; "Try again" saves it', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    view();
    const card = await expand('Example Ketamine Clinic');
    const spy = vi.spyOn(Object.getPrototypeOf(db) as ShortlistDb, 'updateItem').mockRejectedValue(new StorageError('quota'));
    const notes = within(card).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement;
    fireEvent.input(notes, { target: { value: 'Do not lose this' } });
    fireEvent.blur(notes);
    const alert = await within(card).findByRole('alert');
    expect(alert.textContent).toContain(STORAGE_ERROR_MESSAGES.quota);
    expect(alert.textContent).toContain('Your text is still here');
    expect(notes.value).toBe('Do not lose this');
    expect(notes.getAttribute('aria-invalid')).toBe('true');
    // The view also explains the storage problem and points to export.
    expect(screen.getByText(/use Export/)).toBeTruthy();
    expect((await db.listItems(list.id))[0]!.notes).toBe('');

    spy.mockRestore();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.notes).toBe('Do not lose this'));
    await waitFor(() => expect(within(card).queryByRole('alert')).toBeNull());
    expect(notes.value).toBe('Do not lose this');
  });

  it('keeps unsaved notes when the item is collapsed or the view is left, and saves them when storage works again', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    const { show } = view();
    let card = await expand('Example Ketamine Clinic');
    const spy = vi.spyOn(Object.getPrototypeOf(db) as ShortlistDb, 'updateItem').mockRejectedValue(new StorageError('aborted'));
    fireEvent.input(within(card).getByRole('textbox', { name: 'Notes' }), { target: { value: 'typed while it failed' } });
    fireEvent.blur(within(card).getByRole('textbox', { name: 'Notes' }));
    await within(card).findByRole('alert');
    fireEvent.click(within(card).getByRole('button', { name: /Notes and details/ })); // collapse
    card = await expand('Example Ketamine Clinic');
    expect((within(card).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('typed while it failed');

    // Another view and back: the store (one per page) kept the draft; coming back saves it.
    show(<p>Another view</p>);
    expect(screen.queryByRole('textbox', { name: 'Notes' })).toBeNull();
    expect((await db.listItems(list.id))[0]!.notes).toBe('');
    spy.mockRestore();
    show();
    card = await expand('Example Ketamine Clinic');
    expect((within(card).getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).value).toBe('typed while it failed');
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.notes).toBe('typed while it failed'));
    await within(card).findByText('Saved');
  });

  it('keeps what was typed in "Add a clinic yourself" when the user goes to another view and back', async () => {
    const { show } = (await setup()).view();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a clinic yourself' }));
    fireEvent.input(screen.getByLabelText(/Clinic name/), { target: { value: 'Half-typed clinic' } });
    fireEvent.input(screen.getByLabelText('Notes'), { target: { value: 'remember this' } });
    show(<p>Another view</p>);
    show();
    const form = await screen.findByRole('form', { name: 'Add a clinic yourself' });
    expect((within(form).getByLabelText(/Clinic name/) as HTMLInputElement).value).toBe('Half-typed clinic');
    expect((within(form).getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('remember this');
    fireEvent.click(within(form).getByRole('button', { name: 'Cancel' }));
    show(<p>Another view</p>);
    show();
    expect(await screen.findByRole('button', { name: 'Add a clinic yourself' })).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Add a clinic yourself' })).toBeNull();
  });

  it('changes the status', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    view();
    const card = await screen.findByRole('article', { name: 'Example Ketamine Clinic' });
    const select = within(card).getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect(Array.from(select.options).map((o) => o.text)).toEqual(['Considering', 'Contacted', 'Consultation booked', 'Ruled out']);
    fireEvent.change(select, { target: { value: 'consultation-booked' } });
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.status).toBe('consultation-booked'));
    await waitFor(() => expect(select.value).toBe('consultation-booked'));
  });

  it('validates quoted prices per field and saves valid ones', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    view();
    const card = await expand('Example Ketamine Clinic');
    const consult = within(card).getByRole('textbox', { name: 'Consultation' }) as HTMLInputElement;
    const session = within(card).getByRole('textbox', { name: 'Per session' }) as HTMLInputElement;

    fireEvent.input(consult, { target: { value: 'about 300' } });
    fireEvent.change(consult);
    expect(await within(card).findByText('Enter an amount in dollars, like 450 or 450.50.')).toBeTruthy();
    expect(consult.getAttribute('aria-invalid')).toBe('true');
    expect(consult.value).toBe('about 300'); // what was typed stays
    fireEvent.input(session, { target: { value: '-20' } });
    fireEvent.change(session);
    expect(await within(card).findByText("A price can't be negative.")).toBeTruthy();
    expect((await db.listItems(list.id))[0]!.quote).toBeNull();

    fireEvent.input(consult, { target: { value: '$1,200' } });
    fireEvent.change(consult);
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.quote).toEqual({ consultation: 1200, perSession: null, note: '' }));
    expect(consult.getAttribute('aria-invalid')).toBeNull();
    fireEvent.input(session, { target: { value: '450.50' } });
    fireEvent.change(session);
    await waitFor(async () => expect((await db.listItems(list.id))[0]!.quote).toEqual({ consultation: 1200, perSession: 450.5, note: '' }));
    expect(within(card).getByText('Quote saved')).toBeTruthy();
  });

  it('adds a clinic by hand with per-field messages, and marks it "Your own entry"', async () => {
    const { db, view } = await setup();
    view();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a clinic yourself' }));
    const form = screen.getByRole('form', { name: 'Add a clinic yourself' });
    const field = (name: string | RegExp) => within(form).getByLabelText(name) as HTMLInputElement;
    fireEvent.input(field('Website'), { target: { value: 'javascript:alert(1)' } });
    fireEvent.input(field('Quoted consultation price'), { target: { value: 'free?' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add clinic' }));
    expect(within(form).getByText("Enter the clinic's name.")).toBeTruthy();
    expect(within(form).getByText('Only web addresses starting with http:// or https:// can be saved.')).toBeTruthy();
    expect(within(form).getByText('Enter an amount in dollars, like 450 or 450.50.')).toBeTruthy();
    expect(within(form).getByRole('alert').textContent).toBe('3 fields need attention: Clinic name, Website, Quoted consultation price.');
    expect(document.activeElement).toBe(field(/Clinic name/));
    expect(field(/Clinic name/).getAttribute('aria-invalid')).toBe('true');

    fireEvent.input(field(/Clinic name/), { target: { value: '  Hill Country Wellness  ' } });
    fireEvent.input(field('Website'), { target: { value: 'hillcountry.example' } });
    fireEvent.input(field('City'), { target: { value: 'Austin' } });
    fireEvent.change(within(form).getByLabelText('State'), { target: { value: 'TX' } });
    fireEvent.input(field('Quoted consultation price'), { target: { value: '200' } });
    fireEvent.input(field('Quoted price per session'), { target: { value: '$475' } });
    fireEvent.input(within(form).getByLabelText('Notes'), { target: { value: 'Dr. Lee, call back Tue' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add clinic' }));

    const card = await screen.findByRole('article', { name: 'Hill Country Wellness' });
    expect(within(card).getByText('Your own entry')).toBeTruthy();
    expect(within(card).getByText(/Austin, TX/)).toBeTruthy();
    expect(screen.queryByRole('form', { name: 'Add a clinic yourself' })).toBeNull();
    const [list] = await db.listShortlists();
    const [saved] = await db.listItems(list!.id);
    expect(saved).toMatchObject({
      providerId: null,
      custom: { name: 'Hill Country Wellness', website: 'https://hillcountry.example/', city: 'Austin', state: 'TX' },
      snapshot: { name: 'Hill Country Wellness', website: 'https://hillcountry.example/' },
      quote: { consultation: 200, perSession: 475, note: '' },
      notes: 'Dr. Lee, call back Tue',
    });
  });

  it('keeps everything typed in the clinic form when saving fails', async () => {
    const { db, view } = await setup();
    view();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a clinic yourself' }));
    const form = screen.getByRole('form', { name: 'Add a clinic yourself' });
    vi.spyOn(Object.getPrototypeOf(db) as ShortlistDb, 'writeAll').mockRejectedValue(new StorageError('quota'));
    fireEvent.input(within(form).getByLabelText(/Clinic name/), { target: { value: 'Keep Me Clinic' } });
    fireEvent.input(within(form).getByLabelText('Notes'), { target: { value: 'long notes…' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add clinic' }));
    expect((await within(form).findByRole('alert')).textContent).toContain(STORAGE_ERROR_MESSAGES.quota);
    expect((within(form).getByLabelText(/Clinic name/) as HTMLInputElement).value).toBe('Keep Me Clinic');
    expect((within(form).getByLabelText('Notes') as HTMLTextAreaElement).value).toBe('long notes…');
  });

  it('creates, renames and deletes lists; deletion can be undone and restored from "Recently deleted"', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    view();
    await screen.findByRole('heading', { level: 2, name: 'My shortlist' });

    fireEvent.click(screen.getByRole('button', { name: 'Rename list' }));
    const nameInput = screen.getByRole('textbox', { name: 'New name for the list' }) as HTMLInputElement;
    expect(document.activeElement).toBe(nameInput);
    fireEvent.input(nameInput, { target: { value: '   ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(screen.getByText('Enter a name for the list.')).toBeTruthy();
    fireEvent.input(nameInput, { target: { value: 'Austin options' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await screen.findByRole('heading', { level: 2, name: 'Austin options' });
    expect((await db.listShortlists())[0]!.name).toBe('Austin options');

    fireEvent.click(screen.getByRole('button', { name: 'New list' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'Name of the new list' }), { target: { value: 'Telehealth' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create list' }));
    await screen.findByRole('heading', { level: 2, name: 'Telehealth' });
    const picker = screen.getByRole('combobox', { name: 'Show list' }) as HTMLSelectElement;
    expect(Array.from(picker.options).map((o) => o.text)).toEqual(['Austin options', 'Telehealth']);
    fireEvent.change(picker, { target: { value: list.id } });
    await screen.findByRole('heading', { level: 2, name: 'Austin options' });

    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(screen.getByText('Deleted the list “Austin options”.', { selector: '.sl-undo__text' })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: 'Telehealth' });
    const recent = screen.getByRole('region', { name: 'Recently deleted' });
    expect(within(recent).getByText('Austin options')).toBeTruthy();
    expect(within(recent).getByText(/1 clinic, deleted/)).toBeTruthy();
    expect((await db.listDeletedShortlists()).map((l) => l.name)).toEqual(['Austin options']);

    fireEvent.click(undo);
    await waitFor(async () => expect((await db.listShortlists()).map((l) => l.name)).toEqual(['Austin options', 'Telehealth']));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Recently deleted' })).toBeNull());
    // The item and its place came back with the list.
    fireEvent.change(screen.getByRole('combobox', { name: 'Show list' }), { target: { value: list.id } });
    expect(await screen.findByRole('article', { name: 'Example Ketamine Clinic' })).toBeTruthy();

    // Restore from "Recently deleted" works too.
    fireEvent.click(screen.getByRole('button', { name: 'Delete list' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Dismiss' }));
    const region = await screen.findByRole('region', { name: 'Recently deleted' });
    fireEvent.click(within(region).getByRole('button', { name: 'Restore' }));
    await screen.findByRole('heading', { level: 2, name: 'Austin options' });
    expect(await db.listDeletedShortlists()).toEqual([]);
  });

  it('purges lists deleted more than 30 days ago when it opens, and keeps newer ones', async () => {
    let clock = Date.now() - PURGE_AFTER_MS - 5 * 24 * 3600_000;
    const { db, view } = await setup({ now: () => clock });
    const old = await db.createShortlist('Old list');
    await db.deleteShortlist(old.id);
    clock = Date.now() - 2 * 24 * 3600_000;
    const recent = await db.createShortlist('Recent list');
    await db.deleteShortlist(recent.id);
    clock = Date.now();
    view();
    const region = await screen.findByRole('region', { name: 'Recently deleted' });
    expect(within(region).getByText('Recent list')).toBeTruthy();
    expect(within(region).getByText(/28 days left to restore/)).toBeTruthy();
    await waitFor(async () => expect((await db.listDeletedShortlists()).map((l) => l.name)).toEqual(['Recent list']));
    expect(within(region).queryByText('Old list')).toBeNull();
  });

  it('reorders with Move up / Move down, keeps focus on the moved item and announces the new place', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    await add(list.id, 'second-clinic');
    await add(list.id, 'third-clinic');
    view();
    await screen.findByRole('article', { name: 'Third Test Clinic' });
    expect(names()).toEqual(['Example Ketamine Clinic', 'Second Test Clinic', 'Third Test Clinic']);
    const firstUp = within(item('Example Ketamine Clinic')).getByRole('button', { name: 'Move up Example Ketamine Clinic' });
    expect(firstUp.getAttribute('aria-disabled')).toBe('true');

    fireEvent.click(within(item('Example Ketamine Clinic')).getByRole('button', { name: /^Move down/ }));
    await waitFor(() => expect(names()).toEqual(['Second Test Clinic', 'Example Ketamine Clinic', 'Third Test Clinic']));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Move down Example Ketamine Clinic'));
    expect(screen.getByText('Moved Example Ketamine Clinic to position 2 of 3.')).toBeTruthy();

    fireEvent.click(within(item('Third Test Clinic')).getByRole('button', { name: /^Move up/ }));
    fireEvent.click(within(item('Third Test Clinic')).getByRole('button', { name: /^Move up/ }));
    await waitFor(() => expect(names()).toEqual(['Third Test Clinic', 'Second Test Clinic', 'Example Ketamine Clinic']), { timeout: 3000 });
    expect((await db.listItems(list.id)).map((i) => i.providerId)).toEqual(['third-clinic', 'second-clinic', 'example-clinic']);
  });

  it('removes an item with undo, which brings it back in its place with its notes', async () => {
    const { db, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    await add(list.id, 'example-clinic');
    const second = await add(list.id, 'second-clinic');
    await add(list.id, 'third-clinic');
    await db.updateItem(second.id, { notes: 'keep these notes' });
    view();
    const card = await expand('Second Test Clinic');
    fireEvent.click(within(card).getByRole('button', { name: 'Remove from shortlist' }));
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByText('Removed Second Test Clinic from My shortlist.', { selector: '.sl-undo__text' })).toBeTruthy();
    await waitFor(() => expect(names()).toEqual(['Example Ketamine Clinic', 'Third Test Clinic']));
    fireEvent.click(undo);
    await waitFor(() => expect(names()).toEqual(['Example Ketamine Clinic', 'Second Test Clinic', 'Third Test Clinic']));
    const restored = (await db.listItems(list.id))[1] as ShortlistItem;
    expect(restored).toMatchObject({ id: second.id, notes: 'keep these notes' });
  });

  it('shows an item whose provider left the dataset from its snapshot, with a note', async () => {
    const { db, view } = await setup();
    const list = await db.createShortlist('My shortlist');
    await db.addItem(list.id, { providerId: 'closed-down-clinic', snapshot: { name: 'Gone Clinic', website: 'https://gone.example/' }, custom: null });
    view();
    const card = await expand('Gone Clinic');
    expect(within(card).getByText("No longer in Clinic Scout's list")).toBeTruthy();
    expect(within(card).getByText(/only what you saved is shown/)).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'gone.example' }).getAttribute('href')).toBe('https://gone.example/');
    expect(within(card).queryByRole('link', { name: "Open the clinic's card" })).toBeNull();
  });

  it('follows changes made in another window without a reload', async () => {
    const { db, factory, channelName, view, add } = await setup();
    const list = await db.createShortlist('My shortlist');
    const first = await add(list.id, 'example-clinic');
    view();
    await screen.findByRole('article', { name: 'Example Ketamine Clinic' });
    const other = await openShortlistDb({ indexedDB: factory, channelName });
    await other.addItem(list.id, { providerId: 'second-clinic', snapshot: { name: 'Second Test Clinic', website: null }, custom: null });
    await other.updateItem(first.id, { notes: 'typed in the other window' });
    expect(await screen.findByRole('article', { name: 'Second Test Clinic' }, { timeout: 1000 })).toBeTruthy();
    await waitFor(() => expect(within(item('Example Ketamine Clinic')).getByText('typed in the other window')).toBeTruthy(), { timeout: 1000 });
    await other.renameShortlist(list.id, 'Renamed elsewhere');
    await screen.findByRole('heading', { level: 2, name: 'Renamed elsewhere' }, { timeout: 1000 });
    other.close();
  });

  it('when storage is unavailable (private window), explains it, points to export/import and never crashes', async () => {
    const { view } = await setup();
    const open = vi.fn(() => Promise.reject(new StorageError('unavailable')));
    view({ open });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(STORAGE_ERROR_MESSAGES.unavailable);
    expect(alert.textContent).toContain('use Export');
    expect(screen.queryByText(/Your shortlist is empty/)).toBeNull();
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(open).toHaveBeenCalledTimes(2));
    expect((await screen.findByRole('alert')).textContent).toContain(STORAGE_ERROR_MESSAGES.unavailable);
    // Typing a clinic in still works; saving it fails with the reason, and the text stays.
    fireEvent.click(screen.getByRole('button', { name: 'Add a clinic yourself' }));
    const form = screen.getByRole('form', { name: 'Add a clinic yourself' });
    fireEvent.input(within(form).getByLabelText(/Clinic name/), { target: { value: 'Typed while private' } });
    await act(async () => {
      fireEvent.click(within(form).getByRole('button', { name: 'Add clinic' }));
    });
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain(STORAGE_ERROR_MESSAGES.unavailable));
    expect((within(form).getByLabelText(/Clinic name/) as HTMLInputElement).value).toBe('Typed while private');
  });
});
