import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ZipLookup } from '@/data/geo';
import { BrowseView } from '@/components/browse/BrowseView';
import { resetBrowseMemory } from '@/state/browse-search';
import type { NearContext, PlacedPoint } from '@/lib/browse/near-me';
import type { Location, Provider } from '@/lib/dataset/schema';
import { makeProvider } from '@/tests/fixtures/providers';

// Made-up providers, places and ZIP table (never real facts). Home ZIP 11111 is at (40, -105).
const loc = (city: string, state: Location['state'], confirmed = true): Location => ({ city, state, confirmed, sources: [] });
const providers: Provider[] = [
  makeProvider({ id: 'alpha', name: 'Alpha Far', locations: [loc('Shelbyville', 'CO')] }),
  makeProvider({ id: 'bravo', name: 'Bravo Near', locations: [loc('Springfield', 'CO')] }),
  makeProvider({ id: 'charlie', name: 'Charlie Unconfirmed', locations: [loc('Springfield', 'CO', false)] }),
  makeProvider({ id: 'delta', name: 'Delta Elsewhere', locations: [loc('Ogdenville', 'NM')] }),
  makeProvider({
    id: 'echo',
    name: 'Echo At Home',
    kind: 'telehealth-programme',
    delivery: { value: 'at-home', sources: [] },
    locations: [],
    statesServed: { value: ['CO'], sources: [] },
  }),
  makeProvider({
    id: 'foxtrot',
    name: 'Foxtrot At Home',
    kind: 'telehealth-programme',
    delivery: { value: 'at-home', sources: [] },
    locations: [],
    statesServed: { value: null, sources: [] },
  }),
];
const places: Record<string, PlacedPoint[]> = {
  alpha: [{ lat: 41, lon: -105, index: 0 }],
  bravo: [{ lat: 40.1, lon: -105, index: 0 }],
  delta: [{ lat: 35, lon: -106, index: 0 }],
};
const sortContext: NearContext = { placesOf: (id) => places[id] ?? [] };

const TABLE: Record<string, { lat: number; lon: number; state: string }> = {
  '11111': { lat: 40, lon: -105, state: 'CO' },
  '22222': { lat: 35, lon: -106, state: 'NM' },
};

/** A ZIP table whose loading the test releases, so "Loading ZIP codes…" can be seen. */
function deferredTable() {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const load = vi.fn(async (): Promise<ZipLookup> => {
    await gate;
    return { get: (zip) => TABLE[zip] };
  });
  return { load, release };
}
const instantTable = () => vi.fn(async (): Promise<ZipLookup> => ({ get: (zip) => TABLE[zip] }));

const go = vi.fn();
const names = () => within(screen.getByRole('list', { name: 'Providers' })).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
const resultOf = (name: string) => screen.getByRole('heading', { name }).closest('li')!;
const nearLine = (name: string) => resultOf(name).querySelector('.result__near')?.textContent ?? null;
const sortLabels = () => [...(screen.getByLabelText('Sort by') as HTMLSelectElement).options].map((o) => o.text);
const stored = async () => (await fakeBrowser.storage.local.get('homeLocation')).homeLocation;

beforeEach(() => {
  resetBrowseMemory();
  go.mockReset();
});

describe('Near me', () => {
  it('does not load the ZIP table without a ZIP, and offers no distance sort', async () => {
    const load = instantTable();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    expect(screen.getByRole('heading', { name: 'Your location' })).toBeTruthy();
    expect(screen.getByText('Kept on this device only.')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 20));
    expect(load).not.toHaveBeenCalled();
    expect(sortLabels()).not.toContain('Nearest first');
    expect(nearLine('Bravo Near')).toBeNull();
  });

  it('set a ZIP: loads the table (saying so), keeps it on this device, sorts nearest first with distances', async () => {
    const { load, release } = deferredTable();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    fireEvent.input(await screen.findByLabelText('ZIP code'), { target: { value: '11111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use ZIP code' }));

    // Browse is not blocked while the table loads.
    await screen.findByText('Loading ZIP codes…');
    expect(names()).toHaveLength(6);
    release();

    await screen.findByText('11111');
    expect(screen.getByText(/Near ZIP code/).textContent).toMatch(/Near ZIP code 11111 \(Colorado\)/);
    expect(screen.queryByText('Loading ZIP codes…')).toBeNull();
    expect(await stored()).toEqual({ zip: '11111', state: 'CO' });
    expect(load).toHaveBeenCalledTimes(1);
    // Focus moves to the summary's "Change" button, not lost with the form.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change' })));

    // Setting a ZIP sorts nearest first by itself, and the sort is stored beside the ZIP.
    expect(sortLabels()).toContain('Nearest first');
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('nearest');
    expect((await fakeBrowser.storage.local.get('browseSort')).browseSort).toBe('nearest');
    expect(names()).toEqual(['Bravo Near', 'Alpha Far', 'Delta Elsewhere', 'Charlie Unconfirmed', 'Echo At Home', 'Foxtrot At Home']);
    expect(nearLine('Bravo Near')).toBe('about 7 mi (straight line)');
    expect(nearLine('Alpha Far')).toBe('about 69 mi (straight line)');
    // Never placed as if known.
    expect(nearLine('Charlie Unconfirmed')).toBe('location not confirmed');
    expect(resultOf('Charlie Unconfirmed').querySelector('.result__near .unknown')).toBeTruthy();
    // Telehealth: whether it serves the user's state.
    expect(nearLine('Echo At Home')).toBe('Serves CO');
    expect(nearLine('Foxtrot At Home')).toBe('States served not published');

    // Distances stay visible under another sort.
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'name' } });
    expect(names()[0]).toBe('Alpha Far');
    expect(nearLine('Alpha Far')).toBe('about 69 mi (straight line)');
  });

  it('remembers the chosen sort in storage.local (browseSort) for the next panel, nearest first once the ZIP table is loaded', async () => {
    await fakeBrowser.storage.local.set({ homeLocation: { zip: '11111', state: 'CO' }, browseSort: 'nearest' });
    const { load, release } = deferredTable();
    const first = render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    release();
    await waitFor(() => expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('nearest'));
    expect(names()[0]).toBe('Bravo Near');
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'price' } });
    expect((await fakeBrowser.storage.local.get('browseSort')).browseSort).toBe('price');
    first.unmount();

    // A new panel (nothing in memory) reads it back.
    resetBrowseMemory();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={instantTable()} />);
    await waitFor(() => expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('price'));
    // Only the two preferences are kept there.
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).sort()).toEqual(['browseSort', 'homeLocation']);
  });

  it('ignores a stored sort it does not know', async () => {
    await fakeBrowser.storage.local.set({ browseSort: 'rating' });
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={instantTable()} />);
    await new Promise((r) => setTimeout(r, 20));
    expect((screen.getByLabelText('Sort by') as HTMLSelectElement).value).toBe('name');
  });

  it('explains an invalid ZIP and one it does not know, and stores neither', async () => {
    const load = instantTable();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    const input = await screen.findByLabelText('ZIP code');
    fireEvent.input(input, { target: { value: '1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use ZIP code' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('A ZIP code is 5 digits, for example 80302.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain('home-error');
    expect(load).not.toHaveBeenCalled();

    fireEvent.input(input, { target: { value: '99999' } });
    fireEvent.submit(input.closest('form')!);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toBe("We don't know that ZIP code; try a nearby one or choose your state."),
    );
    expect(await stored()).toBeUndefined();
    expect(sortLabels()).not.toContain('Nearest first');

    fireEvent.input(input, { target: { value: '22222-0001' } });
    fireEvent.submit(input.closest('form')!);
    await screen.findByText(/Near ZIP code/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await stored()).toEqual({ zip: '22222', state: 'NM' });
  });

  it('state only: no distances and no ZIP table, "In your state" markers and a filter for it', async () => {
    const load = instantTable();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    fireEvent.change(await screen.findByLabelText('Or just your state'), { target: { value: 'CO' } });
    await screen.findByText(/add a ZIP code to see distances/);
    expect(await stored()).toEqual({ zip: null, state: 'CO' });
    expect(load).not.toHaveBeenCalled();
    expect(sortLabels()).not.toContain('Nearest first');

    expect(nearLine('Bravo Near')).toBe('In your state');
    expect(nearLine('Charlie Unconfirmed')).toBe('In your state (location not confirmed)');
    expect(nearLine('Delta Elsewhere')).toBeNull();
    expect(nearLine('Echo At Home')).toBe('Serves CO');
    expect(screen.queryByText(/\bmi\b/)).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Show only providers in or serving Colorado' }));
    expect(names()).toEqual(['Alpha Far', 'Bravo Near', 'Charlie Unconfirmed', 'Echo At Home']);
    expect((screen.getByLabelText('State') as HTMLSelectElement).value).toBe('CO');
    expect(screen.queryByRole('button', { name: /Show only providers in or serving/ })).toBeNull();
  });

  it('remembers the ZIP from storage.local, and Clear removes it', async () => {
    await fakeBrowser.storage.local.set({ homeLocation: { zip: '22222', state: 'NM' } });
    const load = instantTable();
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} loadZipLookup={load} />);
    await screen.findByText('22222');
    await waitFor(() => expect(nearLine('Delta Elsewhere')).toBe('about 1 mi (straight line)'));
    fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'nearest' } });
    expect(names()[0]).toBe('Delta Elsewhere');
    expect(nearLine('Echo At Home')).toBe('Not listed for NM');

    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    expect((screen.getByLabelText('ZIP code') as HTMLInputElement).value).toBe('22222');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(async () => expect(await stored()).toBeUndefined());
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(nearLine('Delta Elsewhere')).toBeNull();
    expect(sortLabels()).not.toContain('Nearest first');
    expect(names()[0]).toBe('Alpha Far');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('ZIP code')));
  });

  it('uses the bundled ZIP table by default', async () => {
    render(<BrowseView go={go} providers={providers} sortContext={sortContext} />);
    fireEvent.input(await screen.findByLabelText('ZIP code'), { target: { value: '87102' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use ZIP code' }));
    await screen.findByText(/Near ZIP code/, undefined, { timeout: 5000 });
    expect(screen.getByText(/Near ZIP code/).textContent).toContain('(New Mexico)');
    expect(nearLine('Delta Elsewhere')).toMatch(/^about \d+ mi \(straight line\)$/);
  });
});
